using DocumentFormat.OpenXml.Wordprocessing;

namespace Awards.Core.Exports.Anthology;

/// <summary>
/// A judge's entries for a round as a Word document to read offline: a title, a note that the
/// entries are anonymised, then each entry under its code and title on its own page.
/// </summary>
/// <remarks>
/// The packet names no one. Its core properties hold only the title (no creator, no last-modified-by),
/// it has no custom properties, comments or headers, and Word is told to strip personal information
/// when the judge saves it. The caller passes the judges' renditions, already redacted; bylines are
/// not printed.
/// </remarks>
public static class JudgePacketDocument
{
    public const string Note = "本材料中的作品均已匿名处理，仅以作品编号标识。请独立评审，勿外传。";

    private const int EntryHeadingOffset = 1;
    private const string CodeTitleSeparator = "  ";

    /// <summary>Writes the packet of <paramref name="entries"/>, in the given order, into <paramref name="output"/>, which is left open.</summary>
    public static void Write(Stream output, string trackName, string roundName, IReadOnlyList<DocumentEssay> entries)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(entries);

        var title = Title(trackName, roundName);
        using var document = new StreamedDocx(output, title, creator: null, removePersonalInformation: true);
        document.Write(WordText.Paragraph(DocumentStyles.Title, title));
        document.Write(WordText.Paragraph(DocumentStyles.Note, Note));

        var markdown = new MarkdownDocxWriter(document.Writer, EntryHeadingOffset);
        var first = true;
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry);
            var properties = new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = DocumentStyles.Heading(1) } };
            if (!first)
            {
                properties.PageBreakBefore = new PageBreakBefore();
            }

            first = false;
            document.Write(WordText.Paragraph(properties, EntryHeading(entry)));
            markdown.Write(entry.Markdown ?? string.Empty);
        }

        document.Finish();
    }

    /// <summary>The packet's title, e.g. "征文：我的帮扶故事 · 初评 评审材料".</summary>
    public static string Title(string trackName, string roundName) =>
        $"{WordText.Line(trackName)} · {WordText.Line(roundName)} 评审材料";

    /// <summary>An entry's heading: its code and its title.</summary>
    public static string EntryHeading(DocumentEssay entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var code = WordText.Line(entry.Code);
        var title = WordText.Line(entry.Title);
        return code.Length == 0 ? title : title.Length == 0 ? code : code + CodeTitleSeparator + title;
    }
}
