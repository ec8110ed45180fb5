using System.IO.Compression;
using System.Xml;
using Awards.Core.Common;
using Awards.Core.Uploads;

namespace Awards.Core.Scoring.Sheets;

/// <summary>
/// Checks that a zip is a plain Excel workbook and that unpacking it is safe, before the OpenXML
/// SDK (which has no size limits) opens it (SECURITY.md §4), as <see cref="Uploads.DocxPackage"/>
/// does for Word. Every entry is inflated once, counting the bytes actually produced rather than
/// trusting the sizes the zip declares.
/// </summary>
internal static class XlsxPackage
{
    public const string WorkbookContentType =
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    private const string ContentTypesPart = "[Content_Types].xml";
    private const string MacroProjectName = "vbaProject.bin";
    private const string ContentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types";

    // Below this an entry's compression ratio is not checked: small repetitive XML parts compress
    // very well and cost nothing to inflate.

    // A real [Content_Types].xml is a few KB; it is read into memory, so it gets its own cap.
    private const int MaxContentTypesBytes = 1024 * 1024;

    /// <summary>
    /// Throws <see cref="DomainException"/> with <see cref="SheetMessages.DamagedWorkbook"/>,
    /// <see cref="SheetMessages.NotASheet"/> (another kind of package, a template, macros) or
    /// <see cref="SheetMessages.TooLargeUnpacked"/> unless <paramref name="zip"/> is an .xlsx
    /// within <paramref name="limits"/>.
    /// </summary>
    public static void Check(byte[] zip, SheetLimits limits)
    {
        try
        {
            using var content = new MemoryStream(zip, writable: false);
            using var archive = new ZipArchive(content, ZipArchiveMode.Read);
            CheckArchive(archive, limits, new ZipMeter(limits.MaxInflatedBytes, limits.MaxCompressionRatio, zip.Length, SheetMessages.TooLargeUnpacked));
        }
        catch (InvalidDataException exception)
        {
            throw new DomainException(SheetMessages.DamagedWorkbook, exception);
        }
        catch (XmlException exception)
        {
            throw new DomainException(SheetMessages.DamagedWorkbook, exception);
        }
    }

    private static void CheckArchive(ZipArchive archive, SheetLimits limits, ZipMeter meter)
    {
        var entries = archive.Entries;
        if (entries.Count > limits.MaxZipEntries)
        {
            throw new DomainException(SheetMessages.TooLargeUnpacked);
        }

        ZipArchiveEntry? contentTypes = null;
        foreach (var entry in entries)
        {
            var name = entry.FullName;
            if (string.Equals(name[(name.LastIndexOfAny(['/', '\\']) + 1)..], MacroProjectName, StringComparison.OrdinalIgnoreCase))
            {
                throw new DomainException(SheetMessages.NotASheet);
            }

            if (string.Equals(name, ContentTypesPart, StringComparison.OrdinalIgnoreCase))
            {
                contentTypes ??= entry;
            }
        }

        if (contentTypes is null)
        {
            throw new DomainException(SheetMessages.NotASheet);
        }

        using (var types = new MemoryStream())
        {
            meter.Inflate(contentTypes, types, MaxContentTypesBytes);
            CheckContentTypes(types);
        }

        foreach (var entry in entries)
        {
            if (!ReferenceEquals(entry, contentTypes))
            {
                meter.Inflate(entry, keep: null, keepAtMost: 0);
            }
        }
    }

    /// <summary>
    /// Refuses a package with no workbook part (a .docx, a template) or with macros: a macro-enabled
    /// workbook is harmless to read here, but SECURITY.md §4 refuses them everywhere, and the
    /// uploader should hear it the same way each time.
    /// </summary>
    private static void CheckContentTypes(MemoryStream xml)
    {
        xml.Position = 0;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };

        var hasWorkbook = false;
        using (var reader = XmlReader.Create(xml, settings))
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != ContentTypesNamespace)
                {
                    continue;
                }

                var contentType = reader.GetAttribute("ContentType");
                if (contentType is not null
                    && (contentType.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase)
                        || contentType.Contains("vbaProject", StringComparison.OrdinalIgnoreCase)))
                {
                    throw new DomainException(SheetMessages.NotASheet);
                }

                hasWorkbook |= string.Equals(contentType, WorkbookContentType, StringComparison.OrdinalIgnoreCase);
            }
        }

        if (!hasWorkbook)
        {
            throw new DomainException(SheetMessages.NotASheet);
        }
    }
}
