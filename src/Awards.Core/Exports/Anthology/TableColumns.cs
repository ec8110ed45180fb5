using System.Text;
using Awards.Core.Exports.Sheets;

namespace Awards.Core.Exports.Anthology;

/// <summary>
/// The widths of a table's columns in the anthology, sized by their content within the text width,
/// as a browser lays out a table: a column whose text fits in an equal share keeps its natural
/// width, the columns of longer text share the rest in proportion to their text, and no column is
/// narrower than its longest word (a Chinese character, or a Latin word or number, which do not
/// break). A table narrower than the page is widened in proportion to fill it.
/// </summary>
internal static class TableColumns
{
    /// <summary>Half an em of the table's 12-point text, in twips: a Latin letter or digit, about; a Chinese character is two.</summary>
    private const int HalfEm = 120;

    /// <summary>The cell's left and right margins (100 twips each) and a little for bold text and rounding.</summary>
    private const int Padding = 260;

    /// <summary>
    /// The widths in twips of <paramref name="columns"/> columns whose cells hold
    /// <paramref name="rows"/> (each cell its paragraphs' text), adding up to <paramref name="width"/>.
    /// </summary>
    public static int[] Widths(IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> rows, int columns, int width)
    {
        var natural = new int[columns];
        var least = new int[columns];
        for (var c = 0; c < columns; c++)
        {
            natural[c] = least[c] = Padding + (2 * HalfEm);
        }

        foreach (var row in rows)
        {
            for (var c = 0; c < columns && c < row.Count; c++)
            {
                foreach (var text in row[c])
                {
                    natural[c] = Math.Max(natural[c], Padding + (SheetText.DisplayWidth(text) * HalfEm));
                    least[c] = Math.Max(least[c], Padding + (LongestWord(text) * HalfEm));
                }
            }
        }

        var widths = new int[columns];
        var open = Enumerable.Range(0, columns).ToList();
        var remaining = width;

        // The columns that fit in an equal share of what is left take their natural width, until none does.
        while (open.Count > 0)
        {
            var share = remaining / open.Count;
            var fitting = open.Where(c => natural[c] <= share).ToList();
            if (fitting.Count == 0)
            {
                break;
            }

            foreach (var c in fitting)
            {
                widths[c] = natural[c];
                remaining -= natural[c];
                open.Remove(c);
            }
        }

        if (open.Count == 0)
        {
            // Everything fits: widen every column alike to the page's width.
            return Fill(natural, width);
        }

        // The long columns share what is left in proportion to their text, each at least its longest word.
        var total = open.Sum(c => (long)natural[c]);
        foreach (var c in open)
        {
            widths[c] = (int)(remaining * natural[c] / total);
        }

        foreach (var c in open.Where(c => widths[c] < least[c]))
        {
            widths[c] = least[c];
        }

        return Fill(widths, width);
    }

    /// <summary>The longest stretch that cannot break across lines, in half-ems: a Latin word or number, or one wide character.</summary>
    private static int LongestWord(string text)
    {
        var longest = 0;
        var current = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (SheetText.IsWide(rune.Value))
            {
                current = 0;
                longest = Math.Max(longest, 2);
            }
            else if (Rune.IsWhiteSpace(rune) || rune.Value is '-' or '/')
            {
                current = 0;
            }
            else
            {
                longest = Math.Max(longest, ++current);
            }
        }

        return longest;
    }

    /// <summary><paramref name="widths"/> scaled in proportion to add up to exactly <paramref name="width"/>.</summary>
    private static int[] Fill(int[] widths, int width)
    {
        var total = widths.Sum(w => (long)w);
        var scaled = widths.Select(w => (int)(width * (long)w / total)).ToArray();
        scaled[^1] += width - scaled.Sum();
        return scaled;
    }
}
