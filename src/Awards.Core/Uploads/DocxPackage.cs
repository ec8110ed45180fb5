using System.IO.Compression;
using System.Xml;
using Awards.Core.Common;

namespace Awards.Core.Uploads;

/// <summary>
/// Checks that a zip is a plain Word document and that unpacking it is safe, before the OpenXML
/// SDK (which has no size limits) opens it (SECURITY.md §4). Every entry is inflated once, counting
/// the bytes actually produced rather than trusting the sizes the zip declares.
/// </summary>
public static class DocxPackage
{
    public const string MainDocumentContentType =
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    private const string ContentTypesPart = "[Content_Types].xml";
    private const string MainDocumentPart = "word/document.xml";
    private const string MainDocumentPartName = "/" + MainDocumentPart;
    private const string MacroProjectName = "vbaProject.bin";
    private const string ContentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types";

    // Below this an entry's compression ratio is not checked: small repetitive XML parts compress
    // very well and cost nothing to inflate.

    // A real [Content_Types].xml is a few KB; it is read into memory, so it gets its own cap.
    private const int MaxContentTypesBytes = 1024 * 1024;

    /// <summary>
    /// Throws <see cref="DomainException"/> with <see cref="UploadMessages.DamagedDocument"/>,
    /// <see cref="UploadMessages.Macros"/> or <see cref="UploadMessages.DocumentTooLargeUnpacked"/>
    /// unless <paramref name="content"/> is a .docx within <paramref name="limits"/>. Leaves the
    /// stream at position 0.
    /// </summary>
    public static void Check(Stream content, UploadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        if (!content.CanRead || !content.CanSeek)
        {
            throw new ArgumentException("The content must be a readable, seekable stream.", nameof(content));
        }

        try
        {
            content.Position = 0;
            using var archive = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            CheckArchive(archive, limits, new ZipMeter(limits.MaxInflatedBytes, limits.MaxCompressionRatio, content.Length, UploadMessages.DocumentTooLargeUnpacked));
        }
        catch (InvalidDataException exception)
        {
            throw new DomainException(UploadMessages.DamagedDocument, exception);
        }
        catch (XmlException exception)
        {
            throw new DomainException(UploadMessages.DamagedDocument, exception);
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static void CheckArchive(ZipArchive archive, UploadLimits limits, ZipMeter meter)
    {
        var entries = archive.Entries;
        if (entries.Count > limits.MaxZipEntries)
        {
            throw new DomainException(UploadMessages.DocumentTooLargeUnpacked);
        }

        ZipArchiveEntry? contentTypes = null;
        var hasMainDocument = false;
        foreach (var entry in entries)
        {
            var name = entry.FullName;
            if (string.Equals(LastSegment(name), MacroProjectName, StringComparison.OrdinalIgnoreCase))
            {
                throw new DomainException(UploadMessages.Macros);
            }

            if (string.Equals(name, ContentTypesPart, StringComparison.OrdinalIgnoreCase))
            {
                contentTypes ??= entry;
            }
            else if (string.Equals(name, MainDocumentPart, StringComparison.OrdinalIgnoreCase))
            {
                hasMainDocument = true;
            }
        }

        if (contentTypes is null || !hasMainDocument)
        {
            throw new DomainException(UploadMessages.DamagedDocument);
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

    private static string LastSegment(string entryName) =>
        entryName[(entryName.LastIndexOfAny(['/', '\\']) + 1)..];

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

        string? byOverride = null;
        string? byDefault = null;
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
                    throw new DomainException(UploadMessages.Macros);
                }

                if (reader.LocalName == "Override"
                    && string.Equals(reader.GetAttribute("PartName"), MainDocumentPartName, StringComparison.OrdinalIgnoreCase))
                {
                    byOverride ??= contentType;
                }
                else if (reader.LocalName == "Default"
                    && string.Equals(reader.GetAttribute("Extension"), "xml", StringComparison.OrdinalIgnoreCase))
                {
                    byDefault ??= contentType;
                }
            }
        }

        // A template (.dotx) or anything else that is not a plain document is not a .docx.
        if (!string.Equals(byOverride ?? byDefault, MainDocumentContentType, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException(UploadMessages.DamagedDocument);
        }
    }
}
