using System.Text;
using System.Text.RegularExpressions;
using Awards.Core.Common;

namespace Awards.Core.Contests;

/// <summary>
/// The document number (发文字号) the commendation notice bears under its red header, as GB/T 9704
/// writes it: the office's code, the year in full in 六角括号, the number without 第 or leading
/// zeros, then 号, e.g. 石扶组〔2026〕3号.
/// </summary>
public static partial class DocumentNumber
{
    /// <summary>More than a real one needs (the codes of joint offices run to a dozen characters).</summary>
    public const int MaxLength = 30;

    /// <summary>The rule's message, a localization key.</summary>
    public const string FormMessage = "The document number is the office's code, the year in 〔〕 and the number, e.g. 石扶组〔2026〕3号.";

    /// <summary>
    /// The number as the notice prints it: trimmed, full-width digits as ASCII ones, and the year's
    /// brackets, typed as [], ［］, ()、（） or 【】 for want of 〔〕 on a keyboard, made 〔〕;
    /// empty for none. Throws a <see cref="DomainException"/> for anything else.
    /// </summary>
    public static string Normalize(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return string.Empty;
        }

        var digits = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            digits.Append(c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c);
        }

        var match = trimmed.Length <= MaxLength ? Pattern().Match(digits.ToString()) : Match.Empty;
        if (!match.Success)
        {
            throw new DomainException(FormMessage);
        }

        return $"{match.Groups["code"].Value}〔{match.Groups["year"].Value}〕{match.Groups["number"].Value}号";
    }

    // The code: Chinese characters (and Latin letters, which some offices' codes have); the year's
    // opening and closing brackets of one kind; the number from 1, no leading zeros.
    [GeneratedRegex(@"^(?<code>[\p{IsCJKUnifiedIdeographs}A-Za-z]{1,20})(?:〔(?<year>[0-9]{4})〕|\[(?<year>[0-9]{4})\]|［(?<year>[0-9]{4})］|\((?<year>[0-9]{4})\)|（(?<year>[0-9]{4})）|【(?<year>[0-9]{4})】)(?<number>[1-9][0-9]{0,4})号$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
