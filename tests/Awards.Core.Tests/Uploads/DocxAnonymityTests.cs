using System.IO.Compression;
using System.Text;
using Awards.Core.Uploads;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static Awards.Core.Tests.Uploads.DocxFixture;
using Ap = DocumentFormat.OpenXml.ExtendedProperties;
using Cp = DocumentFormat.OpenXml.CustomProperties;
using Vt = DocumentFormat.OpenXml.VariantTypes;
using W15 = DocumentFormat.OpenXml.Office2013.Word;

namespace Awards.Core.Tests.Uploads;

/// <summary>
/// SECURITY.md §1: a .docx hides its author's identity in many places besides the text. The name
/// and e-mail are planted in every one of them, and none may reach the canonical form.
/// </summary>
public class DocxAnonymityTests
{
    private const string ChineseName = "张小梅";
    private const string EnglishName = "Zhang Xiaomei";
    private const string Email = "xiaomei@example.org";
    private const string Everything = ChineseName + " " + EnglishName + " " + Email;

    private static readonly string[] Planted = [ChineseName, EnglishName, Email];

    // Fragments a partial leak would still show.
    private static readonly string[] Fragments = [.. Planted, "小梅", "Xiaomei"];

    [Fact]
    public void Convert_TakesNothingFromWhereIdentityHidesOutsideTheBodyText()
    {
        var docx = DocumentWithTheAuthorHiddenEverywhere();

        var result = Convert(docx);

        Assert.Equal("我们村的变化", result.Title);
        Assert.Contains("村口的老槐树又发了新芽。", result.Markdown, StringComparison.Ordinal);
        Assert.Contains("新修的水泥路通到了每家门口。", result.Markdown, StringComparison.Ordinal);
        Assert.Contains("有事请联系村委会。", result.Markdown, StringComparison.Ordinal);
        Assert.Contains("写信", result.Markdown, StringComparison.Ordinal);
        foreach (var fragment in Fragments)
        {
            Assert.DoesNotContain(fragment, result.Title, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(fragment, result.Markdown, StringComparison.OrdinalIgnoreCase);
            Assert.All(result.Warnings, warning => Assert.DoesNotContain(fragment, warning, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void Convert_TheDocumentOfTheAnonymityTestReallyHidesTheAuthorEverywhere()
    {
        // Without this the test above could pass because the planting failed.
        var parts = PartsContainingThePlantedStrings(DocumentWithTheAuthorHiddenEverywhere());

        // System.IO.Packaging stores the core properties where Word would not; the part is the same.
        Assert.Contains(parts, part => part == "docProps/core.xml" || part.EndsWith(".psmdcp", StringComparison.Ordinal));
        Assert.Contains("docProps/app.xml", parts);
        Assert.Contains("docProps/custom.xml", parts);
        Assert.Contains("word/document.xml", parts);
        Assert.Contains("word/_rels/document.xml.rels", parts);
        Assert.Contains("word/_rels/settings.xml.rels", parts);
        foreach (var kind in new[] { "comments", "people", "header", "footer", "settings.xml", "footnotes", "endnotes", "glossary", "customXml/", "embeddings/", "media/", "thumbnail" })
        {
            Assert.Contains(parts, part => part.Contains(kind, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void Convert_KeepsTheAuthorsNameWhenItIsInTheBodyText()
    {
        // The converter keeps the body as it is; signatures are redacted later, for judges only.
        var result = Convert(Create(
            Styled(TitleStyle, $"{ChineseName}的作文"),
            P($"我是{ChineseName}（{EnglishName}），邮箱 {Email}。")));

        Assert.Equal($"{ChineseName}的作文", result.Title);
        Assert.Equal($"我是{ChineseName}（{EnglishName}），邮箱 {Email}。", result.Markdown);
    }

    [Fact]
    public void Convert_DropsTheResultOfAFieldWhoseInstructionNestsAPropertyField()
    {
        // { IF 1 = 1 "{ USERNAME }" } shows the user name as the IF's result; so do deeper nests
        // ({ IF 1 = 1 "{ QUOTE { AUTHOR } }" }) and a simple field inside the instruction.
        var paragraph = P(R("作者甲："));
        paragraph.Append(Outer(" IF 1 = 1 \"", [.. Field(" USERNAME ", EnglishName)], "\" ", ChineseName));
        paragraph.Append(R("；作者乙："));
        paragraph.Append(Outer(" IF 1 = 1 \"", [.. Outer(" QUOTE ", [.. Field(" AUTHOR ", ChineseName)], " ", ChineseName)], "\" ", EnglishName));
        paragraph.Append(R("；作者丙："));
        paragraph.Append(Outer(" IF 1 = 1 \"", [new SimpleField(R(EnglishName)) { Instruction = " USERNAME " }], "\" ", ChineseName));
        paragraph.Append(R("；第"));
        paragraph.Append(Outer(" IF 1 = 1 \"", [.. Field(" PAGE ", "3")], "\" ", "3"));
        paragraph.Append(R("页。"));

        var result = Convert(Create(paragraph));

        Assert.Equal("作者甲：；作者乙：；作者丙：；第3页。", result.Markdown);
        Assert.Equal([DocxWarnings.DocumentPropertiesNotImported], result.Warnings);
    }

    [Fact]
    public void Convert_DropsTheResultOfAReferenceToABookmarkThatHoldsAProperty()
    {
        // Word keeps a copy of a bookmark's text as a REF field's result: here of one set from the
        // user name ({ SET a "{ USERNAME }" }) and of one around an AUTHOR field. A REF to ordinary
        // text keeps its result.
        var paragraph = P(R("甲"));
        paragraph.Append(Outer(" SET a \"", [.. Field(" USERNAME ", EnglishName)], "\" ", string.Empty));
        paragraph.Append(R("乙"), new BookmarkStart { Id = "7", Name = "b" });
        paragraph.Append(Field(" AUTHOR ", ChineseName));
        paragraph.Append(new BookmarkEnd { Id = "7" }, R("丙"));
        paragraph.Append(Field(" REF a \\h ", EnglishName));
        paragraph.Append(R("丁"));
        paragraph.Append(Field(" REF B ", ChineseName));
        paragraph.Append(R("戊"), new SimpleField(R(ChineseName)) { Instruction = " b " }, R("；"));
        paragraph.Append(new BookmarkStart { Id = "8", Name = "c" }, R("村委会"), new BookmarkEnd { Id = "8" });
        paragraph.Append(Field(" REF c ", "村委会"));
        paragraph.Append(R("。"));

        var result = Convert(Create(paragraph));

        Assert.Equal("甲乙丙丁戊；村委会村委会。", result.Markdown);
        Assert.Equal([DocxWarnings.DocumentPropertiesNotImported], result.Warnings);
    }

    /// <summary>A complex field with <paramref name="nested"/> between the two halves of its instruction.</summary>
    private static OpenXmlElement[] Outer(string before, OpenXmlElement[] nested, string after, string shown) =>
    [
        new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new Run(new FieldCode(before) { Space = SpaceProcessingModeValues.Preserve }),
        .. nested,
        new Run(new FieldCode(after) { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        R(shown),
        new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
    ];

    internal static byte[] DocumentWithTheAuthorHiddenEverywhere() => Create((document, main, body) =>
    {
        // Core properties.
        var core = document.PackageProperties;
        core.Creator = ChineseName;
        core.LastModifiedBy = EnglishName;
        core.Title = $"{ChineseName}的作文";
        core.Subject = Email;
        core.Keywords = Everything;
        core.Description = Everything;
        core.Category = ChineseName;

        // Extended (app.xml) and custom properties.
        document.AddExtendedFilePropertiesPart().Properties = new Ap.Properties(
            new Ap.Company($"{ChineseName}的公司"),
            new Ap.Manager(EnglishName),
            new Ap.Template($"C:\\Users\\{ChineseName}\\Templates\\Normal.dotm"));
        document.AddCustomFilePropertiesPart().Properties = new Cp.Properties(
            new Cp.CustomDocumentProperty(new Vt.VTLPWSTR(ChineseName)) { FormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}", PropertyId = 2, Name = "作者" },
            new Cp.CustomDocumentProperty(new Vt.VTLPWSTR(Email)) { FormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}", PropertyId = 3, Name = EnglishName });

        // A thumbnail of the first page.
        using (var thumbnail = new MemoryStream(JpegWithExif()))
        {
            document.AddThumbnailPart(ThumbnailPartType.Jpeg).FeedData(thumbnail);
        }

        // Comments, anchored in the body, and the people who wrote them.
        main.AddNewPart<WordprocessingCommentsPart>().Comments = new Comments(
            new Comment(P($"{EnglishName}：这里再改改。{Email}")) { Id = "0", Author = ChineseName, Initials = "ZXM", Date = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc) });
        main.AddNewPart<WordprocessingPeoplePart>().People = new W15.People(
            new W15.Person(new W15.PresenceInfo { ProviderId = "AD", UserId = Email }) { Author = ChineseName });

        // Headers, footers, footnotes, endnotes and the glossary of building blocks.
        var header = main.AddNewPart<HeaderPart>();
        header.Header = new Header(P($"作者：{ChineseName}"));
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(P($"{EnglishName} · {Email}"));
        main.AddNewPart<FootnotesPart>().Footnotes = new Footnotes(new Footnote(P($"{ChineseName}注")) { Id = 1 });
        main.AddNewPart<EndnotesPart>().Endnotes = new Endnotes(new Endnote(P($"{Email}")) { Id = 1 });
        main.AddNewPart<GlossaryDocumentPart>().GlossaryDocument = new GlossaryDocument(
            new DocParts(new DocPart(new DocPartProperties(new DocPartName { Val = ChineseName }), new DocPartBody(P(Everything)))));

        // Settings: the attached template's path, document variables and a mail merge source.
        var settings = main.AddNewPart<DocumentSettingsPart>();
        var template = settings.AddExternalRelationship(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate",
            new Uri($"file:///C:/Users/{ChineseName}/AppData/Roaming/Microsoft/Templates/Normal.dotm"));
        var mergeSource = settings.AddExternalRelationship(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/mailMergeSource",
            new Uri($"file:///C:/Users/{ChineseName}/Documents/{EnglishName.Replace(' ', '_')}.xlsx"));
        settings.Settings = new Settings(
            new AttachedTemplate { Id = template.Id },
            new MailMerge(
                new MainDocumentType { Val = MailMergeDocumentValues.FormLetter },
                new DataType { Val = MailMergeDataValues.Native },
                new ConnectString { Val = $"Provider=Microsoft.ACE.OLEDB.12.0;User ID={EnglishName};Data Source=C:\\Users\\{ChineseName}\\contacts.xlsx" },
                new Query { Val = $"SELECT * FROM `{Email}`" },
                new DataSourceReference { Id = mergeSource.Id }),
            new DocumentVariables(new DocumentVariable { Name = "author", Val = Everything }));

        // Custom XML data.
        var customXml = main.AddCustomXmlPart(CustomXmlPartType.CustomXml);
        using (var data = new MemoryStream(Encoding.UTF8.GetBytes($"<author><name>{ChineseName}</name><en>{EnglishName}</en><mail>{Email}</mail></author>")))
        {
            customXml.FeedData(data);
        }

        // Embedded Office objects, with their own creator, shown in the body as an OLE object.
        var embeddedPackage = main.AddEmbeddedPackagePart(EmbeddedPackagePartType.Xlsx);
        using (var bytes = new MemoryStream(Encoding.UTF8.GetBytes($"PK docProps/core.xml <dc:creator>{Everything}</dc:creator>")))
        {
            embeddedPackage.FeedData(bytes);
        }

        var embeddedObject = main.AddEmbeddedObjectPart("application/vnd.openxmlformats-officedocument.oleObject");
        using (var bytes = new MemoryStream(Encoding.Unicode.GetBytes(Everything)))
        {
            embeddedObject.FeedData(bytes);
        }

        // An image with the name in its EXIF data and in its name and alt text.
        var image = main.AddImagePart(ImagePartType.Jpeg);
        using (var jpeg = new MemoryStream(JpegWithExif()))
        {
            image.FeedData(jpeg);
        }

        // A hyperlink whose address carries the e-mail and the name.
        var mailto = main.AddHyperlinkRelationship(new Uri($"mailto:{Email}?subject={Uri.EscapeDataString(EnglishName)}"), true);

        // The body: ordinary text, and identity in markup around it.
        var tracked = P(R("新修的水泥路通到了每家门口。"));
        tracked.PrependChild(new ParagraphProperties(
            new ParagraphPropertiesChange(new ParagraphPropertiesExtended()) { Id = "20", Author = EnglishName }));
        tracked.Append(
            new InsertedRun(R("路边种上了花。")) { Id = "21", Author = ChineseName, Date = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc) },
            new DeletedRun(new Run(new DeletedText($"（{Everything}）") { Space = SpaceProcessingModeValues.Preserve })) { Id = "22", Author = Email },
            new MoveFromRun(R(EnglishName)) { Id = "23", Author = EnglishName },
            new Run(
                new RunProperties(new Bold(), new RunPropertiesChange(new PreviousRunProperties()) { Id = "24", Author = ChineseName }),
                Text("。")));

        var withFields = P(R("有事请联系村委会。"));
        withFields.Append(Field(" AUTHOR \\* MERGEFORMAT ", ChineseName));
        withFields.Append(new SimpleField(R(EnglishName)) { Instruction = " USERNAME " });
        withFields.Append(Field($" HYPERLINK \"mailto:{Email}\" ", "写信"));
        withFields.Append(
            new SdtRun(
                new SdtProperties(
                    new SdtAlias { Val = ChineseName },
                    new Tag { Val = Email },
                    new DataBinding { XPath = "/ns1:coreProperties[1]/ns0:creator[1]", StoreItemId = "{6C3C8BC8-F283-45AE-878A-BAB7291924A1}" }),
                new SdtContentRun(R(ChineseName))),
            new Run(new RunProperties(new Vanish()), Text(Everything)));

        body.Append(
            Styled(TitleStyle, "我们村的变化"),
            P(
                new BookmarkStart { Id = "1", Name = "_GoBack" },
                new CommentRangeStart { Id = "0" },
                R("村口的老槐树又发了新芽。"),
                new CommentRangeEnd { Id = "0" },
                new Run(new CommentReference { Id = "0" }),
                new BookmarkEnd { Id = "1" },
                new Run(new FootnoteReference { Id = 1 }),
                new Run(new EndnoteReference { Id = 1 })),
            tracked,
            P(
                new Run(Picture(main.GetIdOfPart(image), $"{ChineseName}的照片", $"{EnglishName} {Email}")),
                new Run(OleObject(main.GetIdOfPart(embeddedPackage))),
                new Run(OleObject(main.GetIdOfPart(embeddedObject)))),
            withFields,
            P(R("欢迎"), new Hyperlink(R("来信")) { Id = mailto.Id, Tooltip = Email }, R("。")),
            new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) }));
    });

    /// <summary>A JPEG whose APP1 (EXIF) segment names the artist and the camera owner.</summary>
    private static byte[] JpegWithExif()
    {
        var payload = Encoding.UTF8.GetBytes($"Exif\0\0MM\0*Artist\0{ChineseName}\0OwnerName\0{EnglishName}\0Copyright\0{Email}\0");
        var length = payload.Length + 2;
        return [0xFF, 0xD8, 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload, 0xFF, 0xD9];
    }

    private static List<string> PartsContainingThePlantedStrings(byte[] docx)
    {
        using var zip = new ZipArchive(TestFiles.Stream(docx));
        var parts = new List<string>();
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            var utf8 = Encoding.UTF8.GetString(bytes.ToArray());
            var texts = new[] { utf8, Uri.UnescapeDataString(utf8), Encoding.Unicode.GetString(bytes.ToArray()) };
            if (texts.Any(text => Planted.Any(planted => text.Contains(planted, StringComparison.Ordinal))))
            {
                parts.Add(entry.FullName);
            }
        }

        return parts;
    }
}
