using Awards.Core.Exports;
using Awards.Core.Exports.Anthology;
using DocumentFormat.OpenXml.Wordprocessing;
using static Awards.Core.Tests.Exports.Anthology.AnthologyFixture;

namespace Awards.Core.Tests.Exports.Anthology;

public class AnthologyDocumentTests
{
    // 2 themes × 2 levels × 5 essays.
    private static readonly IReadOnlyList<AnthologyTheme> Small = Themes(2, 2, 5, characters: 600);

    private static readonly Lazy<byte[]> SmallDocx = new(() => AnthologyDocx(Small));

    [Fact]
    public void Write_TwentyEssays_ValidatesAgainstOffice2013()
    {
        Assert.Equal(20, Small.Sum(t => t.Levels.Sum(l => l.Essays.Count)));

        AssertValid(SmallDocx.Value);
    }

    [Fact]
    public void Write_ThemesLevelsAndEssays_AreHeadings1To3InTheGivenOrder()
    {
        var expected = new List<(string, string)>();
        foreach (var theme in Small)
        {
            expected.Add(("Heading1", theme.Name));
            foreach (var level in theme.Levels)
            {
                expected.Add(("Heading2", level.Level));
                expected.AddRange(level.Essays.Select(essay => ("Heading3", essay.Title)));
            }
        }

        using var document = Open(SmallDocx.Value);
        var outline = Headings(document).Where(h => h.Style is "Heading1" or "Heading2" or "Heading3").ToList();

        Assert.Equal(expected, outline);
        Assert.Equal(EssayTitle(1), outline[2].Text);
        Assert.Equal(EssayTitle(20), outline[^1].Text);
    }

    [Fact]
    public void Write_EssayBodies_HaveTheirTopHeadingsRightBelowTheEssaysHeading3()
    {
        using var document = Open(SmallDocx.Value);
        var headings = Headings(document);

        // "## 第1部分", an essay's top sections, right below its title: no level skipped.
        Assert.Contains(("Heading4", "第1部分"), headings);
        Assert.DoesNotContain(headings, h => h.Text == "第1部分" && h.Style is "Heading1" or "Heading2" or "Heading3");
    }

