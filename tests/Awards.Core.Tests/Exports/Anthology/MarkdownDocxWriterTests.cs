using Awards.Core.Exports;
using Awards.Core.Exports.Anthology;
using DocumentFormat.OpenXml.Wordprocessing;
using static Awards.Core.Tests.Exports.Anthology.AnthologyFixture;

namespace Awards.Core.Tests.Exports.Anthology;

public class MarkdownDocxWriterTests
{
    private const string Everything =
        """
        # 一级标题

        正文有**加粗**、*倾斜*、***又粗又斜***和`代码 x = 1`，还有[一个链接](https://example.org/secret-link)。
        这一行是软换行，
        接着写。  
        这一行在硬换行之后。

        ![图片的说明](https://example.org/photo.png)

        ## 二级标题

        - 第一项
        - 第二项
          - 嵌套的一项
        - 第三项

        3. 三
        4. 四

        > 引用的一段话。
        >
        > 引用的第二段。

        | 项目 | 数量 |
        |:---|---:|
        | 新修道路 | 3 |
        | **新建车间** | 2 |

        ```
        if (x)
            return 1;
        ```

        ---

        <script>alert(1)</script>

        ###### 六级标题
        """;

    [Fact]
    public void Write_EveryConstruct_ValidatesAgainstOffice2013()
    {
        AssertValid(MarkdownDocument(Everything));
        AssertValid(MarkdownDocument(Everything, headingOffset: 3));
    }

    [Fact]
    public void Write_Headings_TakeTheHeadingStylesShiftedByTheOffsetAndCappedAtSix()
    {
        using var plain = Open(MarkdownDocument(Everything));
        Assert.Equal(
            [("Heading1", "一级标题"), ("Heading2", "二级标题"), ("Heading6", "六级标题")],
            Headings(plain));

        using var shifted = Open(MarkdownDocument(Everything, headingOffset: 3));
        Assert.Equal(
            [("Heading4", "一级标题"), ("Heading5", "二级标题"), ("Heading6", "六级标题")],
            Headings(shifted));
    }

    [Fact]
    public void Write_ABodyParagraphWithAWebAddressOrALongWord_IsSetAtTheLeft_OthersStayJustified()
    {
        const string Markdown = """
            详情见市扶贫办网站的报道（https://www.qinghe.gov.cn/fupin/xinwen/2026/10/17/zhuanti.html）。

            村里的小卖部改名叫 Supercalifragilisticexpialidocious 小超市。

            我们用 WeChat 和 Excel 记账，日子一天天好起来。

            - 列表里的 https://www.qinghe.gov.cn/fupin/xinwen/2026/10/17/zhuanti.html 本来就在左边。
            """;
        using var document = Open(MarkdownDocument(Markdown));
        var paragraphs = Paragraphs(document);
        JustificationValues? Alignment(string start) =>
            paragraphs.Single(p => Text(p).StartsWith(start, StringComparison.Ordinal)).ParagraphProperties?.Justification?.Val?.Value;

        Assert.Equal(JustificationValues.Left, Alignment("详情见"));
        Assert.Equal(JustificationValues.Left, Alignment("村里的"));

        // Short Latin words break at their spaces: the paragraph keeps the body text's justification.
        Assert.Null(Alignment("我们用"));
        Assert.Equal("BodyText", Style(paragraphs.Single(p => Text(p).StartsWith("我们用", StringComparison.Ordinal))));
        Assert.Null(Alignment("• 列表里的"));
    }

