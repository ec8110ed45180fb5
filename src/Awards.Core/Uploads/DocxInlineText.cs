using System.Text;

namespace Awards.Core.Uploads;

/// <summary>
/// The text of one paragraph as Word shows it: characters that are bold or italic or neither, and
/// hard line breaks. Writes it as Markdown that renders as exactly that text: every character the
/// site's Markdown pipeline (CommonMark, pipe tables, emphasis extras) could read as markup is
/// escaped, and emphasis is only emitted where CommonMark will honour it.
/// </summary>
internal sealed class DocxInlineText
{
    private const char LineBreak = '\n';

    private readonly StringBuilder _text = new();
    private readonly List<Emphasis> _emphasis = [];

    [Flags]
    private enum Emphasis
    {
        None = 0,
        Bold = 1,
        Italic = 2,
    }

    public bool IsBlank
    {
        get
        {
            foreach (var chunk in _text.GetChunks())
            {
                foreach (var c in chunk.Span)
                {
                    if (!char.IsWhiteSpace(c))
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }

    public void Append(string text, bool bold, bool italic)
    {
        var emphasis = (bold ? Emphasis.Bold : Emphasis.None) | (italic ? Emphasis.Italic : Emphasis.None);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\u00AD':
                    // A soft hyphen is only a hint where to break a line.
                    break;
                case '\t' or '\r' or '\n' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029':
                    Add(' ', emphasis);
                    break;
                default:
                    if (!char.IsControl(c))
                    {
                        Add(c, emphasis);
                    }

                    break;
            }
        }
    }

    public void AppendBreak() => Add(LineBreak, Emphasis.None);

    /// <summary>The text alone: line breaks as spaces, runs of white space as one space, trimmed.</summary>
    public string ToPlainText()
    {
        var plain = new StringBuilder(_text.Length);
        foreach (var chunk in _text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (!char.IsWhiteSpace(c))
                {
                    plain.Append(c);
                }
                else if (plain.Length > 0 && plain[^1] != ' ')
                {
                    plain.Append(' ');
                }
            }
        }

        return plain.ToString().TrimEnd();
    }

    /// <summary>
    /// The paragraph as Markdown lines, one per line of text (a hard break between each), none
    /// empty; with <paramref name="singleLine"/>, line breaks become spaces and there is at most one.
    /// </summary>
    public IReadOnlyList<string> ToMarkdownLines(bool singleLine, bool escapeEveryHash)
    {
        var all = _text.ToString();
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i <= all.Length; i++)
        {
            if (i == all.Length || (all[i] == LineBreak && !singleLine))
            {
                var line = RenderLine(all, start, i, escapeEveryHash);
                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                start = i + 1;
            }
        }

