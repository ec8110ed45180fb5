using System.Buffers;

namespace Awards.Core.Anonymization;

/// <summary>
/// Finds phone numbers: every mainland mobile number (1, then 3 to 9, then nine digits) and the
/// given numbers, however their digits are grouped. Digits may be separated by white space,
/// hyphens, dots, parentheses, invisible characters or emphasis markers (at most
/// <see cref="MaxGap"/> of them between two digits, never a line break), full-width digits count,
/// and a +86, 0086 or 86 in front is redacted along with the number. A given landline also
/// matches without its leading 0 after +86, and its local number alone without the area code.
/// A match that a digit directly touches is part of a longer number (an id, an account) and is
/// left alone; a separator between them is a boundary, so 2024 13800138000 still loses the phone.
/// <para>
/// A given number also matches in Chinese numerals, as people read digits out (一三八〇〇一三八〇〇〇,
/// 壹叁捌…, 幺 and 洞 for 1 and 0, mixed with Arabic digits, also with 、 or ， between them). Only
/// the given numbers: a run of numerals is ordinary text too often to take any eleven of them for
/// a mobile number.
/// </para>
/// </summary>
internal sealed class PhoneMatcher
{
    private const int MaxGap = 4;
    private const int MinDigits = 7;
    private const int MobileDigits = 11;
    private static readonly string[] CountryPrefixes = ["0086", "86"];

    // Each digit followed by the Chinese numerals read as it; looked up folded (貳 as 贰, 陸 as 陆).
    private static readonly string[] Numerals = ["0〇零○◯洞", "1一壹幺", "2二贰两", "3三叁参", "4四肆", "5五伍", "6六陆", "7七柒拐", "8八捌", "9九玖"];
    private static readonly Dictionary<char, char> DigitOfNumeral = Numerals
        .SelectMany(digit => digit[1..].Select(numeral => (Numeral: Chars.Fold(numeral), Digit: digit[0])))
        .DistinctBy(pair => pair.Numeral)
        .ToDictionary(pair => pair.Numeral, pair => pair.Digit);
    private static readonly SearchValues<char> NumeralChars = SearchValues.Create([.. DigitOfNumeral.Keys]);

    private readonly List<(string Digits, bool NeedsCountryCode)> _given = [];

    private PhoneMatcher()
    {
    }

    public static PhoneMatcher Create(IReadOnlyList<string> phones)
    {
        var matcher = new PhoneMatcher();
        foreach (var phone in phones)
        {
            if (!string.IsNullOrWhiteSpace(phone))
            {
                matcher.Add(phone);
            }
        }

        return matcher;
    }

    public void Find(string source, List<Span> spans)
    {
        var text = source.AsSpan();
        if (text.IndexOfAnyInRange('0', '9') < 0 && text.IndexOfAnyInRange('０', '９') < 0)
        {
            return;
        }

        var digits = DigitRun.Create(source, numerals: false);
        for (var i = 0; i + MobileDigits <= digits.Count; i++)
        {
            if (digits.Text[i] == '1' && digits.Text[i + 1] is >= '3' and <= '9' && digits.Joined(i, i + MobileDigits))
            {
                digits.TryAdd(source, i, i + MobileDigits, needsCountryCode: false, spans);
            }
        }

        foreach (var (given, needsCountryCode) in _given)
        {
            for (var at = digits.Text.IndexOf(given, StringComparison.Ordinal); at >= 0; at = digits.Text.IndexOf(given, at + 1, StringComparison.Ordinal))
            {
                if (digits.Joined(at, at + given.Length))
                {
                    digits.TryAdd(source, at, at + given.Length, needsCountryCode, spans);
                }
            }
        }
    }

    /// <summary>Adds the given numbers written in Chinese numerals, with or without Arabic digits among them.</summary>
    public void FindInNumerals(string source, List<Span> spans)
    {
        if (_given.Count == 0 || !HasNumeral(source))
        {
            return;
        }

        var digits = DigitRun.Create(source, numerals: true);
        foreach (var (given, needsCountryCode) in _given)
        {
            for (var at = digits.Text.IndexOf(given, StringComparison.Ordinal); at >= 0; at = digits.Text.IndexOf(given, at + 1, StringComparison.Ordinal))
            {
                if (digits.Joined(at, at + given.Length))
                {
                    digits.TryAdd(source, at, at + given.Length, needsCountryCode, spans);
                }
            }
        }
    }

