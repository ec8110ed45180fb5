using System.Globalization;
using System.Text;

namespace Awards.Core.Scoring.Sheets;

/// <summary>How a sheet's text is compared and how its numbers are read.</summary>
internal static class SheetText
{
    /// <summary>Above this a score is a typing error, whatever the rubric.</summary>
    public const decimal MaxPlausibleScore = 1_000_000m;

    private const char FullWidthFirst = '\uFF01';
    private const char FullWidthLast = '\uFF5E';
    private const int FullWidthOffset = 0xFEE0;

    public static bool IsBlank(string text) => Fold(text).Trim().Length == 0;

    /// <summary>
    /// Folds full-width ASCII (typed with a Chinese input method) and the ideographic space to
    /// ASCII, the various dashes and the minus sign to '-', and drops zero-width characters.
    /// </summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case >= FullWidthFirst and <= FullWidthLast:
                    builder.Append((char)(c - FullWidthOffset));
                    break;
                case '\u3000':
                    builder.Append(' ');
                    break;
                case (>= '\u2010' and <= '\u2015') or '\u2212':
                    builder.Append('-');
                    break;
                case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF':
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>A header or a name as compared: folded, trimmed, inner spaces single, lower case.</summary>
    public static string Key(string text) =>
        string.Join(' ', Fold(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>
    /// Reads a score typed as text: ASCII or full-width digits, an optional sign, and one decimal
    /// point or decimal comma ("8,5" is 8.5). No thousands separators or exponents.
    /// </summary>
    public static bool TryParseTyped(string text, out decimal value)
    {
        var folded = Fold(text).Trim();
        if (folded.Contains(',', StringComparison.Ordinal) && !folded.Contains('.', StringComparison.Ordinal))
        {
            folded = folded.Replace(',', '.');
        }

        return decimal.TryParse(folded, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Reads the value of a workbook's numeric cell, which is a double written in invariant culture
    /// (85.5, 1E-3, 85.499999999999986). Converting the double keeps 15 significant digits, which
    /// drops the binary noise of Excel's arithmetic.
    /// </summary>
    public static bool TryParseStored(string text, out decimal value, out bool plausible)
    {
        value = 0;
        plausible = false;
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            return false;
        }

        if (number < 0 || number > (double)MaxPlausibleScore)
        {
            return true;
        }

        value = (decimal)number;
        plausible = true;
        return true;
    }
}
