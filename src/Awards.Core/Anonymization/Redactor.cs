using System.Buffers;
using System.Text;

namespace Awards.Core.Anonymization;

/// <summary>
/// Builds the judge rendition of an entry's text (SECURITY.md §1): the author's and nominees'
/// names, e-mail addresses, phone numbers and unit names are replaced by <see cref="Mark"/>, as are
/// any e-mail address and any mainland mobile number. See <see cref="TermMatcher"/>,
/// <see cref="EmailMatcher"/> and <see cref="PhoneMatcher"/> for what matches.
/// <para>
/// All matches are collected first; matches that overlap or touch become one mark, which is what
/// "longest match first" gives without depending on the order the terms come in. The mark holds no
/// Markdown character, so headings, list items and table cells keep their structure. A match
/// crosses a line break only inside a paragraph (张小 / 梅, which the judge reads as one name); then
/// each line's part gets a mark and the line breaks stay, with what around them belongs to the
/// Markdown (a hard break's trailing spaces, a block quote's &gt;, a list item's indentation), so no
/// line joins the next. Emphasis markers inside a match go with it, together with the markers
/// right around it when that leaves them paired (**张**小梅 becomes ■■, **张小梅** becomes **■■**).
/// </para>
/// <para>
/// A name spelled out with the same mark between every two of its characters or letters (何、春、生,
/// H e C h u n s h e n g) is found
/// on a second view of the text that leaves punctuation out (<see cref="TermMatcher.FindSpelledOut"/>).
/// </para>
/// <para>
/// Judges read the text rendered, so the matchers run a second time on what Markdown shows (see
/// <see cref="RenderedText"/>): character references decoded (&amp;#x5F20;小梅), code spans, links
/// and escapes joined with the text around them (`张`小[梅](url)), a paragraph's lines joined. It is
/// parsed only when the text has such Markdown or a match across a line break waits for it to say
/// whether that break lies inside a paragraph. Each match there is mapped back
/// to the source and counted like any other, so such an entry is flagged for the organizer too.
/// </para>
/// <para>
/// The patterns are built for each call from the terms: plain strings searched ordinally on
/// folded views of the text, plus one non-backtracking expression for e-mail addresses built once,
/// so the time is linear in the text whatever it holds (about 0.2 ms for 6,000 characters, with a
/// name's pinyin spellings; parsing the Markdown, when needed, about as much again).
/// </para>
/// </summary>
public static class Redactor
{
    /// <summary>What replaces each match: two black squares, no Markdown meaning.</summary>
    public const string Mark = "■■";

    // Emphasis, code span and link text delimiters: a match that holds one takes its other half along.
    private static readonly SearchValues<char> Markers = SearchValues.Create("*_~`[]");

    // Without one of these, Markdown renders a text's characters as they are: no second pass needed.
    // ^, = and + are the emphasis extras' delimiters (何^春^生 is 何<sup>春</sup>生, == marks, ++ inserts).
    private static readonly SearchValues<char> MarkdownInlineStarts = SearchValues.Create("&`[]<\\^=+");

    private static readonly char[] LineBreaks = ['\r', '\n'];

