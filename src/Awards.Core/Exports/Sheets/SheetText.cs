using System.Text;
using System.Xml;

namespace Awards.Core.Exports.Sheets;

/// <summary>Text rules of a worksheet: what XML and Excel accept, and how wide text looks.</summary>
internal static class SheetText
{
    /// <summary>Excel keeps at most this many characters in a cell.</summary>
    private const int MaxCellLength = 32767;

    /// <summary>Excel's limit on a sheet name.</summary>
    private const int MaxSheetNameLength = 31;

    /// <summary>
    /// The text without characters XML 1.0 cannot carry (control characters, lone surrogates),
    /// cut to what a cell holds.
    /// </summary>
    public static string Clean(string text)
    {
        if (IsClean(text) && text.Length <= MaxCellLength)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length && clean.Length < MaxCellLength; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                clean.Append(c);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                if (clean.Length + 2 > MaxCellLength)
                {
                    break;
                }

                clean.Append(c).Append(text[++i]);
            }
        }

        return clean.ToString();
    }

    /// <summary>
    /// The width of the text's widest line in character cells: CJK and full-width characters take
    /// 2, others 1.
    /// </summary>
    public static int DisplayWidth(string text)
    {
        var widest = 0;
        var current = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == '\n')
            {
                widest = Math.Max(widest, current);
                current = 0;
                continue;
            }

            current += IsWide(rune.Value) ? 2 : 1;
        }

        return Math.Max(widest, current);
    }

    /// <summary>
    /// A name Excel accepts for a sheet, not among <paramref name="taken"/> (compared ignoring
    /// case, as Excel does): without []:*?/\ and control characters, no apostrophe at either end,
    /// at most 31 characters; " (2)", " (3)"… is appended within the 31 when the name is taken.
    /// The name is added to <paramref name="taken"/>.
    /// </summary>
    public static string UniqueSheetName(string requested, ISet<string> taken)
    {
        var name = new StringBuilder(requested.Length);
        foreach (var c in Clean(requested))
        {
            if (c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\') && !char.IsControl(c))
            {
                name.Append(c);
            }
        }

        var stem = name.ToString().Trim().Trim('\'').Trim();
        if (stem.Length == 0)
        {
            stem = "Sheet";
        }

        var candidate = Truncate(stem, MaxSheetNameLength);
        for (var n = 2; !taken.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = Truncate(stem, MaxSheetNameLength - suffix.Length).TrimEnd() + suffix;
        }

        return candidate;
    }

    /// <summary>The text's first <paramref name="length"/> UTF-16 units, without a split surrogate pair.</summary>
    private static string Truncate(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        return char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
    }

    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                continue;
            }

            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                i++;
                continue;
            }

            return false;
        }

        return true;
    }

    /// <summary>East Asian Wide and Fullwidth characters (Unicode UAX #11), closely enough for column widths.</summary>
    internal static bool IsWide(int c) =>
        c is (>= 0x1100 and <= 0x115F) // Hangul Jamo
            or (>= 0x2E80 and <= 0x303E) // CJK radicals, Kangxi, ideographic punctuation and space
            or (>= 0x3041 and <= 0x33FF) // kana, bopomofo, CJK compatibility
            or (>= 0x3400 and <= 0x4DBF) // CJK extension A
            or (>= 0x4E00 and <= 0x9FFF) // CJK unified ideographs
            or (>= 0xA000 and <= 0xA4CF) // Yi
            or (>= 0xAC00 and <= 0xD7A3) // Hangul syllables
            or (>= 0xF900 and <= 0xFAFF) // CJK compatibility ideographs
            or (>= 0xFE10 and <= 0xFE19) // vertical forms
            or (>= 0xFE30 and <= 0xFE6F) // CJK compatibility forms, small forms
            or (>= 0xFF00 and <= 0xFF60) // full-width forms
            or (>= 0xFFE0 and <= 0xFFE6) // full-width signs
            or (>= 0x1F300 and <= 0x1F64F) // pictographs and emoticons
            or (>= 0x1F900 and <= 0x1F9FF) // supplemental pictographs
            or (>= 0x20000 and <= 0x3FFFD); // CJK extensions B and later
}
