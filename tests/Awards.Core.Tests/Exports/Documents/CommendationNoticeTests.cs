using Awards.Core.Exports;
using Awards.Core.Exports.Documents;
using DocumentFormat.OpenXml.Wordprocessing;
using static Awards.Core.Tests.Exports.Documents.WordChecks;

namespace Awards.Core.Tests.Exports.Documents;

public class CommendationNoticeTests
{
    [Fact]
    public void Write_ProducesADocumentTheSchemaValidatorAccepts()
    {
        AssertValid(Notice(Contest(), SampleTracks));
        AssertValid(Notice(Contest(isFinal: false), SampleTracks));
        AssertValid(Notice(Contest(), [], body: []));
    }

    [Fact]
    public void Write_ListsTitleBodyTracksLevelsAndWinnersInOrder_AndCountsASingleLevelNamedAsItsAwardInTheAwardsHeading()
    {
        string[] expected =
            [
                Office,
                string.Empty,
                NoticeTitle,
                string.Empty,
                BodyParagraphs[0],
                BodyParagraphs[1],
                "一、征文：我的帮扶故事",
                "（一）一等奖（1名）",
                "《我们村的变化》 张三（清河县扶贫办）",
                "（二）二等奖（2名）",
                "《山路弯弯》 李四（清河县教育局）",
                "《老槐树下》 王五",
                "二、创新奖（2名）",
                "清河县民政局",
                "清河县农业农村局",
                string.Empty,
                string.Empty,
                Office,
                "2026年11月21日",
            ];

        Open(Notice(Contest(), SampleTracks), document => Assert.Equal(expected, ParagraphTexts(document)));
    }