    public static Redaction Redact(string text, IdentityTerms terms)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);

        var spans = new List<Span>();
        var termMatcher = TermMatcher.Create(terms);
        var emailMatcher = EmailMatcher.Create(terms.Emails);
        var phoneMatcher = PhoneMatcher.Create(terms.Phones);
        var acrossLines = Find(text, joinLines: true, termMatcher, emailMatcher, phoneMatcher, spans);

        // Judges read the text rendered: what Markdown decodes or joins is matched there and mapped back.
        if ((acrossLines || text.AsSpan().ContainsAny(MarkdownInlineStarts)) && RenderedText.Of(text) is { } rendered)
        {
            var found = new List<Span>();
            Find(rendered.Text, joinLines: false, termMatcher, emailMatcher, phoneMatcher, found);
            foreach (var span in found)
            {
                var (start, end) = rendered.Original(span.Start, span.End);
                spans.Add(span with { Start = start, End = end });
            }
        }

        return spans.Count == 0 ? new Redaction(text, 0, []) : Apply(text, spans);
    }

    /// <summary>
    /// Adds the matches in <paramref name="text"/>; with <paramref name="joinLines"/> returns whether
    /// a term matched across a line break, left for the rendered text to confirm (<see cref="TextView.ForTerms"/>).
    /// </summary>
    private static bool Find(string text, bool joinLines, TermMatcher termMatcher, EmailMatcher emailMatcher, PhoneMatcher phoneMatcher, List<Span> spans)
    {
        var acrossLines = !termMatcher.IsEmpty && termMatcher.Find(text, TextView.ForTerms(text, joinLines), spans);
        if (!termMatcher.IsEmpty)
        {
            termMatcher.FindSpelledOut(text, TextView.ForSpelledOut(text), spans);
        }

        emailMatcher.Find(text, spans);
        phoneMatcher.Find(text, spans);
        phoneMatcher.FindInNumerals(text, spans);
        return acrossLines;
    }

    private static Redaction Apply(string text, List<Span> spans)
    {
        var ordered = spans.Select(span => WithEmphasis(text, span)).OrderBy(span => span.Start).ToList();
        var builder = new StringBuilder(text.Length);
        var hit = new bool[Enum.GetValues<RedactionKind>().Length];
        var count = 0;
        var copied = 0;
        for (var i = 0; i < ordered.Count;)
        {
            var start = ordered[i].Start;
            var end = ordered[i].End;
            for (; i < ordered.Count && ordered[i].Start <= end; i++)
            {
                end = Math.Max(end, ordered[i].End);
                hit[(int)ordered[i].Kind] = true;
            }

            builder.Append(text, copied, start - copied);
            AppendMark(builder, text, start, end);
            copied = end;
            count++;
        }

        builder.Append(text, copied, text.Length - copied);
        RedactionKind[] kinds = [.. Enum.GetValues<RedactionKind>().Where(kind => hit[(int)kind])];
        return new Redaction(builder.ToString(), count, kinds);
    }

    /// <summary>
    /// The mark for text[<paramref name="start"/>..<paramref name="end"/>): one, or for a match
    /// across lines one on each line, with the line breaks, the white space or backslash before each
    /// (a hard break) and the white space and &gt; after each (a block quote's or a list item's lines).
    /// </summary>
    private static void AppendMark(StringBuilder builder, string text, int start, int end)
    {
        var from = start;
        for (var lineEnd = text.IndexOfAny(LineBreaks, from, end - from); lineEnd >= 0; lineEnd = text.IndexOfAny(LineBreaks, from, end - from))
        {
            var kept = lineEnd;
            while (kept > from && text[kept - 1] is ' ' or '\t' or '\\')
            {
                kept--;
            }

            if (kept > from)
            {
                builder.Append(Mark);
            }

            var next = lineEnd + 1;
            if (text[lineEnd] == '\r' && next < end && text[next] == '\n')
            {
                next++;
            }

            while (next < end && text[next] is ' ' or '\t' or '>')
            {
                next++;
            }

            builder.Append(text, kept, next - kept);
            from = next;
        }

        if (from < end)
        {
            builder.Append(Mark);
        }
    }

    /// <summary>
    /// A match with emphasis markers, backticks or link brackets inside takes the markers right around
    /// it too when that leaves each kind of marker an even number of times and the brackets paired,
    /// so no half of a pair is left behind (`张`小梅 and [张小](url)梅 become ■■).
    /// </summary>
    private static Span WithEmphasis(string text, Span span)
    {
        if (!text.AsSpan(span.Start, span.End - span.Start).ContainsAny(Markers))
        {
            return span;
        }

        var start = span.Start;
        while (start > 0 && IsMarker(text[start - 1]))
        {
            start--;
        }

        var end = span.End;
        while (end < text.Length && IsMarker(text[end]))
        {
            end++;
        }

        var taken = text.AsSpan(start, end - start);
        foreach (var marker in "*_~`")
        {
            if (taken.Count(marker) % 2 != 0)
            {
                return span;
            }
        }

        if (taken.Count('[') != taken.Count(']'))
        {
            return span;
        }

        return span with { Start = start, End = end };
    }

    private static bool IsMarker(char c) => Markers.Contains(c);
}
