namespace Awards.Core.Anonymization;

/// <summary>
/// A folded copy of a text with the characters a matcher looks through left out, and for each
/// character that is left the span of the original it came from. Matching on the view with plain
/// ordinal search, then mapping back, finds 张　小**梅** as easily as 张小梅 and needs no
/// regular expression with a separator class between every pair of characters.
/// </summary>
internal sealed class TextView
{
    private readonly int[] _starts;
    private readonly int[]? _ends;
    private readonly bool[]? _spacedBefore;
    private readonly bool[]? _brokenBefore;

    private TextView(string text, int[] starts, int[]? ends, bool[]? spacedBefore, bool[]? brokenBefore = null)
    {
        Text = text;
        _starts = starts;
        _ends = ends;
        _spacedBefore = spacedBefore;
        _brokenBefore = brokenBefore;
    }

    public string Text { get; }

    /// <summary>
    /// The view for names and units: white space (not line breaks), hyphens, middle dots, invisible
    /// characters and emphasis markers are left out. It remembers where visible separators (white
    /// space, hyphens, middle dots) were, because pinyin may only be split between its parts.
    /// <para>
    /// With <paramref name="joinLines"/> a single line break is left out too (read as white space)
    /// and remembered, an empty line kept: a paragraph's lines are one text (张小 / 梅), while a
    /// line break may just as well end a heading or a list item. Which it is only the Markdown
    /// tells, so a match across one is for <see cref="RenderedText"/> to confirm (<see cref="CrossesLine"/>).
    /// </para>
    /// </summary>
    public static TextView ForTerms(string source, bool joinLines = false)
    {
        var chars = new char[source.Length];
        var starts = new int[source.Length];
        var ends = new int[source.Length];
        var spacedBefore = new bool[source.Length];
        var brokenBefore = joinLines ? new bool[source.Length] : null;
        var count = 0;
        var spaced = false;
        var broken = false;
        var lineStart = false;
        for (var i = 0; i < source.Length; i++)
        {
            var (c, end) = Read(source, i);
            if (Chars.IsTermFiller(c))
            {
                spaced |= Chars.IsSpace(c) || Chars.IsHyphen(c) || Chars.IsMiddleDot(c);
                continue;
            }

            // After a line break left out, a block quote's > too, as Markdown reads the next line of a quote.
            if (joinLines && ((Chars.IsLineBreak(c) && !EndsParagraph(source, i)) || (lineStart && c == '>')))
            {
                spaced = true;
                broken = true;
                lineStart = true;
                continue;
            }

            lineStart = false;

            chars[count] = c;
            starts[count] = i;
            ends[count] = end;
            spacedBefore[count] = spaced;
            spaced = false;
            if (brokenBefore is not null)
            {
                brokenBefore[count] = broken;
                broken = false;
            }

            count++;
            i = end - 1;
        }

        return new TextView(new string(chars, 0, count), starts, ends, spacedBefore, brokenBefore);
    }

    /// <summary>
    /// The view for names spelled out with something between every character or letter (何、春、生,
    /// H e C h u n s h e n g): besides what <see cref="ForTerms"/> leaves out, punctuation and
    /// symbols too, never a line break or a pipe. What stood between two view characters is <see cref="Gap"/>.
    /// </summary>
    public static TextView ForSpelledOut(string source)
    {
        var chars = new char[source.Length];
        var starts = new int[source.Length];
        var ends = new int[source.Length];
        var count = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var (c, end) = Read(source, i);

            // A pipe may divide a table's cells: a match across it would take the cells with it.
            if (Chars.IsTermFiller(c) || (Chars.IsPunctuation(c) && c != '|'))
            {
                continue;
            }

            chars[count] = c;
            starts[count] = i;
            ends[count] = end;
            count++;
            i = end - 1;
        }

        return new TextView(new string(chars, 0, count), starts, ends, null);
    }

    /// <summary>The folded character at <paramref name="index"/> and where it ends: a letter outside the basic plane (𝐇) is two.</summary>
    private static (char Folded, int End) Read(string source, int index)
    {
        if (char.IsHighSurrogate(source[index]) && index + 1 < source.Length && Chars.FoldPair(source[index], source[index + 1]) is not '\0' and var pair)
        {
            return (pair, index + 2);
        }

        return (Chars.Fold(source[index]), index + 1);
    }

    /// <summary>Whether only white space stands between the line break at <paramref name="index"/> and the next one (or the end).</summary>
    private static bool EndsParagraph(string source, int index)
    {
        var next = index + 1;
        if (source[index] == '\r' && next < source.Length && source[next] == '\n')
        {
            next++;
        }

        while (next < source.Length && (Chars.IsSpace(Chars.Fold(source[next])) || Chars.IsInvisible(Chars.Fold(source[next]))))
        {
            next++;
        }

        return next >= source.Length || Chars.IsLineBreak(Chars.Fold(source[next]));
    }

    /// <summary>
    /// The view for e-mail addresses: invisible characters, <c>*</c>, <c>~</c> and backslashes are
    /// left out (<c>_</c> belongs to addresses), and a percent-encoded <c>%40</c> reads as <c>@</c>.
    /// </summary>
    public static TextView ForEmails(string source)
    {
        var chars = new char[source.Length];
        var starts = new int[source.Length];
        var ends = new int[source.Length];
        var count = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var c = Chars.Fold(source[i]);
            var end = i + 1;
            if (c == '%' && i + 2 < source.Length && source[i + 1] == '4' && source[i + 2] == '0')
            {
                c = '@';
                end = i + 3;
            }
            else if (Chars.IsInvisible(c) || c is '*' or '~' or '\\')
            {
                continue;
            }

            chars[count] = c;
            starts[count] = i;
            ends[count] = end;
            count++;
            i = end - 1;
        }

        return new TextView(new string(chars, 0, count), starts, ends, null);
    }

    /// <summary>Where in the original the view characters <paramref name="index"/> to <paramref name="index"/> + <paramref name="length"/> - 1 lie.</summary>
    public (int Start, int End) Original(int index, int length)
    {
        var last = index + length - 1;
        return (_starts[index], _ends is null ? _starts[last] + 1 : _ends[last]);
    }

    /// <summary>Where in the original the characters left out right before view character <paramref name="index"/> (> 0) lie.</summary>
    public (int Start, int End) Gap(int index) => (_ends is null ? _starts[index - 1] + 1 : _ends[index - 1], _starts[index]);

    /// <summary>Whether a line break was left out between view characters <paramref name="index"/> and <paramref name="index"/> + <paramref name="length"/> - 1.</summary>
    public bool CrossesLine(int index, int length)
    {
        if (_brokenBefore is null)
        {
            return false;
        }

        for (var i = index + 1; i < index + length; i++)
        {
            if (_brokenBefore[i])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether white space, a hyphen or a middle dot stood right before view character <paramref name="index"/>.</summary>
    public bool SpacedBefore(int index) => _spacedBefore is not null && _spacedBefore[index];
}