    [Fact]
    public void Write_NamesWinnersAsACommendationListDoes_WithoutCodesOrNominationHeadlines_AndAnEssaysTitleInTitleMarksOnce()
    {
        PrizeTrack[] tracks =
        [
            new("journey", "征文：我的脱贫历程", [new PrizeRow(1, 1, "一等奖", "E010", "《走出大山》", "赵六", "云岭县", 92m), new PrizeRow(2, 1, "一等奖", "E011", "路", "钱七", "云岭县", 91m)], Works: true),
            new("innovation", "创新奖", [new PrizeRow(1, 1, "创新奖", "N001", "“扶贫车间+电商”模式的探索者", "李秀兰", "青山县", 90m)]),
            new("org-innovation", "组织创新奖", [new PrizeRow(1, 1, "组织创新奖", "N002", "“一村一品”产业扶贫机制", "柳溪县", "柳溪县", 88m)]),
            new("outstanding-organization", "征文优秀组织奖", [new PrizeRow(1, 1, "优秀组织奖", string.Empty, string.Empty, "河东区", string.Empty, null)], Units: true),
        ];

        Open(Notice(Contest(), tracks), document =>
        {
            var texts = ParagraphTexts(document);
            Assert.Contains("《走出大山》 赵六（云岭县）", texts);
            Assert.Contains("《路》 钱七（云岭县）", texts);
            Assert.Contains("李秀兰（青山县）", texts);
            Assert.Contains("柳溪县", texts);
            Assert.Contains("河东区", texts);
            var body = BodyOf(document).InnerText;
            Assert.DoesNotContain("N00", body, StringComparison.Ordinal);
            Assert.DoesNotContain("E01", body, StringComparison.Ordinal);
            Assert.DoesNotContain("探索者", body, StringComparison.Ordinal);
            Assert.DoesNotContain("柳溪县（柳溪县）", body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Write_OpensWithTheRedHeaderAndItsRule_ThenTheTitle_AndAddressesTheUnits()
    {
        var contest = Contest() with { Addressee = "各县（市、区）扶贫办，各定点帮扶单位：" };
        var docx = Notice(contest, SampleTracks);
        AssertValid(docx);
        Open(docx, document =>
        {
            var paragraphs = BodyOf(document).Elements<Paragraph>().ToList();
            Assert.Equal(Office, paragraphs[0].InnerText);
            var header = paragraphs[0].Descendants<Run>().Single().RunProperties!;
            Assert.Equal("FF0000", header.Color?.Val?.Value);
            Assert.True(int.Parse(header.FontSize!.Val!.Value!, System.Globalization.CultureInfo.InvariantCulture) >= 56, "The red header is larger than the title.");
            Assert.Equal("方正小标宋简体", EastAsiaFontOf(document, paragraphs[0], paragraphs[0].Descendants<Run>().Single()));
            var rule = paragraphs[1].ParagraphProperties!.ParagraphBorders!.BottomBorder!;
            Assert.Equal("FF0000", rule.Color?.Value);
            Assert.Equal(BorderValues.Single, rule.Val!.Value);
            Assert.Equal(NoticeTitle, paragraphs[2].InnerText);

            var addressee = paragraphs.Single(p => p.InnerText == "各县（市、区）扶贫办，各定点帮扶单位：");
            Assert.True(paragraphs.IndexOf(addressee) < paragraphs.FindIndex(p => p.InnerText == BodyParagraphs[0]));
            Assert.Equal("0", addressee.ParagraphProperties?.Indentation?.FirstLine?.Value);
        });

        if (File.Exists("/usr/bin/soffice") && File.Exists("/usr/bin/pdftotext"))
        {
            var text = WithoutWhiteSpace(ConvertToPdfText(docx, "notice-header"));
            Assert.StartsWith(Office + NoticeTitle, text, StringComparison.Ordinal);
            Assert.Contains(NoticeTitle + "各县（市、区）扶贫办，各定点帮扶单位：", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Write_PrintsTheDocumentNumberCentredBetweenTheRedHeaderAndItsRule_WhenOneIsSet()
    {
        var docx = Notice(Contest() with { DocumentNumber = "清扶组〔2026〕3号" }, SampleTracks);
        AssertValid(docx);
        Open(docx, document =>
        {
            var paragraphs = BodyOf(document).Elements<Paragraph>().ToList();
            Assert.Equal(Office, paragraphs[0].InnerText);
            Assert.Equal("清扶组〔2026〕3号", paragraphs[1].InnerText);
            Assert.Equal(JustificationValues.Center, paragraphs[1].ParagraphProperties?.Justification?.Val?.Value);
            Assert.Equal("0", paragraphs[1].ParagraphProperties?.Indentation?.FirstLine?.Value);
            Assert.NotNull(paragraphs[2].ParagraphProperties?.ParagraphBorders?.BottomBorder);
            Assert.Equal(NoticeTitle, paragraphs[3].InnerText);
        });

        // Without one the header is the office over the rule, as before.
        Open(Notice(Contest(), SampleTracks), document =>
        {
            var paragraphs = BodyOf(document).Elements<Paragraph>().ToList();
            Assert.NotNull(paragraphs[1].ParagraphProperties?.ParagraphBorders?.BottomBorder);
            Assert.DoesNotContain("〔", BodyOf(document).InnerText, StringComparison.Ordinal);
        });

        if (File.Exists("/usr/bin/soffice") && File.Exists("/usr/bin/pdftotext"))
        {
            var text = WithoutWhiteSpace(ConvertToPdfText(docx, "notice-number"));
            Assert.StartsWith(Office + "清扶组〔2026〕3号" + NoticeTitle, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Write_SetsAnEnglishTitleAtTheLeft_WithoutStretchingItsSpaces_AndJustifiesChineseAsBefore()
    {
        const string English = "《The Summer the Books Came to Willow Creek: A Teacher's Year in the Mountains》 唐晓（柳溪县）";
        PrizeTrack[] tracks =
        [
            new("help-story", "征文：我的帮扶故事", [new PrizeRow(1, 1, "一等奖", "E1", "The Summer the Books Came to Willow Creek: A Teacher's Year in the Mountains", "唐晓", "柳溪县", 90m), new PrizeRow(2, 1, "一等奖", "E2", "扶贫路上的Wi-Fi信号", "张三", "清河县", 89m)], Works: true),
        ];

        var docx = Notice(Contest(), tracks);
        AssertValid(docx);
        Open(docx, document =>
        {
            var paragraphs = BodyOf(document).Elements<Paragraph>().ToList();
            var english = paragraphs.Single(p => p.InnerText == English);
            Assert.Equal(JustificationValues.Left, english.ParagraphProperties?.Justification?.Val?.Value);

            // Chinese text, a Latin word in it or not, keeps the style's justification (两端对齐).
            var chinese = paragraphs.Single(p => p.InnerText == "《扶贫路上的Wi-Fi信号》 张三（清河县）");
            Assert.Null(chinese.ParagraphProperties?.Justification);
            Assert.All(paragraphs.Where(p => p.InnerText == BodyParagraphs[0]), p => Assert.Null(p.ParagraphProperties?.Justification));
        });
    }

    [Fact]
    public void Write_BreaksALongTitleBefore获奖者的通报_NotInTheMiddleOfAWord()
    {
        var docx = Notice(Contest(), SampleTracks);
        Open(docx, document =>
        {
            var title = BodyOf(document).Elements<Paragraph>().Single(p => p.InnerText == NoticeTitle);
            var runs = title.Elements<Run>().ToList();
            Assert.Equal("关于2026年清河市扶贫日表彰暨征文活动", runs[0].InnerText);
            Assert.NotNull(runs[1].GetFirstChild<Break>());
            Assert.Equal("获奖者的通报", runs[2].InnerText);
        });

        // A title that fits on one line is left whole.
        Open(Notice(Contest() with { Name = "2026年扶贫日征文" }, SampleTracks), document =>
            Assert.Empty(BodyOf(document).Elements<Paragraph>().Single(p => p.InnerText == "关于表彰2026年扶贫日征文获奖者的通报").Descendants<Break>()));

        if (File.Exists("/usr/bin/soffice") && File.Exists("/usr/bin/pdftotext"))
        {
            var lines = ConvertToPdfText(docx, "notice-title").Split('\n').Select(l => WithoutWhiteSpace(l)).ToList();
            Assert.Contains("关于2026年清河市扶贫日表彰暨征文活动", lines);
            Assert.Contains("获奖者的通报", lines);
        }
    }

    [Fact]
    public void Write_NumbersTracksWithChineseOrdinalsBeyondTen()
    {
        var tracks = Enumerable.Range(1, 21)
            .Select(i => new PrizeTrack($"t{i}", $"奖项{i}", [new PrizeRow(1, 1, "一等奖", $"E{i:D3}", "题目", "作者", "单位", 90m)]))
            .ToList();

        Open(Notice(Contest(), tracks), document =>
        {
            var headings = BodyOf(document).Elements<Paragraph>().Where(p => StyleOf(p) == "Heading1").Select(p => p.InnerText).ToList();
            Assert.Equal(21, headings.Count);
            Assert.Equal("一、奖项1", headings[0]);
            Assert.Equal("十、奖项10", headings[9]);
            Assert.Equal("十一、奖项11", headings[10]);
            Assert.Equal("二十、奖项20", headings[19]);
            Assert.Equal("二十一、奖项21", headings[20]);
        });
    }

    [Fact]
    public void Write_AddsTheRedDraftLineOnlyWhenTheResultsAreProposed()
    {
        Open(Notice(Contest(isFinal: false), SampleTracks), document =>
        {
            var paragraphs = BodyOf(document).Elements<Paragraph>().ToList();
            Assert.Equal(NoticeTitle, paragraphs[2].InnerText);
            Assert.Equal("（拟表彰名单，公示期间征求意见）", paragraphs[3].InnerText);
            Assert.Equal(CommendationNotice.DraftLine, paragraphs[3].InnerText);
            Assert.Equal("FF0000", paragraphs[3].Descendants<Run>().Single().RunProperties?.Color?.Val?.Value);
            Assert.Equal(JustificationValues.Center, paragraphs[3].ParagraphProperties?.Justification?.Val?.Value);
            Assert.Equal(string.Empty, paragraphs[4].InnerText);
            Assert.Single(paragraphs, p => p.InnerText.Contains("拟表彰", StringComparison.Ordinal));
        });

        Open(Notice(Contest(), SampleTracks), document =>
            Assert.DoesNotContain("拟表彰", BodyOf(document).InnerText, StringComparison.Ordinal));
    }

    [Fact]
    public void Write_AMixedNotice_MarksOnlyTheAwardsStillOnNotice_AndSaysSoUnderTheTitle()
    {
        // Help Story is final, the Innovation Award still on notice: an export that includes results on notice.
        PrizeTrack[] tracks = [SampleTracks[0] with { Final = true }, SampleTracks[1], SampleTracks[2] with { Final = false }];
        Open(Notice(Contest(isFinal: false), tracks), document =>
        {
            var texts = ParagraphTexts(document);
            Assert.Equal("（标注“公示中”的奖项为拟表彰名单，公示期间征求意见）", texts[3]);
            Assert.DoesNotContain(CommendationNotice.DraftLine, texts);
            Assert.Contains("一、征文：我的帮扶故事", texts);
            Assert.Contains("二、创新奖（2名）（公示中）", texts);
            var mark = BodyOf(document).Descendants<Run>().Single(r => r.InnerText == CommendationNotice.OnNoticeMark);
            Assert.Equal("FF0000", mark.RunProperties?.Color?.Val?.Value);
        });

        // All on notice: the one line under the title says it; all final: nothing does.
        Open(Notice(Contest(isFinal: false), [.. tracks.Select(t => t with { Final = false })]), document =>
        {
            var texts = ParagraphTexts(document);
            Assert.Equal(CommendationNotice.DraftLine, texts[3]);
            Assert.DoesNotContain(texts, t => t.Contains("公示中", StringComparison.Ordinal));
        });
        Open(Notice(Contest(isFinal: false), [.. tracks.Select(t => t with { Final = true })]), document =>
        {
            Assert.DoesNotContain("公示中", BodyOf(document).InnerText, StringComparison.Ordinal);
            Assert.DoesNotContain("拟表彰", BodyOf(document).InnerText, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Write_UsesTheTitleAndHeadingStylesWithOutlineLevels()
    {
        Open(Notice(Contest(), SampleTracks), document =>
        {
            var paragraphs = BodyOf(document).Elements<Paragraph>().ToList();
            Assert.Equal("Title", StyleOf(paragraphs[0]));
            Assert.All(paragraphs.Where(p => p.InnerText is "一、征文：我的帮扶故事" or "二、创新奖（2名）"), p => Assert.Equal("Heading1", StyleOf(p)));
            Assert.All(paragraphs.Where(p => p.InnerText.StartsWith('（') && p.InnerText.EndsWith("名）", StringComparison.Ordinal)), p => Assert.Equal("Heading2", StyleOf(p)));
            Assert.Equal(2, paragraphs.Count(p => StyleOf(p) == "Heading1"));
            Assert.Equal(2, paragraphs.Count(p => StyleOf(p) == "Heading2"));

            Assert.Equal(0, Style(document, "Heading1").StyleParagraphProperties?.OutlineLevel?.Val?.Value);
            Assert.Equal(1, Style(document, "Heading2").StyleParagraphProperties?.OutlineLevel?.Val?.Value);
            Assert.Equal("heading 1", Style(document, "Heading1").StyleName?.Val?.Value);
            Assert.Equal("heading 2", Style(document, "Heading2").StyleName?.Val?.Value);
        });
    }

    [Fact]
    public void Write_SetsEastAsianFontsSizesAndSpacingInTheStyles()
    {
        Open(Notice(Contest(), SampleTracks), document =>
        {
            var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
            var defaults = styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
            Assert.Equal("Times New Roman", defaults.RunFonts!.Ascii!.Value);
            Assert.Equal("Times New Roman", defaults.RunFonts.HighAnsi!.Value);
            Assert.Equal("宋体", defaults.RunFonts.EastAsia!.Value);
            Assert.Equal("zh-CN", defaults.Languages!.EastAsia!.Value);

            Assert.Equal("方正小标宋简体", Style(document, "Title").StyleRunProperties!.RunFonts!.EastAsia!.Value);
            Assert.Equal("44", Style(document, "Title").StyleRunProperties!.FontSize!.Val!.Value);
            Assert.Equal(JustificationValues.Center, Style(document, "Title").StyleParagraphProperties!.Justification!.Val!.Value);
            Assert.Equal("黑体", Style(document, "Heading1").StyleRunProperties!.RunFonts!.EastAsia!.Value);
            Assert.Equal("楷体_GB2312", Style(document, "Heading2").StyleRunProperties!.RunFonts!.EastAsia!.Value);

            var normal = Style(document, "Normal");
            Assert.True(normal.Default?.Value);
            Assert.Equal("仿宋_GB2312", normal.StyleRunProperties!.RunFonts!.EastAsia!.Value);
            Assert.Equal("32", normal.StyleRunProperties.FontSize!.Val!.Value);
            Assert.Equal(200, normal.StyleParagraphProperties!.Indentation!.FirstLineChars!.Value);
            Assert.Equal("560", normal.StyleParagraphProperties.SpacingBetweenLines!.Line!.Value);
            Assert.Equal(LineSpacingRuleValues.Exact, normal.StyleParagraphProperties.SpacingBetweenLines.LineRule!.Value);

            // The fallbacks for machines without the GB2312 faces.
            var fonts = document.MainDocumentPart.FontTablePart!.Fonts!.Elements<Font>().ToDictionary(f => f.Name!.Value!, f => f.AltName?.Val?.Value);
            Assert.Equal("宋体", fonts["方正小标宋简体"]);
            Assert.Equal("仿宋", fonts["仿宋_GB2312"]);
            Assert.Equal("楷体", fonts["楷体_GB2312"]);

            foreach (var paragraph in BodyOf(document).Elements<Paragraph>())
            {
                foreach (var run in paragraph.Elements<Run>().Where(r => HasChinese(r.InnerText)))
                {
                    Assert.NotNull(EastAsiaFontOf(document, paragraph, run));
                }
            }
        });
    }

    [Fact]
    public void Write_EndsWithTheDateFourCharactersFromTheRight_AndTheOfficeCentredOverIt()
    {
        Open(Notice(Contest(), SampleTracks), document =>
        {
            var paragraphs = BodyOf(document).Elements<Paragraph>().ToList();
            Assert.Equal(Office, paragraphs[^2].InnerText);
            Assert.Equal("2026年11月21日", paragraphs[^1].InnerText);
            Assert.All(paragraphs[^2..], p => Assert.Equal(JustificationValues.Right, p.ParagraphProperties?.Justification?.Val?.Value));

            // 右空四字: four characters of 16 pt (320 twips each), for Word in character units too.
            var date = paragraphs[^1].ParagraphProperties!.Indentation!;
            Assert.Equal(400, date.RightChars?.Value);
            Assert.Equal("1280", date.Right?.Value);

            // The 14-character office centred over the date: 7 characters (digits are half as wide)
            // and 5 small spaces where digits meet Chinese, so 1 character in.
            var office = paragraphs[^2].ParagraphProperties!.Indentation!;
            Assert.Equal(100, office.RightChars?.Value);
            Assert.Equal("320", office.Right?.Value);
        });
    }

    [Fact]
    public void Write_EndsALongOfficesNameAtTheRightMargin_WhenCentredOverTheDateItWouldPassIt()
    {
        var office = new string('办', 30);
        Open(Notice(Contest() with { IssuingOffice = office }, SampleTracks), document =>
        {
            var signature = BodyOf(document).Elements<Paragraph>().ToList()[^2];
            Assert.Equal(office, signature.InnerText);
            Assert.Equal(0, signature.ParagraphProperties!.Indentation!.RightChars?.Value);
            Assert.Equal("0", signature.ParagraphProperties!.Indentation!.Right?.Value);
        });
    }

    [Fact]
    public void Write_SetsA4PortraitAndTheCoreProperties()
    {
        Open(Notice(Contest(), SampleTracks), document =>
        {
            var size = BodyOf(document).GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!;
            Assert.Equal(11906U, size.Width!.Value);
            Assert.Equal(16838U, size.Height!.Value);
            Assert.NotEqual(PageOrientationValues.Landscape, size.Orient?.Value);

            Assert.Equal(NoticeTitle, document.PackageProperties.Title);
            Assert.Equal(Office, document.PackageProperties.Creator);
            Assert.Null(document.PackageProperties.LastModifiedBy);
        });
    }

    [Fact]
    public void Write_KeepsUserStringsPlainAndDropsForbiddenControlCharacters()
    {
        var contest = Contest() with { Name = "2026年\u0001清河市<活动>", IssuingOffice = "办公室\u0000" };
        var tracks = new[]
        {
            new PrizeTrack("x", "<w:b/>创新\u0007奖", [new PrizeRow(1, 1, "一等奖", "E\u001B001", "题目&amp;<b>粗</b>", "张\u0008三", "单位\u000B", 90m)]),
        };

        var docx = Notice(contest, tracks, ["正文\u0002一段。"]);

        AssertValid(docx);
        Open(docx, document =>
        {
            var texts = ParagraphTexts(document);
            Assert.Equal("关于表彰2026年清河市<活动>获奖者的通报", texts[2]);
            Assert.Contains("正文一段。", texts);
            Assert.Contains("一、<w:b/>创新奖", texts);
            Assert.Contains("张三（单位）", texts);
            Assert.Contains("办公室", texts);
            Assert.DoesNotContain(BodyOf(document).InnerText, c => c < ' ');
            Assert.Empty(BodyOf(document).Descendants<Bold>());
            Assert.Equal("办公室", document.PackageProperties.Creator);
        });
    }

    [Fact]
    public void Write_NumbersEveryPageInTheFooter_AsOfficialDocumentsDo()
    {
        Open(Notice(Contest(), SampleTracks), document =>
        {
            var main = document.MainDocumentPart!;
            var reference = BodyOf(document).GetFirstChild<SectionProperties>()!.GetFirstChild<FooterReference>();
            Assert.NotNull(reference);
            Assert.Equal(HeaderFooterValues.Default, reference.Type!.Value);
            var footer = Assert.IsType<DocumentFormat.OpenXml.Packaging.FooterPart>(main.GetPartById(reference.Id!.Value!)).Footer!;
            var paragraph = footer.Elements<Paragraph>().Single();
            Assert.Equal(JustificationValues.Center, paragraph.ParagraphProperties!.Justification!.Val!.Value);
            Assert.Equal(" PAGE ", paragraph.Descendants<FieldCode>().Single().Text);
            Assert.Equal("— 1 —", paragraph.InnerText.Replace(" PAGE ", string.Empty, StringComparison.Ordinal));
            Assert.All(paragraph.Elements<Run>(), r => Assert.Equal("28", r.RunProperties?.FontSize?.Val?.Value));
        });
    }

    [Fact]
    public void Write_LeavesOutATrackWithoutPrizes()
    {
        Open(Notice(Contest(), SampleTracks), document =>
            Assert.DoesNotContain("无人获奖的奖项", BodyOf(document).InnerText, StringComparison.Ordinal));
    }
}
