using System.IO.Compression;
using Awards.Core.Common;
using Awards.Core.Uploads;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static Awards.Core.Tests.Uploads.DocxFixture;

namespace Awards.Core.Tests.Uploads;

public class DocxConverterTests
{
    [Fact]
    public void Convert_SeparatesParagraphsWithOneBlankLineAndSkipsEmptyOnes()
    {
        var result = Convert(Create(P("第一段。"), P(), P("　　"), P("第二段。")));

        Assert.Null(result.Title);
        Assert.Equal("第一段。\n\n第二段。", result.Markdown);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Convert_TrimsAndCollapsesWhiteSpace()
    {
        var result = Convert(Create(P("　　开头缩进，  中间多个空格。  ")));

        Assert.Equal("开头缩进， 中间多个空格。", result.Markdown);
    }

    [Fact]
    public void Convert_TurnsHeadingStylesIntoHashes()
    {
        var result = Convert(Create(
            P("正文在前。"),
            Styled(Heading1, "第一部分"),
            Styled(Heading2, "第一节"),
            Styled(ChineseNamedHeading3, "第一小节"),
            Styled(OutlineLevel3Style, "要点"),
            P("结尾。")));

        Assert.Null(result.Title);
        Assert.Equal("正文在前。\n\n# 第一部分\n\n## 第一节\n\n### 第一小节\n\n#### 要点\n\n结尾。", result.Markdown);
    }

    [Fact]
    public void Convert_RecognisesHeadingsByStyleNameWhenTheIdIsLocalized()
    {
        // Chinese Word writes style ids such as "1" and "2" and keeps the English built-in names.
        var docx = Create((_, main, body) =>
        {
            main.StyleDefinitionsPart!.Styles!.Append(
                new Style(new StyleName { Val = "heading 2" }) { Type = StyleValues.Paragraph, StyleId = "2" });
            body.Append(P("正文。"), Styled("2", "二级标题"));
        });

        Assert.Equal("正文。\n\n## 二级标题", Convert(docx).Markdown);
    }

    [Fact]
    public void Convert_TakesATitleStyledFirstParagraphAsTheTitle()
    {
        var result = Convert(Create(P(), Styled(TitleStyle, "我们村的变化"), Styled(Heading1, "一、起因"), P("正文。")));

        Assert.Equal("我们村的变化", result.Title);
        Assert.Equal("# 一、起因\n\n正文。", result.Markdown);
    }

    [Fact]
    public void Convert_TakesAFirstHeading1AsTheTitle()
    {
        var result = Convert(Create(Styled(Heading1, "我们村的变化"), P("正文。")));

        Assert.Equal("我们村的变化", result.Title);
        Assert.Equal("正文。", result.Markdown);
    }

    [Fact]
    public void Convert_GivesTheTitleAsPlainText()
    {
        var title = new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = TitleStyle }),
            Bold("我们*村*的"),
            new Run(new Break()),
            R("变化"));

        var result = Convert(Create(title, P("正文。")));

        Assert.Equal("我们*村*的 变化", result.Title);
    }

    [Fact]
    public void Convert_LeavesTheTitleNullWhenBodyTextComesFirst()
    {
        var result = Convert(Create(P("正文在前。"), Styled(TitleStyle, "后来的标题")));

        Assert.Null(result.Title);
        Assert.Equal("正文在前。\n\n# 后来的标题", result.Markdown);
    }

    [Fact]
    public void Convert_LeavesTheTitleNullWhenTheFirstHeadingIsLevel2()
    {
        var result = Convert(Create(Styled(Heading2, "小标题"), P("正文。")));

        Assert.Null(result.Title);
        Assert.Equal("## 小标题\n\n正文。", result.Markdown);
    }

    [Fact]
    public void Convert_KeepsBoldAndItalic()
    {
        var result = Convert(Create(P(R("普通"), Bold("加粗"), R("和"), Italic("倾斜"), R("。"))));

        Assert.Equal("普通**加粗**和*倾斜*。", result.Markdown);
    }

    [Fact]
    public void Convert_KeepsBoldItalic()
    {
        var result = Convert(Create(P(BoldItalic("重点")), P(Bold("粗"), BoldItalic("粗斜"), Bold("粗"))));

        Assert.Equal("***重点***\n\n**粗*粗斜*粗**", result.Markdown);
    }

    [Fact]
    public void Convert_GivesUpTheOverlapOfBoldAndItalicThatCrossRatherThanBreakTheMarkers()
    {
        // Bold over the first two runs, italic over the last two: Markdown can only nest them.
        var result = Convert(Create(P(Bold("粗"), BoldItalic("粗斜"), Italic("斜"))));

        Assert.Equal("**粗粗斜***斜*", result.Markdown);
    }

    [Fact]
    public void Convert_WritesALongParagraphOfAlternatingFormatting()
    {
        var runs = Enumerable.Range(0, 20_000).Select(i => (i % 3) switch
        {
            0 => Bold("粗"),
            1 => Italic("斜"),
            _ => R("正"),
        }).ToArray();

        // Repetitive XML compresses far better than the ratio limit allows for a part over 1 MiB.
        var result = Convert(Create(P(runs)), UploadLimits.Default with { MaxCompressionRatio = 1e6 });

        Assert.StartsWith("**粗***斜*正**粗***斜*正", result.Markdown, StringComparison.Ordinal);
        Assert.Equal(20_000 + (4 * 6667) + (2 * 6667), result.Markdown.Length);
    }

    [Fact]
    public void Convert_HonoursBoldAndItalicTurnedOff()
    {
        var off = new Run($"""<w:r {WordNamespaces}><w:rPr><w:b w:val="0"/><w:i w:val="false"/></w:rPr><w:t>不加粗</w:t></w:r>""");
        var offByOff = new Run($"""<w:r {WordNamespaces}><w:rPr><w:b w:val="off"/></w:rPr><w:t>也不</w:t></w:r>""");
        var onByOne = new Run($"""<w:r {WordNamespaces}><w:rPr><w:b w:val="1"/></w:rPr><w:t>加粗</w:t></w:r>""");

        var result = Convert(Create(P(off, offByOff, R("，"), onByOne)));

        Assert.Equal("不加粗也不，**加粗**", result.Markdown);
    }

    [Fact]
    public void Convert_TakesBoldFromACharacterStyleUnlessTheRunTurnsItOff()
    {
        var strong = new Run(new RunProperties(new RunStyle { Val = StrongStyle }), Text("强调"));
        var strongButNotBold = new Run(new RunProperties(new RunStyle { Val = StrongStyle }, new Bold { Val = false }), Text("不强调"));

        var result = Convert(Create(P(strong, R("和"), strongButNotBold)));

        Assert.Equal("**强调**和不强调", result.Markdown);
    }

    [Fact]
    public void Convert_MergesAdjacentRunsWithTheSameFormatting()
    {
        var result = Convert(Create(P(Bold("一"), Bold("二"), Bold("三"), R("四"), R("五"))));

        Assert.Equal("**一二三**四五", result.Markdown);
    }

    [Fact]
    public void Convert_PutsNoEmphasisAroundWhiteSpace()
    {
        var result = Convert(Create(P(R("a"), Bold("   "), R("b")), P(Bold("重要 "), R("的事")), P(Italic(" 前后有空格 "))));

        Assert.Equal("a b\n\n**重要** 的事\n\n*前后有空格*", result.Markdown);
    }

    [Fact]
    public void Convert_MovesQuotesOutOfEmphasisWhereCommonMarkWouldNotCloseIt()
    {
        var result = Convert(Create(
            P(Bold("“引用”"), R("后")),
            P(R("他说"), Bold("“好”"), R("。")),
            P(Bold("“独立”"))));

        Assert.Equal("“**引用**”后\n\n他说“**好**”。\n\n**“独立”**", result.Markdown);
    }

    [Fact]
    public void Convert_EscapesMarkdownSoTheTextRendersAsText()
    {
        var result = Convert(Create(
            P("1. not a list"),
            P("*stars*"),
            P("# not a heading"),
            P("- not an item"),
            P("+ nor this"),
            P("12) nor this"),
            P("[link](http://example.org) <b>bold</b> snake_case `code`"),
            P("a|b ~sub~ ^sup^ ++ins++ ==mark== &copy; 1+1=2 & more \\"),
            P("===")));

        Assert.Equal(
            "1\\. not a list\n\n"
            + "\\*stars\\*\n\n"
            + "\\# not a heading\n\n"
            + "\\- not an item\n\n"
            + "\\+ nor this\n\n"
            + "12\\) nor this\n\n"
            + "\\[link\\](http://example.org) \\<b\\>bold\\</b\\> snake\\_case \\`code\\`\n\n"
            + "a\\|b \\~sub\\~ \\^sup\\^ \\+\\+ins\\+\\+ \\=\\=mark\\=\\= \\&copy; 1+1=2 & more \\\\\n\n"
            + "\\=\\=\\=",
            result.Markdown);
    }

    [Fact]
    public void Convert_LeavesNumbersThatDoNotStartAListAlone()
    {
        var result = Convert(Create(P("2024.5 是一个数字"), P("3.14")));

        Assert.Equal("2024.5 是一个数字\n\n3.14", result.Markdown);
    }

    [Fact]
    public void Convert_EscapesEveryHashInAHeading()
    {
        var result = Convert(Create(P("正文。"), Styled(Heading2, "C# 与 F#")));

        Assert.Equal("正文。\n\n## C\\# 与 F\\#", result.Markdown);
    }

    [Fact]
    public void Convert_TurnsLineBreaksIntoHardBreaks()
    {
        var result = Convert(Create(P(
            R("第一行"),
            new Run(new Break()),
            R("第二行"),
            new Run(new CarriageReturn()),
            R("- 第三行"),
            new Run(new Break()))));

        Assert.Equal("第一行\\\n第二行\\\n\\- 第三行", result.Markdown);
    }

    [Fact]
    public void Convert_ClosesEmphasisAtALineBreak()
    {
        var result = Convert(Create(P(Bold("粗体"), new Run(new RunProperties(new Bold()), new Break()), Bold("续行"))));

        Assert.Equal("**粗体**\\\n**续行**", result.Markdown);
    }

    [Fact]
    public void Convert_TurnsTabsIntoSpacesAndHandlesHyphens()
    {
        var result = Convert(Create(P(
            new Run(Text("甲"), new TabChar(), Text("乙")),
            new Run(Text(" co"), new SoftHyphen(), Text("operate e"), new NoBreakHyphen(), Text("mail")))));

        Assert.Equal("甲 乙 cooperate e-mail", result.Markdown);
    }

    [Fact]
    public void Convert_WritesBulletLists()
    {
        var result = Convert(Create(P("前言。"), Item(BulletList, 0, "苹果"), Item(BulletList, 0, "香蕉"), P("结尾。")));

        Assert.Equal("前言。\n\n- 苹果\n- 香蕉\n\n结尾。", result.Markdown);
    }

    [Fact]
    public void Convert_WritesOrderedLists()
    {
        var result = Convert(Create(Item(OrderedList, 0, "第一"), Item(OrderedList, 0, "第二"), P("结尾。")));

        Assert.Equal("1. 第一\n1. 第二\n\n结尾。", result.Markdown);
    }

    [Fact]
    public void Convert_IndentsNestedListItems()
    {
        var result = Convert(Create(
            Item(BulletList, 0, "水果"),
            Item(BulletList, 1, "香蕉"),
            Item(BulletList, 2, "小香蕉"),
            Item(BulletList, 0, "蔬菜"),
            P("中间。"),
            Item(OrderedList, 0, "第一"),
            Item(OrderedList, 1, "第一之一"),
            Item(BulletList, 2, "要点"),
            Item(OrderedList, 0, "第二")));

        Assert.Equal(
            "- 水果\n  - 香蕉\n    - 小香蕉\n- 蔬菜\n\n中间。\n\n1. 第一\n   1. 第一之一\n      - 要点\n1. 第二",
            result.Markdown);
    }

    [Fact]
    public void Convert_NestsASkippedLevelUnderThePreviousItem()
    {
        var result = Convert(Create(Item(BulletList, 0, "一级"), Item(BulletList, 2, "三级")));

        Assert.Equal("- 一级\n  - 三级", result.Markdown);
    }

    [Fact]
    public void Convert_TakesListsFromTheParagraphStyle()
    {
        var noList = new Paragraph(
            new ParagraphProperties(
                new ParagraphStyleId { Val = ListBulletStyle },
                new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 0 })),
            R("不是列表"));

        var result = Convert(Create(Styled(ListBulletStyle, "样式列表"), noList));

        Assert.Equal("- 样式列表\n\n不是列表", result.Markdown);
    }

    [Fact]
    public void Convert_EscapesListItemTextAndIndentsItsLineBreaks()
    {
        var item = Item(OrderedList, 0, "1. 不是嵌套");
        item.Append(new Run(new Break()), R("- 续行"));

        var result = Convert(Create(item));

        Assert.Equal("1. 1\\. 不是嵌套\\\n   \\- 续行", result.Markdown);
    }

    [Fact]
    public void Convert_WritesTablesAsPipeTables()
    {
        var nested = new Table(new TableRow(Cell("内"), Cell("表")));
        var table = new Table(
            new TableProperties(new TableBorders()),
            new TableGrid(new GridColumn(), new GridColumn()),
            new TableRow(Cell("项目"), Cell("说明")),
            new TableRow(Cell("甲|乙"), Cell(P("第一段"), P(Bold("第二段")), P())),
            new TableRow(new TableCell(P("嵌套"), nested), Cell(P())));

        var result = Convert(Create(P("表前。"), table, P("表后。")));

        Assert.Equal(
            "表前。\n\n| 项目 | 说明 |\n| --- | --- |\n| 甲\\|乙 | 第一段 **第二段** |\n| 嵌套 内 表 | |\n\n表后。",
            result.Markdown);
    }

    [Fact]
    public void Convert_KeepsTableColumnsInLineAcrossMergedCells()
    {
        var spanning = new TableCell(new TableCellProperties(new GridSpan { Val = 2 }), P("合并"));
        var continued = new TableCell(new TableCellProperties(new VerticalMerge()), P("被合并"));
        var table = new Table(
            new TableRow(Cell("甲"), Cell("乙"), Cell("丙")),
            new TableRow(spanning, Cell("丁")),
            new TableRow(Cell("戊"), continued));

        var result = Convert(Create(table));

        Assert.Equal("| 甲 | 乙 | 丙 |\n| --- | --- | --- |\n| 合并 | | 丁 |\n| 戊 | | |", result.Markdown);
    }

    [Fact]
    public void Convert_FoldsColumnsBeyondSixtyFourIntoTheLast()
    {
        var table = new Table(
            new TableRow(Enumerable.Range(1, 70).Select(i => Cell($"c{i}"))),
            new TableRow(Cell("x")));

        var lines = Convert(Create(table)).Markdown.Split('\n');

        Assert.Equal(64, lines[0].Count(c => c == '|') - 1);
        Assert.EndsWith("| c63 | c64 c65 c66 c67 c68 c69 c70 |", lines[0], StringComparison.Ordinal);
        Assert.Equal("| x |" + string.Concat(Enumerable.Repeat(" |", 63)), lines[2]);
    }

    [Fact]
    public void Convert_KeepsTrackedInsertionsAndDropsDeletions()
    {
        var result = Convert(Create(P(
            R("保留"),
            new InsertedRun(R("新增")) { Id = "1", Author = "审阅者" },
            new DeletedRun(new Run(new DeletedText("删除的字"))) { Id = "2", Author = "审阅者" },
            new MoveFromRun(R("移走的字")) { Id = "3", Author = "审阅者" },
            new MoveToRun(R("移来的字")) { Id = "4", Author = "审阅者" },
            R("结束"))));

        Assert.Equal("保留新增移来的字结束", result.Markdown);
    }

    [Fact]
    public void Convert_DropsRowsDeletedWithTrackedChanges()
    {
        var deleted = new TableRow(new TableRowProperties(new Deleted { Id = "1", Author = "审阅者" }), Cell("删"), Cell("除"));
        var table = new Table(new TableRow(Cell("甲"), Cell("乙")), deleted, new TableRow(Cell("丙"), Cell("丁")));

        Assert.Equal("| 甲 | 乙 |\n| --- | --- |\n| 丙 | 丁 |", Convert(Create(table)).Markdown);
    }

    [Fact]
    public void Convert_DropsFieldCodesAndKeepsResults()
    {
        var paragraph = P(R("详见"));
        paragraph.Append(Field(" HYPERLINK \"https://example.org/field-target\" ", "网站"));
        paragraph.Append(R("，第"), new SimpleField(R("3")) { Instruction = " PAGE " }, R("页。"));

        var result = Convert(Create(paragraph));

        Assert.Equal("详见网站，第3页。", result.Markdown);
        Assert.DoesNotContain("HYPERLINK", result.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("example.org", result.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_ShowsTheTextAfterAFieldLeftOpenInItsInstruction()
    {
        var broken = P(
            R("前"),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ")));

        var result = Convert(Create(broken, P("后面的段落。")));

        Assert.Equal("前\n\n后面的段落。", result.Markdown);
    }

    [Fact]
    public void Convert_DropsResultsOfFieldsThatShowDocumentProperties()
    {
        var paragraph = P(R("作者："));
        paragraph.Append(Field(" AUTHOR \\* MERGEFORMAT ", "某某某"));
        paragraph.Append(R("；文件："), new SimpleField(R("某某某.docx")) { Instruction = " FILENAME " }, R("。"));

        var result = Convert(Create(paragraph));

        Assert.Equal("作者：；文件：。", result.Markdown);
        Assert.Equal([DocxWarnings.DocumentPropertiesNotImported], result.Warnings);
    }

    [Fact]
    public void Convert_DropsContentControlsBoundToPropertiesAndPlaceholderText()
    {
        var bound = new SdtRun(
            new SdtProperties(new DataBinding { XPath = "/ns1:coreProperties[1]/ns0:creator[1]", StoreItemId = "{6C3C8BC8-F283-45AE-878A-BAB7291924A1}" }),
            new SdtContentRun(R("某某某")));
        var placeholder = new SdtRun(new SdtProperties(new ShowingPlaceholder()), new SdtContentRun(R("单击此处输入文字。")));
        var plain = new SdtBlock(new SdtProperties(new SdtAlias { Val = "内容" }), new SdtContentBlock(P("控件里的正文。")));

        var result = Convert(Create(P(R("作者："), bound, placeholder), plain));

        Assert.Equal("作者：\n\n控件里的正文。", result.Markdown);
        Assert.Equal([DocxWarnings.DocumentPropertiesNotImported], result.Warnings);
    }

    [Fact]
    public void Convert_KeepsHyperlinkTextAndNotTheAddress()
    {
        var docx = Create((_, main, body) =>
        {
            var link = main.AddHyperlinkRelationship(new Uri("https://example.org/secret-path"), true);
            body.Append(P(R("请看"), new Hyperlink(R("我的文章")) { Id = link.Id, Tooltip = "tooltip-text" }, R("。")));
        });

        var result = Convert(docx);

        Assert.Equal("请看我的文章。", result.Markdown);
        Assert.DoesNotContain("example.org", result.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("tooltip", result.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_ReadsDocumentsWithAMalformedHyperlinkAddress()
    {
        var docx = Create((_, main, body) =>
        {
            var link = main.AddHyperlinkRelationship(new Uri("http://example.org/placeholder"), true);
            body.Append(P(R("链接"), new Hyperlink(R("文字")) { Id = link.Id }));
        });
        var broken = Patch(docx, "document.xml.rels", "http://example.org/placeholder", "mailto:a@b.c]x[ %%% \\\\ ::");

        Assert.Equal("链接文字", Convert(broken).Markdown);
    }

    [Fact]
    public void Convert_DropsImagesWithOneWarning()
    {
        var docx = Create((_, main, body) =>
        {
            var image = main.AddImagePart(ImagePartType.Png);
            using (var stream = new MemoryStream(TestFiles.Png))
            {
                image.FeedData(stream);
            }

            var id = main.GetIdOfPart(image);
            body.Append(
                P(R("图前"), new Run(Picture(id, "图片 1", "替代文字")), R("图后")),
                P(new Run(Picture(id, "图片 2", "替代文字"))),
                P(new Run(new Picture(new DocumentFormat.OpenXml.Vml.Shape()))));
        });

        var result = Convert(docx);

        Assert.Equal("图前图后", result.Markdown);
        Assert.Equal([DocxWarnings.ImagesNotImported], result.Warnings);
    }

    [Fact]
    public void Convert_ReadsTheFallbackOfAlternateContent()
    {
        var run = new Run(
            $"""<w:r {WordNamespaces} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing/></mc:Choice><mc:Fallback><w:pict/></mc:Fallback></mc:AlternateContent><w:t>文字</w:t></w:r>""");

        var result = Convert(Create(P(run)));

        Assert.Equal("文字", result.Markdown);
        Assert.Equal([DocxWarnings.ImagesNotImported], result.Warnings);
    }

    [Fact]
    public void Convert_DropsFootnoteReferencesWithAWarning()
    {
        var docx = Create((_, main, body) =>
        {
            main.AddNewPart<FootnotesPart>().Footnotes = new Footnotes(new Footnote(P("脚注内容")) { Id = 1 });
            body.Append(P(R("正文"), new Run(new FootnoteReference { Id = 1 }), R("。")));
        });

        var result = Convert(docx);

        Assert.Equal("正文。", result.Markdown);
        Assert.Equal([DocxWarnings.FootnotesNotImported], result.Warnings);
    }

    [Fact]
    public void Convert_DropsHiddenTextWithAWarning()
    {
        var result = Convert(Create(P(R("看得见"), new Run(new RunProperties(new Vanish()), Text("看不见")), R("。"))));

        Assert.Equal("看得见。", result.Markdown);
        Assert.Equal([DocxWarnings.HiddenTextNotImported], result.Warnings);
    }

    [Fact]
    public void Convert_DropsEquationsWithAWarning()
    {
        var math = new DocumentFormat.OpenXml.Math.OfficeMath(new DocumentFormat.OpenXml.Math.Run(new DocumentFormat.OpenXml.Math.Text("x=1")));

        var result = Convert(Create(P(R("公式"), math, R("。"))));

        Assert.Equal("公式。", result.Markdown);
        Assert.Equal([DocxWarnings.EquationsNotImported], result.Warnings);
    }

    [Fact]
    public void Convert_KeepsTheBaseTextOfRuby()
    {
        var ruby = new Run(new Ruby(
            new RubyProperties(),
            new RubyContent(R("zhōng")),
            new RubyBase(R("中"))));

        Assert.Equal("中文", Convert(Create(P(ruby, R("文")))).Markdown);
    }

    [Fact]
    public void Convert_ReadsAPackageWithoutStylesOrNumbering()
    {
        var result = Convert(TestFiles.Docx());

        Assert.Null(result.Title);
        Assert.Equal("脱贫攻坚，我们在路上。", result.Markdown);
    }

    [Fact]
    public void Convert_LeavesTheStreamAtTheStart()
    {
        using var stream = TestFiles.Stream(Create(P("正文。")));

        DocxConverter.Convert(stream, UploadLimits.Default);

        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void Convert_RefusesAMainDocumentOverTheCharacterLimitAsTooLarge()
    {
        var paragraphs = Enumerable.Range(0, 3500).Select(i => P($"Paragraph {i} of a long essay.")).ToArray();
        var docx = Create(paragraphs);

        // Half of 400,000 inflated bytes is 200,000 characters; document.xml has more, and the whole
        // package inflates to less than 400,000 bytes, so the zip check passes.
        var limits = UploadLimits.Default with { MaxInflatedBytes = 400_000 };
        using (var zip = new ZipArchive(TestFiles.Stream(docx)))
        {
            using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
            Assert.InRange(reader.ReadToEnd().Length, 200_001, 399_999);
        }

        DocxPackage.Check(TestFiles.Stream(docx), limits);

        var refused = Assert.Throws<DomainException>(() => Convert(docx, limits));
        Assert.Equal(UploadMessages.DocumentTooLargeUnpacked, refused.MessageKey);
        Assert.Contains("Paragraph 3499", Convert(docx).Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_RefusesAMacroEnabledDocument()
    {
        var docm = Create(
            (_, main, body) =>
            {
                body.Append(P("正文。"));
                using var macros = new MemoryStream([1, 2, 3]);
                main.AddNewPart<VbaProjectPart>().FeedData(macros);
            },
            WordprocessingDocumentType.MacroEnabledDocument);

        var refused = Assert.Throws<DomainException>(() => Convert(docm));

        Assert.Equal(UploadMessages.Macros, refused.MessageKey);
    }

    [Fact]
    public void Convert_RefusesRandomBytesAsDamaged()
    {
        var refused = Assert.Throws<DomainException>(() => Convert(TestFiles.RandomBytes));

        Assert.Equal(UploadMessages.DamagedDocument, refused.MessageKey);
    }

    [Fact]
    public void Convert_RefusesMalformedDocumentXmlAsDamaged()
    {
        var zip = TestFiles.Zip(zip =>
        {
            TestFiles.AddText(zip, "[Content_Types].xml", TestFiles.ContentTypes());
            TestFiles.AddText(zip, "_rels/.rels", TestFiles.PackageRelationships);
            TestFiles.AddText(zip, "word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>");
        });

        var refused = Assert.Throws<DomainException>(() => Convert(zip));

        Assert.Equal(UploadMessages.DamagedDocument, refused.MessageKey);
    }

    [Fact]
    public void Convert_RefusesDeeplyNestedXmlAsDamagedBeforeTheSdkOverflowsTheStack()
    {
        // 3 KB zipped; the SDK's recursive loader would end the process, not throw.
        var nested = string.Concat(Enumerable.Repeat("<w:customXml w:element=\"a\">", 10_000))
            + "<w:p/>"
            + string.Concat(Enumerable.Repeat("</w:customXml>", 10_000));
        var zip = TestFiles.Zip(zip =>
        {
            TestFiles.AddText(zip, "[Content_Types].xml", TestFiles.ContentTypes());
            TestFiles.AddText(zip, "_rels/.rels", TestFiles.PackageRelationships);
            TestFiles.AddText(zip, "word/document.xml", $"<w:document {WordNamespaces}><w:body>{nested}</w:body></w:document>");
        });

        var refused = Assert.Throws<DomainException>(() => Convert(zip));

        Assert.Equal(UploadMessages.DamagedDocument, refused.MessageKey);
    }

    [Fact]
    public void Convert_RefusesAPackageWhoseRelationshipsAreMissingAsDamaged()
    {
        var zip = TestFiles.Zip(zip =>
        {
            TestFiles.AddText(zip, "[Content_Types].xml", TestFiles.ContentTypes());
            TestFiles.AddText(zip, "word/document.xml", TestFiles.MainDocument);
        });

        var refused = Assert.Throws<DomainException>(() => Convert(zip));

        Assert.Equal(UploadMessages.DamagedDocument, refused.MessageKey);
    }

    [Fact]
    public void Convert_EndsWithoutATrailingNewlineAndUsesOnlyLineFeeds()
    {
        var result = Convert(Create(P("一\r\n二"), P("三\t"), Item(BulletList, 0, "四")));

        Assert.Equal("一 二\n\n三\n\n- 四", result.Markdown);
        Assert.DoesNotContain('\r', result.Markdown);
    }
}