        return lines;
    }

    private void Add(char c, Emphasis emphasis)
    {
        _text.Append(c);
        _emphasis.Add(emphasis);
    }

    private string RenderLine(string all, int start, int end, bool escapeEveryHash)
    {
        // Collapse white space (a line break counts as a space here) and trim it from both ends; a
        // collapsed run keeps the emphasis of its first character.
        var text = new StringBuilder(end - start);
        var emphasis = new List<Emphasis>(end - start);
        for (var i = start; i < end; i++)
        {
            var c = all[i];
            if (char.IsWhiteSpace(c))
            {
                if (text.Length == 0 || char.IsWhiteSpace(text[^1]))
                {
                    continue;
                }

                c = c == LineBreak ? ' ' : c;
            }

            text.Append(c);
            emphasis.Add(_emphasis[i]);
        }

        while (text.Length > 0 && char.IsWhiteSpace(text[^1]))
        {
            text.Length--;
            emphasis.RemoveAt(emphasis.Count - 1);
        }

        if (text.Length == 0)
        {
            return string.Empty;
        }

        var line = text.ToString();
        var spans = EmphasisSpans.Find(line, emphasis);
        return Write(line, spans, escapeEveryHash);
    }

    private static string Write(string line, List<EmphasisSpans.Span> spans, bool escapeEveryHash)
    {
        var markdown = new StringBuilder(line.Length + 16);
        var escapedListMarker = ListMarkerEnd(line);
        var closing = spans.ToLookup(span => span.End);
        var opening = spans.ToLookup(span => span.Start);
        for (var i = 0; i <= line.Length; i++)
        {
            // Inner spans close before outer ones; outer spans open before inner ones.
            foreach (var span in closing[i].OrderByDescending(span => span.Start).ThenByDescending(span => span.Kind))
            {
                markdown.Append(span.Marker);
            }

            foreach (var span in opening[i].OrderByDescending(span => span.End).ThenBy(span => span.Kind))
            {
                markdown.Append(span.Marker);
            }

            if (i < line.Length)
            {
                if (NeedsEscape(line, i, escapeEveryHash) || i == escapedListMarker)
                {
                    markdown.Append('\\');
                }

                markdown.Append(line[i]);
            }
        }

        return markdown.ToString();
    }

    private static bool NeedsEscape(string line, int index, bool escapeEveryHash)
    {
        var c = line[index];
        return c switch
        {
            '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~' or '^' => true,
            '#' => escapeEveryHash || index == 0,

            // A line that starts with these would be a list item, a thematic break or a setext
            // heading underline; doubled, "++" and "==" are the inserted and marked extras.
            '-' => index == 0,
            '+' or '=' => index == 0 || Neighbour(line, index, -1) == c || Neighbour(line, index, 1) == c,

            // "&copy;" would render as ©.
            '&' => LooksLikeEntity(line, index),
            _ => false,
        };
    }

    private static char Neighbour(string line, int index, int offset)
    {
        var at = index + offset;
        return at >= 0 && at < line.Length ? line[at] : '\0';
    }

    /// <summary>
    /// The index of the "." or ")" that would make the line an ordered list item ("1. text",
    /// "12) text"), or -1.
    /// </summary>
    private static int ListMarkerEnd(string line)
    {
        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        if (digits is 0 or > 9 || digits == line.Length || line[digits] is not ('.' or ')'))
        {
            return -1;
        }

        return digits + 1 == line.Length || char.IsWhiteSpace(line[digits + 1]) ? digits : -1;
    }

    private static bool LooksLikeEntity(string line, int index)
    {
        var i = index + 1;
        if (i < line.Length && line[i] == '#')
        {
            i++;
        }

        var nameStart = i;
        while (i < line.Length && i - nameStart <= 32 && char.IsAsciiLetterOrDigit(line[i]))
        {
            i++;
        }

        return i > nameStart && i < line.Length && line[i] == ';';
    }

    /// <summary>
    /// Where to put "**" and "*" in one line: maximal bold and italic ranges, trimmed so that each
    /// marker is a delimiter CommonMark accepts (no white space inside the markers, punctuation
    /// inside only where the outside allows it), and nested rather than crossing.
    /// </summary>
    private static class EmphasisSpans
    {
        private const int MaxRounds = 16;

        public static List<Span> Find(string line, List<Emphasis> emphasis)
        {
            var bold = Ranges(line, emphasis, Emphasis.Bold);
            var italic = Ranges(line, emphasis, Emphasis.Italic);
            // Each round only shrinks ranges, and settles in two or three; a line that does not
            // settle within the cap is written without emphasis rather than with broken markers.
            for (var round = 0; round < MaxRounds; round++)
            {
                if (!(Fit(line, bold) | Fit(line, italic) | Uncross(bold, italic)))
                {
                    return [.. bold, .. italic];
                }
            }

            return [];
        }

        private static List<Span> Ranges(string line, List<Emphasis> emphasis, Emphasis kind)
        {
            var ranges = new List<Span>();
            var start = -1;
            for (var i = 0; i <= line.Length; i++)
            {
                var inside = i < line.Length && emphasis[i].HasFlag(kind);
                if (inside && start < 0)
                {
                    start = i;
                }
                else if (!inside && start >= 0)
                {
                    ranges.Add(new Span(kind, start, i));
                    start = -1;
                }
            }

            return ranges;
        }

        private static bool Fit(string line, List<Span> spans)
        {
            var changed = false;
            for (var n = spans.Count - 1; n >= 0; n--)
            {
                var span = spans[n];
                var start = span.Start;
                var end = span.End;

                // "**“引用”**后" does not close, so the quotes go outside: "“**引用**”后", both of
                // them, which reads better than moving only the one that is in the way.
                if (!CanOpen(line, start) || !CanClose(line, end))
                {
                    while (start < end && (char.IsWhiteSpace(line[start]) || IsPunctuation(line[start])))
                    {
                        start++;
                    }

                    while (end > start && (char.IsWhiteSpace(line[end - 1]) || IsPunctuation(line[end - 1])))
                    {
                        end--;
                    }
                }

                while (start < end && !CanOpen(line, start))
                {
                    start++;
                }

                while (end > start && !CanClose(line, end))
                {
                    end--;
                }

                if (start == end)
                {
                    spans.RemoveAt(n);
                    changed = true;
                }
                else if (start != span.Start || end != span.End)
                {
                    spans[n] = span with { Start = start, End = end };
                    changed = true;
                }
            }

            return changed;
        }

        /// <summary>
        /// A bold and an italic range that overlap without one holding the other: the later one
        /// starts where the earlier ends. Ranges of one kind are disjoint and in order, so one
        /// sweep meets every overlapping pair.
        /// </summary>
        private static bool Uncross(List<Span> bold, List<Span> italic)
        {
            var changed = false;
            var b = 0;
            var i = 0;
            while (b < bold.Count && i < italic.Count)
            {
                var first = bold[b];
                var second = italic[i];
                if (first.Start < second.Start && second.Start < first.End && first.End < second.End)
                {
                    second = italic[i] = second with { Start = first.End };
                    changed = true;
                }
                else if (second.Start < first.Start && first.Start < second.End && second.End < first.End)
                {
                    first = bold[b] = first with { Start = second.End };
                    changed = true;
                }

                if (first.End <= second.End)
                {
                    b++;
                }
                else
                {
                    i++;
                }
            }

            return changed;
        }

        // A left-flanking delimiter run: not followed by white space, and followed by punctuation
        // only if preceded by white space or punctuation (the line's ends count as white space).
        private static bool CanOpen(string line, int start) =>
            !char.IsWhiteSpace(line[start])
            && (!IsPunctuation(line[start]) || start == 0 || char.IsWhiteSpace(line[start - 1]) || IsPunctuation(line[start - 1]));

        private static bool CanClose(string line, int end) =>
            !char.IsWhiteSpace(line[end - 1])
            && (!IsPunctuation(line[end - 1]) || end == line.Length || char.IsWhiteSpace(line[end]) || IsPunctuation(line[end]));

        private static bool IsPunctuation(char c) => char.IsPunctuation(c) || char.IsSymbol(c);

        public readonly record struct Span(Emphasis Kind, int Start, int End)
        {
            public string Marker => Kind == Emphasis.Bold ? "**" : "*";
        }
    }
}
