using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Awards.Core.Exports.Anthology;

/// <summary>How a run of text is formatted; the flags combine.</summary>
[Flags]
internal enum RunFormat
{
    None = 0,
    Bold = 1,
    Italic = 2,
    Code = 4,
}

/// <summary>
/// Text made safe for WordprocessingML, and the runs and paragraphs that hold it. Every string
/// that reaches a w:t goes through <see cref="Clean"/>.
/// </summary>
internal static class WordText
{
    /// <summary>
    /// <paramref name="text"/> without the characters XML 1.0 forbids (C0 controls other than tab,
    /// CR and LF; U+FFFE and U+FFFF; unpaired surrogates), with tab, CR and LF as spaces: a w:t is one
    /// line, and a tab inside it is not a tab stop. Null becomes empty.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (!NeedsCleaning(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\t' or '\r' or '\n')
            {
                builder.Append(' ');
            }
            else if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder.Append(c).Append(text[i + 1]);
                    i++;
                }
            }
            else if (IsAllowed(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary><paramref name="text"/> <see cref="Clean"/>ed and trimmed: a title, a name, a single line.</summary>
    public static string Line(string? text) => Clean(text).Trim();

    /// <summary>
    /// A w:t for text already <see cref="Clean"/>ed, with xml:space="preserve" when white space at
    /// either end, or two spaces in a row, would otherwise be lost.
    /// </summary>
    public static Text Text(string clean)
    {
        var text = new Text(clean);
        if (clean.Length > 0 && (char.IsWhiteSpace(clean[0]) || char.IsWhiteSpace(clean[^1]) || clean.Contains("  ", StringComparison.Ordinal)))
        {
            text.Space = SpaceProcessingModeValues.Preserve;
        }

        return text;
    }

    /// <summary>A run of <paramref name="text"/> (cleaned here) in <paramref name="format"/>.</summary>
    public static Run Run(string? text, RunFormat format = RunFormat.None)
    {
        var run = new Run();
        if (Properties(format) is { } properties)
        {
            run.Append(properties);
        }

        run.Append(Text(Clean(text)));
        return run;
    }

    /// <summary>The run properties of <paramref name="format"/>; null for plain text.</summary>
    public static RunProperties? Properties(RunFormat format)
    {
        if (format == RunFormat.None)
        {
            return null;
        }

        // Schema order: rStyle, b, i.
        var properties = new RunProperties();
        if (format.HasFlag(RunFormat.Code))
        {
            properties.Append(new RunStyle { Val = DocumentStyles.InlineCode });
        }

        if (format.HasFlag(RunFormat.Bold))
        {
            properties.Append(new Bold());
        }

        if (format.HasFlag(RunFormat.Italic))
        {
            properties.Append(new Italic());
        }

        return properties;
    }

    /// <summary>A paragraph in <paramref name="style"/> holding <paramref name="text"/> (cleaned here) as plain text.</summary>
    public static Paragraph Paragraph(string style, string? text, RunFormat format = RunFormat.None) =>
        Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = style } }, text, format);

    /// <summary>A paragraph with <paramref name="properties"/> holding <paramref name="text"/> (cleaned here) as plain text.</summary>
    public static Paragraph Paragraph(ParagraphProperties properties, string? text, RunFormat format = RunFormat.None)
    {
        var paragraph = new Paragraph(properties);
        var clean = Clean(text);
        if (clean.Length > 0)
        {
            paragraph.Append(Run(clean, format));
        }

        return paragraph;
    }

    /// <summary>An empty paragraph holding a page break.</summary>
    public static Paragraph PageBreak() => new(new Run(new Break { Type = BreakValues.Page }));

    /// <summary>
    /// The runs of a complex field: begin, the instruction, separate, the placeholder result, end.
    /// <paramref name="dirty"/> asks Word to update the field when it opens the document.
    /// </summary>
    public static IEnumerable<Run> Field(string instruction, string placeholder, bool dirty)
    {
        var begin = new FieldChar { FieldCharType = FieldCharValues.Begin };
        if (dirty)
        {
            begin.Dirty = true;
        }

        yield return new Run(begin);
        yield return new Run(new FieldCode(instruction) { Space = SpaceProcessingModeValues.Preserve });
        yield return new Run(new FieldChar { FieldCharType = FieldCharValues.Separate });
        yield return Run(placeholder);
        yield return new Run(new FieldChar { FieldCharType = FieldCharValues.End });
    }

    /// <summary>
    /// The fewest characters of a run without a space or a Chinese character (a web address, an
    /// e-mail address, a long word) that <see cref="HasUnbreakableRun"/> counts: a fifth of a line and more.
    /// </summary>
    public const int UnbreakableRunLength = 20;

    /// <summary>
    /// Whether <paramref name="text"/> holds a run of <see cref="UnbreakableRunLength"/> characters or
    /// more without a space or a Chinese character. A word processor breaks a line only where such a
    /// run ends (Word not even at a web address's slashes), so when it does not fit at the end of a
    /// line it goes whole to the next, and a justified line before it is spread wide.
    /// </summary>
    public static bool HasUnbreakableRun(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsWhiteSpace(c) || IsWide(c) ? 0 : run + 1;
            if (run >= UnbreakableRunLength)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a line break between <paramref name="before"/> and <paramref name="after"/> is
    /// dropped rather than read as a space: Chinese and Japanese text wraps without spaces.
    /// </summary>
    public static bool JoinsWithoutSpace(char before, char after) => IsWide(before) && IsWide(after);

    private static bool IsWide(char c) =>
        c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFFEF'
        || char.IsSurrogate(c);

    private static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
        {
            if (c is '\t' or '\r' or '\n' || char.IsSurrogate(c) || !IsAllowed(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAllowed(char c) => c >= '\u0020' && c != '\uFFFE' && c != '\uFFFF' && !char.IsSurrogate(c);
}
