using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Awards.Core.Exports.Anthology;

/// <summary>
/// The anthology of winning essays (获奖征文选编) as a Word document, streamed so that its size is
/// bounded by the disk, not by memory.
/// </summary>
/// <remarks>
/// A cover page (contest name, 获奖征文选编, issuing office, date), the preface (前言 and the
/// organizer's Markdown), a table of contents that Word fills in on opening, then each theme on a
/// new page as Heading 1, its levels as Heading 2 and each essay as Heading 3, followed by its byline
/// (italic, right-aligned) and its Markdown body, whose headings start at Heading 4. Every level and
/// every essay starts a new page (the first under its theme or level right below that heading), and
/// a title is kept with its byline and its first lines. Every page has a page number in the footer.
/// </remarks>
public static class AnthologyDocument
{
    public const string CoverTitle = "获奖征文选编";
    public const string PrefaceHeading = "前言";
    public const string ContentsHeading = "目录";
    public const string ContentsPlaceholder = "右键更新目录";

    /// <summary>Shown on the cover while the results are only proposed.</summary>
    public const string DraftLine = "（拟获奖作品，公示期间征求意见）";

    /// <summary>The table-of-contents field: heading levels 1–3, hyperlinked, without page numbers in web view, with outline levels.</summary>
    public const string ContentsField = " TOC \\o \"1-3\" \\h \\z \\u ";

    private const int EssayHeadingOffset = 3;
    private const string DraftColor = "FF0000";

    /// <summary>
    /// Writes the anthology of <paramref name="themes"/> (in the given order, as are their levels
    /// and essays) into <paramref name="output"/>, which is left open.
    /// </summary>
    public static void Write(Stream output, ExportContest contest, string prefaceMarkdown, IReadOnlyList<AnthologyTheme> themes)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(contest);
        ArgumentNullException.ThrowIfNull(themes);

        using var document = new StreamedDocx(output, Title(contest), contest.IssuingOffice, removePersonalInformation: false);
        WriteCover(document, contest);

        var markdown = new MarkdownDocxWriter(document.Writer, EssayHeadingOffset);
        var hasPreface = !string.IsNullOrWhiteSpace(prefaceMarkdown);
        if (hasPreface)
        {
            document.Write(WordText.Paragraph(DocumentStyles.FrontHeading, PrefaceHeading));
            markdown.Write(prefaceMarkdown);
        }

        WriteContents(document, newPage: hasPreface);

        foreach (var theme in themes)
        {
            ArgumentNullException.ThrowIfNull(theme);
            document.Write(Heading(1, theme.Name, newPage: true));

            // Each level and each essay starts a page, the first of each under the heading above it.
            var firstLevel = true;
            foreach (var level in theme.Levels ?? [])
            {
                ArgumentNullException.ThrowIfNull(level);
                document.Write(Heading(2, level.Level, newPage: !firstLevel));
                firstLevel = false;
                var firstEssay = true;
                foreach (var essay in level.Essays ?? [])
                {
                    ArgumentNullException.ThrowIfNull(essay);
                    document.Write(Heading(3, essay.Title, newPage: !firstEssay));
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

    /// <summary>The document's title (its core properties): the contest's name and 获奖征文选编.</summary>
    public static string Title(ExportContest contest)
    {
        ArgumentNullException.ThrowIfNull(contest);
        return WordText.Line(contest.Name) + CoverTitle;
    }

    /// <summary>The date as documents print it, e.g. 2026年10月17日.</summary>
    public static string Date(DateTime date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    private static void WriteCover(StreamedDocx document, ExportContest contest)
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
            CoverTitle));
        if (!contest.IsFinal)
        {
            var draft = new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = DocumentStyles.CoverText } });
            var run = WordText.Run(DraftLine);
            run.RunProperties = new RunProperties(new Color { Val = DraftColor });
            draft.Append(run);
            document.Write(draft);
        }

        document.Write(WordText.Paragraph(DocumentStyles.CoverText, WordText.Line(contest.IssuingOffice)));
        document.Write(WordText.Paragraph(DocumentStyles.CoverText, Date(contest.Date)));
        document.Write(WordText.PageBreak());
    }

    // A real table of contents: the TOC field in a w:sdt of the "Table of Contents" gallery, as Word
    // inserts it. Its result is a placeholder until Word updates the field (w:updateFields).
    private static void WriteContents(StreamedDocx document, bool newPage)
    {
        var heading = WordText.Paragraph(DocumentStyles.TocHeading, ContentsHeading);
        if (newPage)
        {
            heading.ParagraphProperties!.PageBreakBefore = new PageBreakBefore();
        }

        var field = new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = DocumentStyles.Toc(1) } });
        field.Append(WordText.Field(ContentsField, ContentsPlaceholder, dirty: true));

        document.Write(new SdtBlock(
            new SdtProperties(new SdtContentDocPartObject(
                new DocPartGallery { Val = "Table of Contents" },
                new DocPartUnique())),
            new SdtContentBlock(heading, field)));
    }

    private static Paragraph Heading(int level, string? text, bool newPage)
    {
        var properties = new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = DocumentStyles.Heading(level) } };
        if (newPage)
        {
            properties.PageBreakBefore = new PageBreakBefore();
        }

        return WordText.Paragraph(properties, WordText.Line(text));
    }
}
