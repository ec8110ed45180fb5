using DocumentFormat.OpenXml.Wordprocessing;
using static Awards.Core.Exports.Documents.OfficialDocx;

namespace Awards.Core.Exports.Documents;

/// <summary>
/// The official notice that commends the winners (表彰通报), laid out as a Chinese government
/// document after GB/T 9704, simplified: the issuing office in red (发文机关标志) and, when the
/// organizer set one, the document number (发文字号) under it, over a red rule,
/// a centred title in 方正小标宋简体, the addressee (主送) at the left margin, the body in 仿宋_GB2312
/// on a 28-point grid, a level-1 heading per track (一、) in 黑体, a level-2 heading per level
/// ((一)) in 楷体_GB2312, one paragraph per winner (name and unit, an essay's title before them), the date four characters
/// from the right margin with the issuing office centred over it at the end, and the
/// page number centred in the footer as "— 1 —".
/// </summary>
public static class CommendationNotice
{
    /// <summary>The red line under the title while the results are only proposed.</summary>
    public const string DraftLine = "（拟表彰名单，公示期间征求意见）";

    /// <summary>The red line under the title when some awards are final and others still on notice.</summary>
    public const string MixedLine = "（标注“公示中”的奖项为拟表彰名单，公示期间征求意见）";

    /// <summary>After the heading of an award whose results are still on notice.</summary>
    public const string OnNoticeMark = "（公示中）";

    private const string DraftColor = "FF0000";

    // GB/T 9704: 22-point title, 16-point text, 28-point lines; margins 37/26/35/28 mm.
    private const int TitleHalfPoints = 44;
    private const int TextHalfPoints = 32;
    private const int LineTwips = 560;

    // The date stands four characters in from the right margin (右空四字, GB/T 9704 7.3.5.1).
    private const int DateRightEms = 4;

    // Characters of the 22-point title on the 156 mm line (442 pt), a little spare.
    private const int TitleLineEms = 19;

    private static readonly ParagraphStyle[] Styles =
    [
        new(NormalStyle, "Normal", FangSong, TextHalfPoints) { IndentFirstLine = true, ExactLineTwips = LineTwips },
        new(TitleStyle, "Title", XiaoBiaoSong, TitleHalfPoints)
        {
            Justification = JustificationValues.Center,
            ExactLineTwips = 700,
            KeepNext = true,
        },
        new(Heading1Style, "heading 1", HeiTi, TextHalfPoints)
        {
            IndentFirstLine = true,
            ExactLineTwips = LineTwips,
            OutlineLevel = 0,
            KeepNext = true,
        },
        new(Heading2Style, "heading 2", KaiTi, TextHalfPoints)
        {
            IndentFirstLine = true,
            ExactLineTwips = LineTwips,
            OutlineLevel = 1,
            KeepNext = true,
        },
    ];

    /// <summary>
    /// The notice's title: 关于表彰2026年清河市扶贫日征文活动获奖者的通报, or, for a contest whose name
    /// already says 表彰, 关于2026年清河市扶贫日表彰暨征文活动获奖者的通报 (not 表彰 twice).
    /// </summary>
    public static string Title(ExportContest contest)
    {
        ArgumentNullException.ThrowIfNull(contest);
        var name = Clean(contest.Name);
        return name.Contains("表彰", StringComparison.Ordinal) ? $"关于{name}获奖者的通报" : $"关于表彰{name}获奖者的通报";
    }

    /// <summary>
    /// Writes the notice to <paramref name="output"/>, which stays open. <paramref name="bodyParagraphs"/>
    /// are the paragraphs above the lists; <paramref name="tracks"/> come in the order given, their
    /// rows highest level first; a track without prizes is left out. Every string is plain text.
    /// </summary>
    public static void Write(Stream output, ExportContest contest, IReadOnlyList<string> bodyParagraphs, IReadOnlyList<PrizeTrack> tracks)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(contest);
        ArgumentNullException.ThrowIfNull(bodyParagraphs);
        ArgumentNullException.ThrowIfNull(tracks);

        var title = Title(contest);
        var office = Clean(contest.IssuingOffice);
        using var document = Create(output, title, office, Styles);
        var body = new Body();

        // The red header (发文机关标志): the issuing office in red 小标宋, as wide as it fits, over a red rule.
        if (office.Length > 0)
        {
            body.Append(Paragraph(
                TitleStyle,
                office,
                new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
                new RunProperties(
                    new Color { Val = DraftColor },
                    new FontSize { Val = HeaderHalfPoints(office) },
                    new FontSizeComplexScript { Val = HeaderHalfPoints(office) })));
        }

        // The document number (发文字号) centred under the office, a line's space between them, and
        // over the red rule (GB/T 9704 7.2.4); without it the rule follows the office directly.
        var number = Clean(contest.DocumentNumber);
        if (number.Length > 0)
        {
            body.Append(Paragraph(NormalStyle, number, new ParagraphProperties(
                new KeepNext(),
                new SpacingBetweenLines { Before = "560", After = "0" },
                new Indentation { FirstLine = "0", FirstLineChars = 0 },
                new Justification { Val = JustificationValues.Center })));
        }

