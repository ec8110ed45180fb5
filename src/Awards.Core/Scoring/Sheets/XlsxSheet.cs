using System.Globalization;
using System.Text;
using System.Xml;
using Awards.Core.Common;
using DocumentFormat.OpenXml.Packaging;

namespace Awards.Core.Scoring.Sheets;

/// <summary>
/// Reads the first visible worksheet of an .xlsx workbook, after <see cref="XlsxPackage.Check"/>.
/// The OpenXML SDK only opens the package and follows its relationships; the parts themselves are
/// streamed with a plain <see cref="XmlReader"/>, which neither builds a tree of the whole sheet nor
/// recurses (the SDK's loader overflows the stack on deeply nested XML). Cells are read as values:
/// shared strings, inline strings (without phonetic guides), the cached results of formulas and
/// numbers; formatting is ignored, so a date is its serial number.
/// </summary>
internal static class XlsxSheet
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string StrictMainNamespace = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string StrictRelationshipsNamespace = "http://purl.oclc.org/ooxml/officeDocument/relationships";
    private const string RewrittenUri = "http://invalid.invalid/";

    // Excel's own limits.
    private const int MaxRowNumber = 1_048_576;
    private const int MaxColumns = 16_384;

    // Shared strings stay in memory while the sheet is read, so their total gets a cap far above
    // any real sheet (50,000 rows with a long comment each are about 10 million characters).
    private const long MaxSharedCharactersCap = 32 * 1024 * 1024;

    /// <summary>
    /// Hands each row of the workbook's first visible worksheet to <paramref name="add"/>. Throws
    /// <see cref="DomainException"/> when the workbook is refused.
    /// </summary>
    public static void Read(byte[] xlsx, SheetLimits limits, Action<SheetLine> add)
    {
        XlsxPackage.Check(xlsx, limits);

        // No part can hold more characters than the bytes the package was allowed to inflate to.
        var maxCharacters = Math.Max(1, limits.MaxInflatedBytes);
        try
        {
            try
            {
                using var stream = new MemoryStream(xlsx, writable: false);
                Read(stream, isEditable: false, maxCharacters, add);
            }
            catch (OpenXmlPackageException exception) when (exception.InnerException is UriFormatException)
            {
                // A hyperlink whose address System.Uri refuses fails the whole package; the SDK can
                // rewrite such addresses, but only in a writable package (as DocxConverter does).
                using var copy = new MemoryStream();
                copy.Write(xlsx);
                copy.Position = 0;
                Read(copy, isEditable: true, maxCharacters, add);
            }
        }
        catch (OpenXmlPackageException exception)
        {
            throw Damaged(exception);
        }
        catch (InvalidDataException exception)
        {
            throw Damaged(exception);
        }
        catch (XmlException exception)
        {
            throw Damaged(exception);
        }
        catch (InvalidOperationException exception)
        {
            throw Damaged(exception);
        }
        catch (FormatException exception)
        {
            // FileFormatException from System.IO.Packaging, UriFormatException.
            throw Damaged(exception);
        }
        catch (ArgumentException exception)
        {
            // System.IO.Packaging refuses malformed content types and part names this way.
            throw Damaged(exception);
        }
    }

    private static void Read(Stream stream, bool isEditable, long maxCharacters, Action<SheetLine> add)
    {
        var settings = new OpenSettings { MaxCharactersInPart = maxCharacters, AutoSave = false };
        if (isEditable)
        {
            settings.RelationshipErrorHandlerFactory = RelationshipErrorHandler.CreateRewriterFactory((_, _, _) => RewrittenUri);
        }

        using var document = SpreadsheetDocument.Open(stream, isEditable, settings);
        var workbook = document.WorkbookPart ?? throw new DomainException(SheetMessages.DamagedWorkbook);
        var worksheet = FirstWorksheet(workbook, maxCharacters) ?? throw new DomainException(SheetMessages.DamagedWorkbook);
        var strings = workbook.SharedStringTablePart is { } sharedStrings
            ? ReadSharedStrings(sharedStrings, maxCharacters)
            : [];
        ReadRows(worksheet, strings, maxCharacters, add);
    }

    /// <summary>The first worksheet in the workbook's tab order that is not hidden, else the first worksheet.</summary>
    private static WorksheetPart? FirstWorksheet(WorkbookPart workbook, long maxCharacters)
    {
        WorksheetPart? firstHidden = null;
        using var reader = Open(workbook, maxCharacters);
        while (reader.Read())
        {
            if (!IsElement(reader, "sheet"))
            {
                continue;
            }

            var id = reader.GetAttribute("id", RelationshipsNamespace) ?? reader.GetAttribute("id", StrictRelationshipsNamespace);
            if (id is null || !workbook.TryGetPartById(id, out var part) || part is not WorksheetPart worksheet)
            {
                continue;
            }

            if (reader.GetAttribute("state") is null or "visible")
            {
                return worksheet;
            }

            firstHidden ??= worksheet;
        }

        return firstHidden;
    }

    private static List<string> ReadSharedStrings(SharedStringTablePart part, long maxCharacters)
    {
        var cap = Math.Min(maxCharacters, MaxSharedCharactersCap);
        long total = 0;
        var strings = new List<string>();
        using var reader = Open(part, maxCharacters);
        while (reader.Read())
        {
            if (IsElement(reader, "si"))
            {
                var text = ReadText(reader);
                total += text.Length;
                if (total > cap)
                {
                    throw new DomainException(SheetMessages.TooLargeUnpacked);
                }

                strings.Add(text);
            }
        }

        return strings;
    }

    private static void ReadRows(WorksheetPart part, List<string> strings, long maxCharacters, Action<SheetLine> add)
    {
        var line = 0;
        using var reader = Open(part, maxCharacters);
        while (reader.Read())
        {
            if (IsElement(reader, "row"))
            {
                line = reader.GetAttribute("r") is { } r ? Number(r, 1, MaxRowNumber) : line + 1;
                add(new SheetLine(line, ReadCells(reader, strings)));
            }
        }
    }

    private static Dictionary<int, SheetCell> ReadCells(XmlReader reader, List<string> strings)
    {
        var cells = new Dictionary<int, SheetCell>();
        if (reader.IsEmptyElement)
        {
            return cells;
        }

        var rowDepth = reader.Depth;
        var column = -1;
        while (reader.Read() && reader.Depth > rowDepth)
        {
            if (reader.Depth == rowDepth + 1 && IsElement(reader, "c"))
            {
                column = reader.GetAttribute("r") is { } reference ? Column(reference) : column + 1;
                if (column >= MaxColumns)
                {
                    throw new DomainException(SheetMessages.DamagedWorkbook);
                }

                if (ReadCell(reader, strings) is { } cell)
                {
                    cells[column] = cell;
                }
            }
        }

        return cells;
    }

    /// <summary>Reads a &lt;c&gt; element and leaves the reader on its end (or on it, if empty).</summary>
    private static SheetCell? ReadCell(XmlReader reader, List<string> strings)
    {
        var type = reader.GetAttribute("t");
        if (reader.IsEmptyElement)
        {
            return null;
        }

        string? value = null;
        string? inline = null;
        var cellDepth = reader.Depth;
        while (reader.Read() && reader.Depth > cellDepth)
        {
            if (reader.Depth != cellDepth + 1)
            {
                continue;
            }

            if (IsElement(reader, "v"))
            {
                value = ReadText(reader);
            }
            else if (IsElement(reader, "is"))
            {
                inline = ReadText(reader);
            }
        }

        return type switch
        {
            "inlineStr" => inline is null ? null : new SheetCell(inline, IsNumber: false),
            _ when value is null => null,
            "s" => new SheetCell(SharedString(strings, value), IsNumber: false),
            "b" => new SheetCell(value.Trim() == "1" ? "TRUE" : "FALSE", IsNumber: false),
            null or "n" => new SheetCell(value, IsNumber: true),
            _ => new SheetCell(value, IsNumber: false),
        };
    }

    private static string SharedString(List<string> strings, string index)
    {
        var i = Number(index, 0, int.MaxValue);
        return i < strings.Count ? strings[i] : throw new DomainException(SheetMessages.DamagedWorkbook);
    }

    /// <summary>
    /// The text of an element such as &lt;si&gt;, &lt;is&gt; or &lt;v&gt;: its text nodes, those of
    /// phonetic guides (&lt;rPh&gt;) left out. Leaves the reader on the element's end.
    /// </summary>
    private static string ReadText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = reader.Depth;
        var text = new StringBuilder();
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh")
            {
                reader.Skip();
                continue;
            }

            // Whitespace between elements is layout; xml:space="preserve" makes it significant.
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
            {
                text.Append(reader.Value);
            }

            if (!reader.Read())
            {
                throw new DomainException(SheetMessages.DamagedWorkbook);
            }
        }

        return text.ToString();
    }

    /// <summary>The zero-based column of a reference such as "B7" or "AA12".</summary>
    private static int Column(string reference)
    {
        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            var upper = char.ToUpperInvariant(c);
            if (upper is < 'A' or > 'Z' || letters == 3)
            {
                break;
            }

            column = (column * 26) + (upper - 'A' + 1);
            letters++;
        }

        return letters == 0 ? throw new DomainException(SheetMessages.DamagedWorkbook) : column - 1;
    }

    private static int Number(string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new DomainException(SheetMessages.DamagedWorkbook);

    private static bool IsElement(XmlReader reader, string localName) =>
        reader.NodeType == XmlNodeType.Element
        && reader.LocalName == localName
        && reader.NamespaceURI is MainNamespace or StrictMainNamespace;

    private static XmlReader Open(OpenXmlPart part, long maxCharacters)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharacters,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };

        return XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), settings);
    }

    private static DomainException Damaged(Exception exception) => new(SheetMessages.DamagedWorkbook, exception);
}
