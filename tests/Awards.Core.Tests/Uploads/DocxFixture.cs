using System.IO.Compression;
using System.Text;
using Awards.Core.Uploads;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Awards.Core.Tests.Uploads;

/// <summary>
/// Builds Word documents in code with the OpenXML SDK: a styles part with Title, headings and a
/// bold character style, and a numbering part with a bullet and a decimal list.
/// </summary>
internal static class DocxFixture
{
    public const string TitleStyle = "Title";
    public const string Heading1 = "Heading1";
    public const string Heading2 = "Heading2";

    /// <summary>A heading known only by its localized name, "标题 3", as WPS saves it.</summary>
    public const string ChineseNamedHeading3 = "a3";

    /// <summary>A custom style that is a heading only through its outline level (3, so "####").</summary>
    public const string OutlineLevel3Style = "ChapterPart";

    /// <summary>A paragraph style that makes its paragraphs bullet items.</summary>
    public const string ListBulletStyle = "ListBullet";

    /// <summary>A character style that makes text bold.</summary>
    public const string StrongStyle = "Strong";

    public const int BulletList = 1;
    public const int OrderedList = 2;

    public const string WordNamespaces =
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
        + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
        + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
        + "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\" "
        + "xmlns:v=\"urn:schemas-microsoft-com:vml\" "
        + "xmlns:o=\"urn:schemas-microsoft-com:office:office\"";

    /// <summary>A document whose body holds <paramref name="content"/>.</summary>
    public static byte[] Create(params OpenXmlElement[] content) =>
        Create((_, _, body) => body.Append(content));

    /// <summary>A document built by <paramref name="fill"/>, which gets the package, its main part and the body.</summary>
    public static byte[] Create(Action<WordprocessingDocument, MainDocumentPart, Body> fill, WordprocessingDocumentType type = WordprocessingDocumentType.Document)
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, type))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = Numbering();
            var body = new Body();
            main.Document = new Document(body);
            fill(document, main, body);
            main.Document.Save();
        }

        return buffer.ToArray();
    }

    public static ConvertedDocument Convert(byte[] docx) => Convert(docx, UploadLimits.Default);

    public static ConvertedDocument Convert(byte[] docx, UploadLimits limits)
    {
        using var stream = TestFiles.Stream(docx);
        return DocxConverter.Convert(stream, limits);
    }

    public static Paragraph P(string text) => new(R(text));

    public static Paragraph P(params OpenXmlElement[] content) => new(content);

    public static Paragraph Styled(string styleId, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = styleId }), R(text));

    public static Paragraph Item(int numberingId, int level, string text) =>
        new(
            new ParagraphProperties(
                new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numberingId })),
            R(text));

    public static Run R(string text) => new(Text(text));

    public static Run Bold(string text) => new(new RunProperties(new Bold()), Text(text));

    public static Run Italic(string text) => new(new RunProperties(new Italic()), Text(text));

    public static Run BoldItalic(string text) => new(new RunProperties(new Bold(), new Italic()), Text(text));

    public static Text Text(string text) => new(text) { Space = SpaceProcessingModeValues.Preserve };

    /// <summary>A complex field: begin, the instruction, separate, the result, end.</summary>
    public static OpenXmlElement[] Field(string instruction, string result) =>
    [
        new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new Run(new FieldCode(instruction) { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        R(result),
        new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
    ];

    public static TableCell Cell(params Paragraph[] paragraphs) => new(paragraphs);

    public static TableCell Cell(string text) => new(P(text));

    /// <summary>An inline picture of the image part <paramref name="relationshipId"/>, with a name and alt text.</summary>
    public static Drawing Picture(string relationshipId, string name, string description) =>
        new(
            $"""
            <w:drawing {WordNamespaces}><wp:inline><wp:extent cx="952500" cy="952500"/><wp:docPr id="1" name="{name}" descr="{description}" title="{description}"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="{name}" descr="{description}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="{relationshipId}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>
            """);

    /// <summary>An embedded OLE object showing the part <paramref name="relationshipId"/>.</summary>
    public static EmbeddedObject OleObject(string relationshipId) =>
        new(
            $"""
            <w:object {WordNamespaces}><v:shape id="_x0000_i1025" style="width:100pt;height:50pt"/><o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" ShapeID="_x0000_i1025" DrawAspect="Content" ObjectID="_1234" r:id="{relationshipId}"/></w:object>
            """);

    /// <summary>Replaces text in the zip entries of <paramref name="docx"/> whose names end with <paramref name="entrySuffix"/>.</summary>
    public static byte[] Patch(byte[] docx, string entrySuffix, string find, string replacement) =>
        TestFiles.Zip(zip =>
        {
            using var source = new ZipArchive(TestFiles.Stream(docx));
            foreach (var entry in source.Entries)
            {
                using var input = entry.Open();
                using var bytes = new MemoryStream();
                input.CopyTo(bytes);
                if (entry.FullName.EndsWith(entrySuffix, StringComparison.Ordinal))
                {
                    var text = Encoding.UTF8.GetString(bytes.ToArray());
                    Assert.Contains(find, text, StringComparison.Ordinal);
                    TestFiles.AddText(zip, entry.FullName, text.Replace(find, replacement, StringComparison.Ordinal));
                }
                else
                {
                    TestFiles.AddBytes(zip, entry.FullName, bytes.ToArray());
                }
            }
        });

    private static Styles Styles() =>
        new(
            ParagraphStyle("Normal", "Normal", basedOn: null),
            ParagraphStyle(TitleStyle, "Title", basedOn: "Normal", new RunPropertiesBaseStyle(new FontSize { Val = "48" })),
            ParagraphStyle(Heading1, "heading 1", basedOn: "Normal", new StyleParagraphProperties(new OutlineLevel { Val = 0 })),
            ParagraphStyle(Heading2, "heading 2", basedOn: "Normal", new StyleParagraphProperties(new OutlineLevel { Val = 1 })),
            ParagraphStyle(ChineseNamedHeading3, "标题 3", basedOn: "Normal"),
            ParagraphStyle(OutlineLevel3Style, "Chapter part", basedOn: "Normal", new StyleParagraphProperties(new OutlineLevel { Val = 3 })),
            ParagraphStyle(
                ListBulletStyle,
                "List Bullet",
                basedOn: "Normal",
                new StyleParagraphProperties(new NumberingProperties(new NumberingId { Val = BulletList }))),
            new Style(new StyleName { Val = "Strong" }, new StyleRunProperties(new Bold()))
            {
                Type = StyleValues.Character,
                StyleId = StrongStyle,
            });

    private static Style ParagraphStyle(string id, string name, string? basedOn, params OpenXmlElement[] properties)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }

        style.Append(properties);
        return style;
    }

    private static Numbering Numbering() =>
        new(
            AbstractList(10, level => new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = NumberFormatValues.Bullet },
                new LevelText { Val = "•" })
            { LevelIndex = level }),
            AbstractList(20, level => new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = NumberFormatValues.Decimal },
                new LevelText { Val = $"%{level + 1}." })
            { LevelIndex = level }),
            new NumberingInstance(new AbstractNumId { Val = 10 }) { NumberID = BulletList },
            new NumberingInstance(new AbstractNumId { Val = 20 }) { NumberID = OrderedList });

    private static AbstractNum AbstractList(int id, Func<int, Level> level) =>
        new(Enumerable.Range(0, 3).Select(level)) { AbstractNumberId = id };
}