    [Fact]
    public void Write_EachEssayTitle_IsFollowedByItsBylineAndItsBody()
    {
        using var document = Open(SmallDocx.Value);
        var paragraphs = Paragraphs(document);

        var titles = paragraphs.Select((p, i) => (p, i)).Where(x => Style(x.p) == "Heading3").ToList();
        Assert.Equal(20, titles.Count);
        for (var n = 0; n < titles.Count; n++)
        {
            var byline = paragraphs[titles[n].i + 1];
            Assert.Equal("Byline", Style(byline));
            Assert.Equal(Byline(n + 1), Text(byline));
            Assert.Equal("第1部分", Text(paragraphs[titles[n].i + 2]));
        }

        var style = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == "Byline");
        Assert.Null(style.StyleRunProperties?.Italic);
        Assert.Equal(JustificationValues.Right, style.StyleParagraphProperties?.Justification?.Val?.Value);
    }

    [Fact]
    public void Write_BodyText_KeepsBoldItalicAndTableCells()
    {
        using var document = Open(SmallDocx.Value);
        var body = document.MainDocumentPart!.Document.Body!;
        var runs = body.Descendants<Run>().ToList();

        Assert.Contains(runs, r => r.RunProperties?.Bold is not null && Text(r).Length > 10);
        Assert.Contains(runs, r => r.RunProperties?.Italic is not null && Text(r).Length > 10);
        var table = body.Descendants<Table>().First();
        Assert.Equal(["项目", "数量", "备注"], table.Elements<TableRow>().First().Elements<TableCell>().Select(Text));
        Assert.Equal(["新修道路", "3", "公里"], table.Elements<TableRow>().ElementAt(1).Elements<TableCell>().Select(Text));
    }

    [Fact]
    public void Write_Contents_IsATocFieldInATableOfContentsSdt_WithItsEntriesWrittenOut()
    {
        using var document = Open(SmallDocx.Value);
        var main = document.MainDocumentPart!;

        var sdt = Assert.Single(main.Document.Body!.Elements<SdtBlock>());
        Assert.Equal("Table of Contents", sdt.SdtProperties?.GetFirstChild<SdtContentDocPartObject>()?.GetFirstChild<DocPartGallery>()?.Val?.Value);
        var content = sdt.SdtContentBlock!;
        var instruction = Assert.Single(content.Descendants<FieldCode>());
        Assert.Equal("TOC \\o \"1-3\" \\h \\z \\u", instruction.Text.Trim());
        Assert.Equal(
            [FieldCharValues.Begin, FieldCharValues.Separate, FieldCharValues.End],
            content.Descendants<FieldChar>().Select(c => c.FieldCharType!.Value));
        Assert.All(content.Descendants<FieldChar>(), c => Assert.Null(c.Dirty));

        // Themes, levels and essays (title, tab, author), as Word would list them, each a link to its heading.
        var expected = new List<(string, string)>();
        foreach (var theme in Small)
        {
            expected.Add(("TOC1", theme.Name));
            foreach (var level in theme.Levels)
            {
                expected.Add(("TOC2", level.Level));
                expected.AddRange(level.Essays.Select(essay => ("TOC3", essay.Title + essay.Author)));
            }
        }

        var entries = content.Elements<Paragraph>().Where(p => Style(p) is "TOC1" or "TOC2" or "TOC3").ToList();
        Assert.Equal(expected, entries.Select(p => (Style(p)!, Text(p))));
        Assert.Equal(20, content.Descendants<TabChar>().Count());
        Assert.Equal("目录", Text(content.Elements<Paragraph>().First()));

        var headings = Paragraphs(document).Where(p => Style(p) is "Heading1" or "Heading2" or "Heading3").ToList();
        var links = entries.Select(p => p.Descendants<Hyperlink>().Single().Anchor!.Value!).ToList();
        Assert.Equal(headings.Count, links.Distinct().Count());
        for (var i = 0; i < headings.Count; i++)
        {
            Assert.Equal(links[i], headings[i].Elements<BookmarkStart>().Single().Name!.Value);
            Assert.Equal(headings[i].Elements<BookmarkStart>().Single().Id!.Value, headings[i].Elements<BookmarkEnd>().Single().Id!.Value);
        }

        // Nothing to update, so Word does not ask.
        Assert.Null(main.DocumentSettingsPart?.Settings?.GetFirstChild<UpdateFieldsOnOpen>());
        Assert.DoesNotContain("更新目录", Text(main.Document.Body!), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Footer_NumbersEveryPage()
    {
        using var document = Open(SmallDocx.Value);
        var main = document.MainDocumentPart!;

        var footer = Assert.Single(main.FooterParts);
        Assert.Equal("PAGE", Assert.Single(footer.Footer!.Descendants<FieldCode>()).Text.Trim());
        Assert.Equal("Footer", Style(footer.Footer.Descendants<Paragraph>().Single()));
        var style = main.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == "Footer");
        Assert.Equal("footer", style.StyleName?.Val?.Value);
        Assert.Equal(JustificationValues.Center, style.StyleParagraphProperties?.Justification?.Val?.Value);

        // One section, its default footer that one: every page has it but the cover (a different first page with no footer).
        var section = Assert.Single(main.Document.Body!.Descendants<SectionProperties>());
        var reference = Assert.Single(section.Elements<FooterReference>());
        Assert.Equal(HeaderFooterValues.Default, reference.Type?.Value);
        Assert.Same(footer, main.GetPartById(reference.Id!.Value!));
        Assert.NotNull(section.GetFirstChild<TitlePage>());
        Assert.Equal(11906u, section.GetFirstChild<PageSize>()?.Width?.Value);
        Assert.Equal(16838u, section.GetFirstChild<PageSize>()?.Height?.Value);
        Assert.Empty(main.HeaderParts);
    }

    [Fact]
    public void Write_Cover_ShowsTheContestTheOfficeAndTheDate_ThenAPageBreak()
    {
        using var document = Open(SmallDocx.Value);
        var paragraphs = Paragraphs(document);

        Assert.Equal(
            [ContestName, "获奖征文选编", Office, "2026年10月17日"],
            paragraphs.Take(4).Select(Text));
        Assert.Equal("Subtitle", Style(paragraphs[0]));
        Assert.Equal("Title", Style(paragraphs[1]));
        Assert.Equal(BreakValues.Page, Assert.Single(paragraphs[4].Descendants<Break>()).Type?.Value);
        Assert.DoesNotContain(AnthologyDocument.DraftLine, Text(document.MainDocumentPart!.Document.Body!), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ProposedResults_SaySoOnTheCover()
    {
        using var document = Open(AnthologyDocx(Themes(1, 1, 1, characters: 100), Contest(isFinal: false)));

        Assert.Equal(AnthologyDocument.DraftLine, Text(Paragraphs(document)[2]));
    }

    [Fact]
    public void Write_AMixedAnthology_MarksTheThemesStillOnNotice_OnTheCoverInTheirHeadingsAndInTheContents()
    {
        var themes = Themes(2, 1, 1, characters: 100);
        themes = [themes[0] with { Final = true }, themes[1] with { Final = false }];
        using var document = Open(AnthologyDocx(themes, Contest(isFinal: false)));
        var paragraphs = Paragraphs(document);

        Assert.Equal(AnthologyDocument.MixedLine, Text(paragraphs[2]));
        var headings = paragraphs.Where(p => Style(p) == "Heading1").Select(Text).ToList();
        Assert.Equal([themes[0].Name, themes[1].Name + "（公示中）"], headings);
        var contents = paragraphs.Where(p => Style(p) == "TOC1").Select(Text).ToList();
        Assert.Equal([themes[0].Name, themes[1].Name + "（公示中）"], contents);
        Assert.DoesNotContain(AnthologyDocument.DraftLine, Text(document.MainDocumentPart!.Document.Body!), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TheByline_IsKaiTiUpright_NotASyntheticItalic()
    {
        using var document = Open(SmallDocx.Value);
        var byline = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == "Byline");

        Assert.Empty(byline.Descendants<Italic>());
        Assert.Empty(Paragraphs(document).Where(p => Style(p) == "Byline").SelectMany(p => p.Descendants<Italic>()));
    }

    [Fact]
    public void Write_Preface_HasItsHeadingAndTheOrganizersMarkdown()
    {
        using var document = Open(SmallDocx.Value);
        var paragraphs = Paragraphs(document);

        var heading = Assert.Single(paragraphs, p => Text(p) == "前言");
        Assert.Equal("FrontHeading", Style(heading));
        var next = paragraphs[paragraphs.IndexOf(heading) + 1];
        Assert.Equal("扶贫日征文活动自启动以来，共收到来稿一千余篇。", Text(next));
        Assert.NotNull(next.Descendants<Run>().Single(r => Text(r) == "一千余篇").RunProperties?.Bold);

        // The preface comes before the contents, the contents before the first theme.
        var body = document.MainDocumentPart!.Document.Body!.ChildElements.ToList();
        var sdt = body.FindIndex(e => e is SdtBlock);
        Assert.True(body.IndexOf(heading) < sdt);
        Assert.True(sdt < body.FindIndex(e => e is Paragraph p && Style(p) == "Heading1"));
    }

    [Fact]
    public void Write_WithoutAPreface_HasNoPrefacePage()
    {
        using var document = Open(AnthologyDocx(Themes(1, 1, 1, characters: 100), preface: "  "));

        Assert.DoesNotContain(Paragraphs(document), p => Text(p) == "前言");
        Assert.Single(document.MainDocumentPart!.Document.Body!.Elements<SdtBlock>());
    }

    [Fact]
    public void Write_EachTheme_StartsOnANewPage()
    {
        using var document = Open(SmallDocx.Value);

        var themes = Paragraphs(document).Where(p => Style(p) == "Heading1").ToList();
        Assert.Equal(2, themes.Count);
        Assert.All(themes, theme => Assert.NotNull(theme.ParagraphProperties?.PageBreakBefore));
    }

    [Fact]
    public void Write_EachLevelAndEachEssay_StartsOnANewPage_TheFirstRightUnderItsHeading()
    {
        using var document = Open(SmallDocx.Value);
        var headings = Paragraphs(document).Where(p => Style(p) is "Heading1" or "Heading2" or "Heading3").ToList();

        for (var i = 0; i < headings.Count; i++)
        {
            // A level or an essay right under its theme or level shares that heading's page.
            var follows = i > 0 && string.CompareOrdinal(Style(headings[i - 1]), Style(headings[i])) < 0;
            var breaks = headings[i].ParagraphProperties?.PageBreakBefore is not null;
            Assert.True(Style(headings[i]) == "Heading1" || breaks != follows, $"{Text(headings[i])}: page break {breaks}");
        }

        Assert.Equal(2 + 2 + 16, headings.Count(p => p.ParagraphProperties?.PageBreakBefore is not null));
    }

    [Fact]
    public void Write_AnEssaysTitleAndByline_AreKeptWithItsText()
    {
        using var document = Open(SmallDocx.Value);
        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToList();

        Assert.NotNull(styles.Single(s => s.StyleId == "Heading3").StyleParagraphProperties?.KeepNext);
        Assert.NotNull(styles.Single(s => s.StyleId == "Byline").StyleParagraphProperties?.KeepNext);
    }

    [Fact]
    public void Write_Styles_HaveTheChineseDefaultsAndTheBuiltInHeadingNames()
    {
        using var document = Open(SmallDocx.Value);
        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!;

        var defaults = styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("Times New Roman", defaults.RunFonts?.Ascii?.Value);
        Assert.Equal("Times New Roman", defaults.RunFonts?.HighAnsi?.Value);
        Assert.Equal("宋体", defaults.RunFonts?.EastAsia?.Value);
        Assert.Equal("zh-CN", defaults.Languages?.EastAsia?.Value);
        Assert.Equal("24", defaults.FontSize?.Val?.Value);

        var sizes = new List<int>();
        for (var level = 1; level <= 6; level++)
        {
            var heading = styles.Elements<Style>().Single(s => s.StyleId == $"Heading{level}");
            Assert.Equal(StyleValues.Paragraph, heading.Type?.Value);
            Assert.Equal($"heading {level}", heading.StyleName?.Val?.Value);
            Assert.Equal(level - 1, heading.StyleParagraphProperties?.OutlineLevel?.Val?.Value);
            Assert.Equal("黑体", heading.StyleRunProperties?.RunFonts?.EastAsia?.Value);
            sizes.Add(int.Parse(heading.StyleRunProperties!.FontSize!.Val!.Value!, System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(sizes.OrderByDescending(s => s), sizes);
        Assert.Equal(6, sizes.Distinct().Count());
        Assert.Equal("Title", styles.Elements<Style>().Single(s => s.StyleId == "Title").StyleName?.Val?.Value);
        Assert.Equal("toc 1", styles.Elements<Style>().Single(s => s.StyleId == "TOC1").StyleName?.Val?.Value);

        // Body paragraphs are indented by two characters, in Word's units and in LibreOffice's twips.
        var body = styles.Elements<Style>().Single(s => s.StyleId == "BodyText").StyleParagraphProperties!.Indentation!;
        Assert.Equal(200, body.FirstLineChars?.Value);
        Assert.Equal("480", body.FirstLine?.Value);

        // Every style the body uses is defined.
        var defined = styles.Elements<Style>().Select(s => s.StyleId!.Value).ToHashSet();
        var used = document.MainDocumentPart.Document.Body!.Descendants<ParagraphStyleId>().Select(s => s.Val!.Value)
            .Concat(document.MainDocumentPart.Document.Body.Descendants<RunStyle>().Select(s => s.Val!.Value))
            .ToHashSet();
        Assert.Subset(defined, used);
    }

    [Fact]
    public void Write_CoreProperties_HoldTheTitleAndTheOffice()
    {
        using var document = Open(SmallDocx.Value);

        Assert.Equal(ContestName + "获奖征文选编", document.PackageProperties.Title);
        Assert.Equal(Office, document.PackageProperties.Creator);
        Assert.True(string.IsNullOrEmpty(document.PackageProperties.LastModifiedBy));
    }

    [Fact]
    public void Write_TextOutsideTheMarkdown_IsCleaned()
    {
        var essay = new DocumentEssay("ZW-1", "标题\u0001带\u000B控制符", "作者\u0000 · 单位", "正文");
        var contest = Contest() with { Name = "活动\u001F名称" };

        var docx = AnthologyDocx([new AnthologyTheme("主题\uFFFF", [new AnthologyLevel("一等奖\u0008", [essay])])], contest);

        AssertValid(docx);
        using var document = Open(docx);
        Assert.Equal(
            [("Heading1", "主题"), ("Heading2", "一等奖"), ("Heading3", "标题带控制符")],
            Headings(document).Where(h => h.Style is "Heading1" or "Heading2" or "Heading3"));
        Assert.Equal("活动名称", Text(Paragraphs(document)[0]));
        Assert.Contains(Paragraphs(document), p => Style(p) == "Byline" && Text(p) == "作者 · 单位");
    }

    [Fact]
    public void Write_LeavesTheOutputOpen()
    {
        using var output = new MemoryStream();

        AnthologyDocument.Write(output, Contest(), Preface, Themes(1, 1, 1, characters: 100));

        Assert.True(output.CanWrite);
        Assert.Equal(output.Length, output.Position);
        AssertValid(output.ToArray());
    }

    [Fact]
    public void Write_ToAStreamThatCannotSeek_StillMakesAValidDocument()
    {
        using var buffer = new MemoryStream();
        using (var forwardOnly = new ForwardOnlyStream(buffer))
        {
            AnthologyDocument.Write(forwardOnly, Contest(), Preface, Themes(1, 2, 2, characters: 300));
        }

        AssertValid(buffer.ToArray());
    }

    [Fact]
    public void Write_PackageHasTheContentTypesOfEveryPart()
    {
        var parts = PartsAsText(SmallDocx.Value);

        var types = parts["[Content_Types].xml"];
        Assert.Contains("PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"", types, StringComparison.Ordinal);
        Assert.Contains("/word/styles.xml", types, StringComparison.Ordinal);
        Assert.Contains("/word/settings.xml", types, StringComparison.Ordinal);
        Assert.Contains("Extension=\"rels\"", types, StringComparison.Ordinal);
        Assert.Contains("_rels/.rels", parts.Keys);
        Assert.Contains("word/_rels/document.xml.rels", parts.Keys);
    }

    /// <summary>A stream that only goes forward, like an HTTP response body.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        private long _position;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            _position += count;
        }
    }
}