    [Fact]
    public void Write_Emphasis_BecomesBoldAndItalicRuns()
    {
        using var document = Open(MarkdownDocument(Everything));
        var runs = document.MainDocumentPart!.Document.Body!.Descendants<Run>().ToList();

        var bold = Assert.Single(runs, r => Text(r) == "加粗");
        Assert.NotNull(bold.RunProperties?.Bold);
        Assert.Null(bold.RunProperties?.Italic);

        var italic = Assert.Single(runs, r => Text(r) == "倾斜");
        Assert.NotNull(italic.RunProperties?.Italic);
        Assert.Null(italic.RunProperties?.Bold);

        var both = Assert.Single(runs, r => Text(r) == "又粗又斜");
        Assert.NotNull(both.RunProperties?.Bold);
        Assert.NotNull(both.RunProperties?.Italic);

        var code = Assert.Single(runs, r => Text(r) == "代码 x = 1");
        Assert.Equal("InlineCode", code.RunProperties?.RunStyle?.Val?.Value);
    }

    [Fact]
    public void Write_LinksKeepTheirTextOnly_AndAnImageLeavesItsDescription_InAJudgePacket()
    {
        var docx = MarkdownDocument(Everything);
        using var document = Open(docx);
        var body = document.MainDocumentPart!.Document.Body!;

        Assert.Contains("一个链接", Text(body), StringComparison.Ordinal);
        Assert.Contains("［图：图片的说明］", Text(body), StringComparison.Ordinal);
        Assert.Empty(body.Descendants<Hyperlink>());
        Assert.Empty(document.MainDocumentPart.HyperlinkRelationships);
        Assert.Empty(document.MainDocumentPart.ImageParts);
        var xml = PartsAsText(docx)["word/document.xml"];
        Assert.DoesNotContain("secret-link", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("photo.png", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_InTheAnthology_ALinkShowsItsAddress_AndAnImageItsDescription()
    {
        var essay = new DocumentEssay("E1", "一张照片", "作者 · 单位 · 一等奖", "![扶贫车间开工那天](https://example.org/workshop.jpg)\n\n详见[清河市扶贫办网站](https://fpb.qinghe.example.gov.cn/news)，或 ![](x.png) 无说明的图。");
        var docx = AnthologyDocx([new AnthologyTheme("征文：我的帮扶故事", [new AnthologyLevel("一等奖", [essay])])], Contest());
        AssertValid(docx);
        using var document = Open(docx);
        var text = Text(document.MainDocumentPart!.Document.Body!);

        Assert.Contains("［图：扶贫车间开工那天］", text, StringComparison.Ordinal);
        Assert.Contains("详见清河市扶贫办网站（https://fpb.qinghe.example.gov.cn/news），或 ［图］ 无说明的图。", text, StringComparison.Ordinal);
        Assert.DoesNotContain("workshop.jpg", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_RawHtml_IsLiteralText()
    {
        var docx = MarkdownDocument(Everything);
        using var document = Open(docx);

        var paragraph = Assert.Single(Paragraphs(document), p => Text(p).Contains("alert(1)", StringComparison.Ordinal));
        Assert.Equal("<script>alert(1)</script>", Text(paragraph));
        var xml = PartsAsText(docx)["word/document.xml"];
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_InlineHtml_IsLiteralTextToo()
    {
        using var document = Open(MarkdownDocument("前<b>粗</b>后 <img src=x onerror=alert(1)>"));

        Assert.Equal("前<b>粗</b>后 <img src=x onerror=alert(1)>", Text(Assert.Single(Paragraphs(document))));
    }

    [Fact]
    public void Write_Lists_ArePrefixedParagraphsWithAHangingIndent()
    {
        using var document = Open(MarkdownDocument(Everything));
        var paragraphs = Paragraphs(document);

        var first = Assert.Single(paragraphs, p => Text(p) == "• 第一项");
        var nested = Assert.Single(paragraphs, p => Text(p) == "• 嵌套的一项");
        Assert.Single(paragraphs, p => Text(p) == "• 第三项");
        Assert.Single(paragraphs, p => Text(p) == "3. 三");
        Assert.Single(paragraphs, p => Text(p) == "4. 四");

        Assert.Equal("480", first.ParagraphProperties?.Indentation?.Left?.Value);
        Assert.Equal("480", first.ParagraphProperties?.Indentation?.Hanging?.Value);
        Assert.Equal("960", nested.ParagraphProperties?.Indentation?.Left?.Value);
        Assert.Empty(document.MainDocumentPart!.Document.Body!.Descendants<NumberingProperties>());
        Assert.Null(document.MainDocumentPart.NumberingDefinitionsPart);
    }

    [Fact]
    public void Write_Quote_IsIndented()
    {
        using var document = Open(MarkdownDocument(Everything));

        var quote = Assert.Single(Paragraphs(document), p => Text(p) == "引用的一段话。");
        Assert.Equal("Quote", Style(quote));
        Assert.Equal("480", quote.ParagraphProperties?.Indentation?.Left?.Value);
        Assert.Single(Paragraphs(document), p => Text(p) == "引用的第二段。");
    }

    [Fact]
    public void Write_Table_HasBordersABoldHeaderRowAndTheCellText()
    {
        using var document = Open(MarkdownDocument(Everything));
        var table = Assert.Single(document.MainDocumentPart!.Document.Body!.Descendants<Table>());

        var borders = table.GetFirstChild<TableProperties>()?.TableBorders;
        Assert.NotNull(borders);
        Assert.Equal(BorderValues.Single, borders.InsideHorizontalBorder?.Val?.Value);
        Assert.Equal(BorderValues.Single, borders.TopBorder?.Val?.Value);

        var rows = table.Elements<TableRow>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Equal(["项目", "数量"], rows[0].Elements<TableCell>().Select(Text));
        Assert.All(rows[0].Descendants<Run>(), run => Assert.NotNull(run.RunProperties?.Bold));
        Assert.Equal(["新修道路", "3"], rows[1].Elements<TableCell>().Select(Text));
        Assert.Equal(["新建车间", "2"], rows[2].Elements<TableCell>().Select(Text));
        Assert.Null(rows[1].Descendants<Run>().First().RunProperties?.Bold);
        Assert.NotNull(rows[2].Descendants<Run>().First().RunProperties?.Bold);

        // Right-aligned column.
        Assert.Equal(JustificationValues.Right, rows[1].Elements<TableCell>().Last().Descendants<Justification>().Single().Val?.Value);
    }

    [Fact]
    public void Write_Table_SizesColumnsByTheirText_WithinThePageWidth()
    {
        const string Remark = "村里的扶贫车间由帮扶单位出资建设，吸纳了四十多位留守妇女就近就业，每月人均增收一千余元，还带动了周边三个村的来料加工。";
        var markdown =
            $"""
            | 序号 | 村 | 户数 | 金额（万元） | 完成时间 | 备注 |
            |---:|---|---:|---:|---|---|
            | 1 | 王家村 | 27 | 12.5 | 2026年5月 | {Remark} |
            | 2 | 李家坪 | 9 | 3 | 2026年7月 | 已完工 |
            """;
        var docx = AnthologyDocx([new AnthologyTheme("征文：我的帮扶故事", [new AnthologyLevel("一等奖", [new DocumentEssay("E-1", "车间", "作者 · 一等奖", markdown, "作者")])])]);
        AssertValid(docx);

        using (var document = Open(docx))
        {
            var table = Assert.Single(document.MainDocumentPart!.Document.Body!.Descendants<Table>());
            var grid = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(g => int.Parse(g.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(11906 - (2 * 1800), grid.Sum()); // A4 less its margins.

            // The remarks take the room the short columns do not need; each short column still holds its header on one line.
            Assert.Equal(grid.Max(), grid[5]);
            Assert.True(grid[5] > 3 * grid[0], string.Join(", ", grid));
            Assert.True(grid[3] >= 6 * 240 + 200, $"金额（万元） needs six characters' width, has {grid[3]}.");
            Assert.True(grid[0] >= 2 * 240 + 200 && grid[1] >= 3 * 240 + 200, string.Join(", ", grid));

            // Each cell says the width of its column.
            foreach (var row in table.Elements<TableRow>())
            {
                Assert.Equal(grid, row.Elements<TableCell>().Select(c => int.Parse(c.TableCellProperties!.TableCellWidth!.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        if (File.Exists("/usr/bin/soffice") && File.Exists("/usr/bin/pdftotext"))
        {
            // Printed, the headers are not broken across lines (with equal columns 金额（万元） wrapped).
            var text = Documents.WordChecks.ConvertToPdfText(docx, "table-widths");
            Assert.Contains("金额（万元）", text, StringComparison.Ordinal);
            Assert.Contains("完成时间", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Write_CodeBlock_KeepsItsLinesAndIndentation()
    {
        using var document = Open(MarkdownDocument(Everything));
        var code = Paragraphs(document).Where(p => Style(p) == "CodeBlock").ToList();

        Assert.Equal(["if (x)", "    return 1;"], code.Select(Text));
        Assert.Equal(DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve, code[1].Descendants<Text>().Single().Space?.Value);
    }

    [Fact]
    public void Write_LineBreaks_SoftBreaksJoinChineseAndHardBreaksBreak()
    {
        using var document = Open(MarkdownDocument(Everything));

        var paragraph = Assert.Single(Paragraphs(document), p => Text(p).Contains("软换行", StringComparison.Ordinal));
        Assert.Contains("这一行是软换行，接着写。这一行在硬换行之后。", Text(paragraph), StringComparison.Ordinal);
        Assert.Single(paragraph.Descendants<Break>());

        using var english = Open(MarkdownDocument("soft\nbreak"));
        Assert.Equal("soft break", Text(Assert.Single(Paragraphs(english))));
    }

    [Fact]
    public void Write_ThematicBreak_IsAnEmptyParagraph()
    {
        using var document = Open(MarkdownDocument("前\n\n---\n\n后"));

        Assert.Equal(["前", string.Empty, "后"], Paragraphs(document).Select(Text));
    }

    [Fact]
    public void Write_ControlCharacters_AreStrippedAndEdgeSpacesPreserved()
    {
        var docx = MarkdownDocument("A\u0001B\u0008C\u001F\uFFFE\uFFFFD \uD800E `  code  `");
        AssertValid(docx);
        using var document = Open(docx);

        var paragraph = Assert.Single(Paragraphs(document));
        Assert.Equal("ABCD E  code ", Text(paragraph));

        // CommonMark strips one space from each end of a code span.
        var code = paragraph.Descendants<Text>().Last();
        Assert.Equal(" code ", code.Text);
        Assert.Equal(DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve, code.Space?.Value);
    }

    [Fact]
    public void Write_DeeplyNestedQuotes_AreIndentedNoFurtherThanEightSteps()
    {
        var docx = MarkdownDocument(new string('>', 60) + " 很深的引用");

        AssertValid(docx);
        using var document = Open(docx);
        var quote = Assert.Single(Paragraphs(document));
        Assert.Equal("很深的引用", Text(quote));
        Assert.Equal("3840", quote.ParagraphProperties?.Indentation?.Left?.Value);
    }

    [Fact]
    public void Write_NestingBeyondWhatMarkdigParses_KeepsTheTextAsPlainLines()
    {
        var markdown = "第一行\n" + new string('>', 5000) + " 很深的引用";

        var docx = MarkdownDocument(markdown);

        AssertValid(docx);
        using var document = Open(docx);
        var paragraphs = Paragraphs(document);
        Assert.Equal(2, paragraphs.Count);
        Assert.Equal("第一行", Text(paragraphs[0]));
        Assert.EndsWith("很深的引用", Text(paragraphs[1]), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_BlankMarkdown_WritesNothing()
    {
        using var document = Open(MarkdownDocument("  \n\n "));

        Assert.Empty(Paragraphs(document));
    }

    [Fact]
    public void Constructor_RejectsANegativeOffset()
    {
        using var stream = new MemoryStream();
        using var writer = DocumentFormat.OpenXml.OpenXmlWriter.Create(stream);

        Assert.Throws<ArgumentOutOfRangeException>(() => new MarkdownDocxWriter(writer, -1));
    }
}
