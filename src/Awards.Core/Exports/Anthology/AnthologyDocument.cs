using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Awards.Core.Exports.Anthology;

/// <summary>
/// The anthology of winning essays (获奖征文选编) as a Word document, streamed so that its size is
/// bounded by the disk, not by memory.
/// </summary>
/// <remarks>
/// A cover page (contest name, 获奖征文选编, issuing office, date), the preface (前言 and the
/// organizer's Markdown), a table of contents written out in full (themes, levels, each essay's
/// title and author, each linked to its heading), then each theme on a
/// new page as Heading 1, its levels as Heading 2 and each essay as Heading 3 (Heading 2 under a
/// theme whose one level is named as the theme, which has no level heading), followed by its byline
/// (楷体, upright: no synthetic italic for Chinese; right-aligned) and its Markdown body, whose headings
/// start one level below the book's deepest essay heading (its top headings there, "##" or "#"). Every level and
/// every essay starts a new page (the first under its theme or level right below that heading), and
/// a title is kept with its byline and its first lines. Every page has a page number in the footer.
/// </remarks>
public static class AnthologyDocument
{
    public const string CoverTitle = "获奖征文选编";
    public const string PrefaceHeading = "前言";
    public const string ContentsHeading = "目录";

    /// <summary>Shown on the cover while the results are only proposed.</summary>
    public const string DraftLine = "（拟获奖作品，公示期间征求意见）";

    /// <summary>Shown on the cover when some themes are final and others still on notice.</summary>
    public const string MixedLine = "（标注“公示中”的征文主题为拟获奖作品，公示期间征求意见）";

    /// <summary>After the name of a theme whose results are still on notice, in a mixed anthology.</summary>
    public const string OnNoticeMark = "（公示中）";

    /// <summary>
    /// The table-of-contents field: heading levels 1 to <paramref name="depth"/> (the essays'
    /// level), hyperlinked, without page numbers in web view, with outline levels.
    /// </summary>
    public static string ContentsField(int depth) =>
        string.Create(CultureInfo.InvariantCulture, $" TOC \\o \"1-{depth}\" \\h \\z \\u ");
    private const string DraftColor = "FF0000";

    /// <summary>
    /// Writes the anthology of <paramref name="themes"/> (in the given order, as are their levels
    /// and essays) into <paramref name="output"/>, which is left open: the winning essays, or with
    /// <paramref name="book"/> <see cref="AnthologyBook.Deeds"/> the deeds of the winning nominees.
    /// </summary>
    public static void Write(Stream output, ExportContest contest, string prefaceMarkdown, IReadOnlyList<AnthologyTheme> themes, AnthologyBook? book = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(contest);
        ArgumentNullException.ThrowIfNull(themes);
        book ??= AnthologyBook.Essays;

        using var document = new StreamedDocx(output, Title(contest, book), contest.IssuingOffice, removePersonalInformation: false, coverPage: true);
        var stage = ExportStages.Of(contest, themes.Select(t => t?.Final));
        WriteCover(document, contest, stage, book);

        // The outline goes down one level at a time: theme (1), level (2), essay (3); an essay of a
        // theme without level headings is a level up (2). The contents go as deep as the essays,
        // and an essay's own headings start below that, out of the contents when Word rebuilds them.
        var depth = ContentsDepth(themes);
        var markdown = new MarkdownDocxWriter(document.Writer, headingOffset: depth, linkAddresses: true, fromTheTop: true);
        var hasPreface = !string.IsNullOrWhiteSpace(prefaceMarkdown);
        if (hasPreface)
        {
            document.Write(WordText.Paragraph(DocumentStyles.FrontHeading, PrefaceHeading));
            markdown.Write(prefaceMarkdown);
        }

        string ThemeName(AnthologyTheme? theme) =>
            stage == ExportStage.Mixed && theme is not null && ExportStages.OnNotice(contest, theme.Final)
                ? WordText.Line(theme.Name) + OnNoticeMark
                : WordText.Line(theme?.Name);

        WriteContents(document, newPage: hasPreface, themes, ThemeName, depth);

        var bookmark = 0;
        foreach (var theme in themes)
        {
            ArgumentNullException.ThrowIfNull(theme);
            document.Write(Heading(1, ThemeName(theme), newPage: true, ++bookmark));

            // Each level and each essay starts a page, the first of each under the heading above it.
            var firstLevel = true;
            var levelHeadings = HasLevelHeadings(theme);
            foreach (var level in theme.Levels ?? [])
            {
                ArgumentNullException.ThrowIfNull(level);
                if (levelHeadings)
                {
                    document.Write(Heading(2, level.Level, newPage: !firstLevel, ++bookmark));
                }

                firstLevel = false;
                var firstEssay = true;
                foreach (var essay in level.Essays ?? [])
                {
                    ArgumentNullException.ThrowIfNull(essay);
                    document.Write(Heading(EssayLevel(levelHeadings), essay.Title, newPage: !firstEssay, ++bookmark));
                    firstEssay = false;
                    if (!string.IsNullOrWhiteSpace(essay.Byline))
                    {
                        document.Write(WordText.Paragraph(DocumentStyles.Byline, WordText.Line(essay.Byline)));
                    }

                    markdown.Write(essay.Markdown ?? string.Empty);
                }
            }
        }

        document.Finish();
    }