        if (office.Length > 0 || number.Length > 0)
        {
            body.Append(new Paragraph(new ParagraphProperties(
                new ParagraphStyleId { Val = NormalStyle },
                new KeepNext(),
                new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 18U, Space = 1U, Color = DraftColor }),
                new SpacingBetweenLines { Before = "0", After = "480", Line = "240", LineRule = LineSpacingRuleValues.Auto },
                new Indentation { FirstLine = "0", FirstLineChars = 0 })));
        }

        body.Append(TitleParagraph(title));
        var listed = tracks.Where(t => t?.Rows is { Count: > 0 }).ToList();
        var stage = ExportStages.Of(contest, listed.Select(t => t.Final));
        if (stage != ExportStage.Final)
        {
            body.Append(Paragraph(NormalStyle, stage == ExportStage.Mixed ? MixedLine : DraftLine, Centred(), new RunProperties(new Color { Val = DraftColor })));
        }

        body.Append(BlankLine());
        var addressee = Clean(contest.Addressee);
        if (addressee.Length > 0)
        {
            // 主送机关: at the left margin, not indented.
            body.Append(Paragraph(NormalStyle, addressee, new ParagraphProperties(new Indentation { FirstLine = "0", FirstLineChars = 0 })));
        }

        foreach (var text in bodyParagraphs)
        {
            body.Append(TextParagraph(Clean(text)));
        }

        var trackNumber = 0;
        foreach (var track in tracks)
        {
            ArgumentNullException.ThrowIfNull(track);
            if (track.Rows is not { Count: > 0 } rows)
            {
                continue;
            }

            // An award with one level named as itself (创新奖 under 创新奖) gets no level heading:
            // the award's heading counts its winners instead of repeating its name.
            var levels = Levels(rows);
            var single = ExportLevels.OnlyLevelIsTheTrack(Clean(track.Name), [.. levels.Select(l => Clean(l[0].Level))]);
            var heading = Paragraph(Heading1Style, $"{ChineseNumeral(++trackNumber)}、{Clean(track.Name)}{(single ? $"（{rows.Count}名）" : string.Empty)}");
            if (stage == ExportStage.Mixed && ExportStages.OnNotice(contest, track.Final))
            {
                heading.Append(TextRun(OnNoticeMark, new RunProperties(new Color { Val = DraftColor })));
            }

            body.Append(heading);
            var levelNumber = 0;
            foreach (var level in levels)
            {
                if (!single)
                {
                    body.Append(Paragraph(Heading2Style, $"（{ChineseNumeral(++levelNumber)}）{Clean(level[0].Level)}（{level.Count}名）"));
                }

                foreach (var row in level)
                {
                    body.Append(TextParagraph(Winner(row, track.Works)));
                }
            }
        }

        // GB/T 9704 7.3.5.1: the date (成文日期) 右空四字, the office (发文机关署名) centred over it;
        // both on the page of the last lines of the text (7.3.5.5), never a page of their own.
        var date = Date(contest.Date);
        if (body.Elements<Paragraph>().LastOrDefault() is { ParagraphProperties: { } last })
        {
            last.KeepNext = new KeepNext();
        }

        body.Append(KeptWithNext(BlankLine()), KeptWithNext(BlankLine()));
        body.Append(KeptWithNext(Paragraph(NormalStyle, office, RightIndented(SignatureRightEms(office, date)))));
        body.Append(Paragraph(NormalStyle, date, RightIndented(DateRightEms)));

        // GB/T 9704 margins: top 37 mm, right 26 mm, bottom 35 mm, left 28 mm; page numbers "— 1 —".
        var main = document.MainDocumentPart!;
        body.Append(Section(landscape: false, top: 2098, right: 1474U, bottom: 1984, left: 1587U, footerId: AddPageNumberFooter(main)));

        main.Document = new Document(body);
        main.Document.Save();
    }

    /// <summary>
    /// How far, in characters of the body text, the office's name stands from the right margin so
    /// that it is centred over the date (which stands <see cref="DateRightEms"/> from it): half the
    /// difference of their widths further in. A name too long for that ends at the margin.
    /// </summary>
    internal static double SignatureRightEms(string office, string date) =>
        Math.Max(0, DateRightEms + ((PrintedEms(date) - PrintedEms(office)) / 2));

    /// <summary>
    /// How wide <paramref name="text"/> prints in ems: its characters (<see cref="Ems"/>) and the
    /// little space a word processor puts where Chinese meets Latin letters or digits (2026年): a
    /// fifth of a character in LibreOffice, about a quarter in Word. (LibreOffice ignores
    /// w:autoSpaceDN, so turning the space off would make the two disagree more.)
    /// </summary>
    private static double PrintedEms(string text)
    {
        const double AutoSpace = 0.2;
        var ems = 0d;
        bool? wasWide = null;
        foreach (var rune in text.EnumerateRunes())
        {
            var wide = Sheets.SheetText.IsWide(rune.Value);
            ems += wide ? 1 : 0.5;
            if (System.Text.Rune.IsWhiteSpace(rune))
            {
                wasWide = null;
                continue;
            }

            if (wasWide is { } before && before != wide)
            {
                ems += AutoSpace;
            }

            wasWide = wide;
        }

        return ems;
    }

    /// <summary>
    /// Right-aligned, <paramref name="ems"/> characters of the body text in from the right margin:
    /// in character units for Word and in twips for LibreOffice, which ignores the former.
    /// </summary>
    private static ParagraphProperties RightIndented(double ems) => new(
        new Indentation
        {
            FirstLine = "0",
            FirstLineChars = 0,
            Right = ((int)Math.Round(ems * TextHalfPoints * 10)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            RightChars = (int)Math.Round(ems * 100),
        },
        new Justification { Val = JustificationValues.Right });

    private static Paragraph KeptWithNext(Paragraph paragraph)
    {
        paragraph.ParagraphProperties!.KeepNext = new KeepNext();
        return paragraph;
    }

    /// <summary>
    /// The title, on two lines when it needs them, broken where its words part (GB/T 9704 7.3.1:
    /// 回行时要做到词意完整): before 获奖者的通报 when what comes before it fits on the first line,
    /// not wherever the line happens to fill ("…征文活动获 / 奖者的通报").
    /// </summary>
    internal static Paragraph TitleParagraph(string title)
    {
        const string Tail = "获奖者的通报";
        var head = title.EndsWith(Tail, StringComparison.Ordinal) ? title[..^Tail.Length] : string.Empty;
        if (Ems(title) <= TitleLineEms || head.Length == 0 || Ems(head) > TitleLineEms)
        {
            return Paragraph(TitleStyle, title);
        }

        var paragraph = Paragraph(TitleStyle, head);
        paragraph.Append(new Run(new Break()), TextRun(Tail));
        return paragraph;
    }

    /// <summary>How wide <paramref name="text"/> is in ems: a Chinese character one, a Latin letter or digit about half.</summary>
    private static double Ems(string text)
    {
        var ems = 0d;
        foreach (var rune in text.EnumerateRunes())
        {
            ems += Sheets.SheetText.IsWide(rune.Value) ? 1 : 0.5;
        }

        return ems;
    }

    /// <summary>
    /// A paragraph of the body, justified as Chinese text is; one that is mainly Latin text (an
    /// English essay's title, say) at the left, since justifying a Latin line stretches its spaces
    /// into gaps (《The   Summer   the   Books…》) where a Chinese line spreads evenly.
    /// </summary>
    internal static Paragraph TextParagraph(string text) =>
        MainlyLatin(text)
            ? Paragraph(NormalStyle, text, new ParagraphProperties(new Justification { Val = JustificationValues.Left }))
            : Paragraph(NormalStyle, text);

    /// <summary>Whether <paramref name="text"/> has more Latin letters than Chinese characters.</summary>
    internal static bool MainlyLatin(string text)
    {
        var latin = 0;
        var chinese = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Sheets.SheetText.IsWide(rune.Value))
            {
                chinese++;
            }
            else if (System.Text.Rune.IsLetter(rune))
            {
                latin++;
            }
        }

        // A Chinese character reads as long as about two Latin letters.
        return latin > 2 * chinese;
    }

    /// <summary>
    /// A winner as a commendation list names them: the name and the unit, "李秀兰（青山县）"; an essay
    /// after its title in 《》 as a work's title is written (GB/T 15834), "《山路弯弯》 李四（清河县教育局）".
    /// No entry code and no nomination headline; a unit nominated by itself, or a unit award, just
    /// the unit.
    /// </summary>
    internal static string Winner(PrizeRow row, bool works)
    {
        var unit = Clean(row.Unit);
        var author = Clean(row.Author);
        if (author.Length == 0)
        {
            return unit;
        }

        var who = unit.Length == 0 || unit == author ? author : $"{author}（{unit}）";
        var title = works ? Clean(row.Title) : string.Empty;
        if (title.Length == 0)
        {
            return who;
        }

        // A title its author already set in 《》 keeps one pair.
        title = title.StartsWith('《') && title.EndsWith('》') && title.Length > 1 ? title : $"《{title}》";
        return $"{title} {who}";
    }

    /// <summary>
    /// The red header's size in half-points: as large as 初号 (42 pt), but small enough for the
    /// office's name to fit on the 156 mm line (442 pt) with room to spare.
    /// </summary>
    internal static string HeaderHalfPoints(string office)
    {
        var length = Math.Max(1, office.Length);
        var halfPoints = Math.Clamp(840 / length, 32, 84);
        return halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The rows split into runs of one level, in the order given.</summary>
    private static List<List<PrizeRow>> Levels(IReadOnlyList<PrizeRow> rows)
    {
        var levels = new List<List<PrizeRow>>();
        foreach (var row in rows)
        {
            ArgumentNullException.ThrowIfNull(row);
            if (levels.Count == 0 || levels[^1][0].LevelRank != row.LevelRank || levels[^1][0].Level != row.Level)
            {
                levels.Add([]);
            }

            levels[^1].Add(row);
        }

        return levels;
    }
}