    private static bool HasNumeral(string source)
    {
        foreach (var c in source)
        {
            if (NumeralChars.Contains(Chars.Fold(c)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The digit a folded character stands for, or <c>'\0'</c>.</summary>
    private static char DigitOf(char folded, bool numerals) =>
        Chars.IsDigit(folded) ? folded
        : numerals && NumeralChars.Contains(folded) && DigitOfNumeral.TryGetValue(folded, out var digit) ? digit
        : '\0';

    private static bool IsSeparator(char folded) =>
        Chars.IsSpace(folded) || Chars.IsInvisible(folded) || Chars.IsHyphen(folded) || Chars.IsEmphasis(folded)
        || folded is '.' or '(' or ')';

    private void Add(string phone)
    {
        var digits = string.Concat(phone.Select(Chars.Fold).Where(Chars.IsDigit));
        if (digits.StartsWith("0086", StringComparison.Ordinal))
        {
            digits = digits[4..];
        }
        else if (digits.StartsWith("86", StringComparison.Ordinal) && digits.Length - 2 >= 10)
        {
            digits = digits[2..];
        }

        if (digits.Length < MinDigits)
        {
            return;
        }

        _given.Add((digits, false));
        if (digits[0] == '0' && digits.Length >= 10)
        {
            // 0571-88886666 is +86 571 8888 6666 abroad and 8888 6666 in town. Area codes after the
            // trunk 0 have two digits when they begin with 1 or 2 (010, 021), three otherwise (0571).
            _given.Add((digits[1..], true));
            var local = digits[(digits[1] is '1' or '2' ? 3 : 4)..];
            if (local.Length is 7 or 8)
            {
                _given.Add((local, false));
            }
        }
    }

    /// <summary>The digits of a text in order, where each came from, and which neighbours are joined only by separators.</summary>
    private sealed class DigitRun
    {
        private readonly int[] _positions;
        private readonly bool[] _joinedToNext;

        private DigitRun(string text, int[] positions, bool[] joinedToNext)
        {
            Text = text;
            _positions = positions;
            _joinedToNext = joinedToNext;
        }

        public string Text { get; }

        public int Count => Text.Length;

        /// <summary>With <paramref name="numerals"/> Chinese numerals are digits too, and 、 or a comma may separate them.</summary>
        public static DigitRun Create(string source, bool numerals)
        {
            var digits = new char[source.Length];
            var positions = new int[source.Length];
            var joined = new bool[source.Length];
            var count = 0;
            var gap = 0;
            var broken = false;
            for (var i = 0; i < source.Length; i++)
            {
                var c = Chars.Fold(source[i]);
                var digit = DigitOf(c, numerals);
                if (digit != '\0')
                {
                    if (count > 0)
                    {
                        joined[count - 1] = !broken && gap <= MaxGap;
                    }

                    digits[count] = digit;
                    positions[count] = i;
                    count++;
                    gap = 0;
                    broken = false;
                }
                else if (IsSeparator(c) || (numerals && c is '、' or ','))
                {
                    gap++;
                }
                else
                {
                    broken = true;
                }
            }

            return new DigitRun(new string(digits, 0, count), positions, joined);
        }

        /// <summary>Whether digits <paramref name="from"/> to <paramref name="to"/> - 1 form one separated number.</summary>
        public bool Joined(int from, int to)
        {
            for (var i = from; i < to - 1; i++)
            {
                if (!_joinedToNext[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Adds digits <paramref name="from"/> to <paramref name="to"/> - 1 with any country code in front, unless a digit touches them.</summary>
        public void TryAdd(string source, int from, int to, bool needsCountryCode, List<Span> spans)
        {
            if (to < Count && _positions[to] == _positions[to - 1] + 1)
            {
                return;
            }

            var first = -1;
            foreach (var prefix in CountryPrefixes)
            {
                var at = from - prefix.Length;
                if (at >= 0 && Text.AsSpan(at, prefix.Length).SequenceEqual(prefix) && Joined(at, from + 1) && !DigitTouchesBefore(at))
                {
                    first = at;
                    break;
                }
            }

            if (first < 0)
            {
                if (needsCountryCode || DigitTouchesBefore(from))
                {
                    return;
                }

                first = from;
            }

            var start = _positions[first];
            var end = _positions[to - 1] + 1;
            if (start > 0 && Chars.Fold(source[start - 1]) == '+')
            {
                start--;
            }

            // (0571) 8888 6666: take the parenthesis that the match would otherwise leave unpaired.
            var open = 0;
            var close = 0;
            for (var i = start; i < end; i++)
            {
                var c = Chars.Fold(source[i]);
                open += c == '(' ? 1 : 0;
                close += c == ')' ? 1 : 0;
            }

            if (close > open && start > 0 && Chars.Fold(source[start - 1]) == '(')
            {
                start--;
            }
            else if (open > close && end < source.Length && Chars.Fold(source[end]) == ')')
            {
                end++;
            }

            spans.Add(new Span(start, end, RedactionKind.Phone));
        }

        private bool DigitTouchesBefore(int index) => index > 0 && _positions[index - 1] == _positions[index] - 1;
    }
}