    /// <summary>The document's title (its core properties): the contest's name and 获奖征文选编 (or the other book's title).</summary>
    public static string Title(ExportContest contest, AnthologyBook? book = null)
    {
        ArgumentNullException.ThrowIfNull(contest);
        return WordText.Line(contest.Name) + (book ?? AnthologyBook.Essays).CoverTitle;
    }

    /// <summary>The date as documents print it, e.g. 2026年10月17日.</summary>
    public static string Date(DateTime date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    private static void WriteCover(StreamedDocx document, ExportContest contest, ExportStage stage, AnthologyBook book)
    {
        // The contest's name, then the book's title, a third of the way down the page; the issuer below.
        document.Write(WordText.Paragraph(
            new ParagraphProperties
            {
                ParagraphStyleId = new ParagraphStyleId { Val = DocumentStyles.Subtitle },
                SpacingBetweenLines = new SpacingBetweenLines { Before = "2400" },
            },
            WordText.Line(contest.Name)));
        document.Write(WordText.Paragraph(
            new ParagraphProperties
            {
                ParagraphStyleId = new ParagraphStyleId { Val = DocumentStyles.Title },
                SpacingBetweenLines = new SpacingBetweenLines { After = "2400" },
            },
            book.CoverTitle));
        if (stage != ExportStage.Final)
        {
            var draft = new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = DocumentStyles.CoverText } });
            var run = WordText.Run(stage == ExportStage.Mixed ? book.MixedLine : book.DraftLine);
            run.RunProperties = new RunProperties(new Color { Val = DraftColor });
            draft.Append(run);
            document.Write(draft);
        }

        document.Write(WordText.Paragraph(DocumentStyles.CoverText, WordText.Line(contest.IssuingOffice)));
        document.Write(WordText.Paragraph(DocumentStyles.CoverText, Date(contest.Date)));
        document.Write(WordText.PageBreak());
    }

    // A real table of contents: the TOC field in a w:sdt of the "Table of Contents" gallery, as Word
    // inserts it, with its result written out, each entry a link to its heading's bookmark. Word and
    // LibreOffice show it as it is, without asking to update fields; updating the field in Word
    // rebuilds it with page numbers, which only a layout can know.
    private static void WriteContents(StreamedDocx document, bool newPage, IReadOnlyList<AnthologyTheme> themes, Func<AnthologyTheme?, string> themeName, int depth)
    {
        var heading = WordText.Paragraph(DocumentStyles.TocHeading, ContentsHeading);
        if (newPage)
        {
            heading.ParagraphProperties!.PageBreakBefore = new PageBreakBefore();
        }

        document.Writer.WriteStartElement(new SdtBlock());
        document.Write(new SdtProperties(new SdtContentDocPartObject(
            new DocPartGallery { Val = "Table of Contents" },
            new DocPartUnique())));
        document.Writer.WriteStartElement(new SdtContentBlock());
        document.Write(heading);

        // Entries are written as they are read: an anthology of thousands of essays is never held whole.
        Paragraph? pending = null;
        var bookmark = 0;
        void Entry(int level, string? text, string? right)
        {
            var paragraph = new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = DocumentStyles.Toc(level) } });
            if (pending is null)
            {
                paragraph.Append(FieldStart(depth));
            }
            else
            {
                document.Write(pending);
            }

            var link = new Hyperlink(WordText.Run(WordText.Line(text))) { Anchor = Bookmark(++bookmark), History = true };
            if (!string.IsNullOrWhiteSpace(right))
            {
                link.Append(new Run(new TabChar()), WordText.Run(WordText.Line(right)));
            }

            paragraph.Append(link);
            pending = paragraph;
        }

        foreach (var theme in themes)
        {
            Entry(1, themeName(theme), null);
            var levelHeadings = theme is not null && HasLevelHeadings(theme);
            foreach (var level in theme?.Levels ?? [])
            {
                if (levelHeadings && level is not null)
                {
                    Entry(2, level.Level, null);
                }

                foreach (var essay in level?.Essays ?? [])
                {
                    Entry(EssayLevel(levelHeadings), essay?.Title, essay?.Author);
                }
            }
        }

        if (pending is null)
        {
            pending = new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = DocumentStyles.Toc(1) } });
            pending.Append(FieldStart(depth));
        }

        pending.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
        document.Write(pending);
        document.Writer.WriteEndElement();
        document.Writer.WriteEndElement();
    }

    /// <summary>
    /// Whether a theme's levels get headings of their own: not the one level of an award named as the award
    /// (创新奖 under 创新奖), which would only repeat the heading above it.
    /// </summary>
    private static bool HasLevelHeadings(AnthologyTheme theme) =>
        !ExportLevels.OnlyLevelIsTheTrack(WordText.Line(theme.Name), [.. (theme.Levels ?? []).Select(l => WordText.Line(l?.Level))]);

    /// <summary>The heading level of an essay: 3 under a level heading, 2 right under its theme's.</summary>
    private static int EssayLevel(bool levelHeadings) => levelHeadings ? 3 : 2;

    /// <summary>The deepest essay heading level of the book: how deep its contents go.</summary>
    private static int ContentsDepth(IReadOnlyList<AnthologyTheme> themes) =>
        themes.Any(t => t is not null && HasLevelHeadings(t)) ? EssayLevel(levelHeadings: true) : EssayLevel(levelHeadings: false);

    private static OpenXmlElement[] FieldStart(int depth) =>
    [
        new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new Run(new FieldCode(ContentsField(depth)) { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
    ];

    /// <summary>The bookmark of the <paramref name="number"/>th heading of levels 1–3, named as Word names its contents' bookmarks.</summary>
    internal static string Bookmark(int number) => string.Create(CultureInfo.InvariantCulture, $"_Toc{number:D9}");

    private static Paragraph Heading(int level, string? text, bool newPage, int bookmark)
    {
        var properties = new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = DocumentStyles.Heading(level) } };
        if (newPage)
        {
            properties.PageBreakBefore = new PageBreakBefore();
        }

        var id = bookmark.ToString(CultureInfo.InvariantCulture);
        return new Paragraph(
            properties,
            new BookmarkStart { Id = id, Name = Bookmark(bookmark) },
            WordText.Run(WordText.Line(text)),
            new BookmarkEnd { Id = id });
    }
}

/// <summary>
/// Which book an anthology is: its cover title and the lines that mark proposed results. The
/// winning essays (获奖征文选编), or the deeds of the winning nominees of the nominated awards
/// (获奖先进事迹选编), laid out alike: award, level, then each winner's headline, byline and text.
/// </summary>
public sealed record AnthologyBook(string CoverTitle, string DraftLine, string MixedLine)
{
    public static readonly AnthologyBook Essays = new(AnthologyDocument.CoverTitle, AnthologyDocument.DraftLine, AnthologyDocument.MixedLine);

    public static readonly AnthologyBook Deeds = new("获奖先进事迹选编", "（拟表彰对象，公示期间征求意见）", "（标注“公示中”的奖项为拟表彰对象，公示期间征求意见）");
}
