using System.Text;
using System.Text.RegularExpressions;

namespace Awards.Core.Anonymization;

/// <summary>
/// Finds e-mail addresses: every address in the text, whoever it belongs to (a judge can look up
/// any address), and the given addresses also when written to fool harvesters: with a full-width
/// ＠, with <c>#</c>, <c> at </c>, <c>(at)</c> or <c>[at]</c> for the @, and with <c> dot </c>,
/// <c>(dot)</c> or 。 for the dots. Matching runs on <see cref="TextView.ForEmails"/>, so case,
/// full-width letters, zero-width characters, emphasis markers and <c>%40</c> in a mailto: URL
/// don't hide an address. Any address is found by one expression built once and run with
/// <see cref="RegexOptions.NonBacktracking"/> (linear whatever an author writes); the given
/// addresses are read by hand, because building an expression for each entry's terms cost
/// milliseconds, more than all the rest of a redaction.
/// </summary>
internal sealed partial class EmailMatcher
{
    private const string OpenBrackets = "([{<";
    private const string CloseBrackets = ")]}>";

    private readonly List<(string Local, string[] Labels)> _given = [];

    private EmailMatcher()
    {
    }

    public static EmailMatcher Create(IReadOnlyList<string> emails)
    {
        var matcher = new EmailMatcher();
        foreach (var email in emails)
        {
            if (!string.IsNullOrWhiteSpace(email))
            {
                matcher.Add(email);
            }
        }

        return matcher;
    }

    public void Find(string source, List<Span> spans)
    {
        if (_given.Count == 0 && source.IndexOfAny(['@', '＠']) < 0 && !source.Contains("%40", StringComparison.Ordinal))
        {
            return;
        }

        var view = TextView.ForEmails(source);
        FindAddresses(view, spans);

        foreach (var (local, labels) in _given)
        {
            var text = view.Text;
            for (var at = text.IndexOf(local, StringComparison.Ordinal); at >= 0; at = text.IndexOf(local, at + 1, StringComparison.Ordinal))
            {
                var end = at + local.Length;
                if ((at == 0 || !IsLocalChar(text[at - 1])) && TryReadDomain(text, ref end, labels) && (end == text.Length || !IsDomainChar(text[end])))
                {
                    Add(view, at, end - at, spans);
                }
            }
        }
    }

    /// <summary>
    /// Runs the expression only around each @, on the run of address characters that holds it:
    /// on long Chinese text that is much faster than scanning every character, and finds the same.
    /// </summary>
    private static void FindAddresses(TextView view, List<Span> spans)
    {
        var text = view.Text;
        for (var at = text.IndexOf('@', StringComparison.Ordinal); at >= 0; at = text.IndexOf('@', at + 1))
        {
            var start = at;
            while (start > 0 && IsLocalChar(text[start - 1]))
            {
                start--;
            }

            var end = at + 1;
            while (end < text.Length && (IsDomainChar(text[end]) || text[end] == '.'))
            {
                end++;
            }

            if (start < at)
            {
                var match = Address().Match(text, start, end - start);
                if (match.Success)
                {
                    Add(view, match.Index, match.Length, spans);
                }
            }
        }
    }

    private static void Add(TextView view, int index, int length, List<Span> spans)
    {
        var (start, end) = view.Original(index, length);
        spans.Add(new Span(start, end, RedactionKind.Email));
    }

    /// <summary>Reads the @ and the domain after a local part, each separator written in any of the accepted ways.</summary>
    private static bool TryReadDomain(string text, ref int index, string[] labels)
    {
        if (!TryReadSeparator(text, ref index, "at", "@#"))
        {
            return false;
        }

        for (var i = 0; i < labels.Length; i++)
        {
            if (i > 0 && !TryReadSeparator(text, ref index, "dot", ".。"))
            {
                return false;
            }

            if (!text.AsSpan(index).StartsWith(labels[i], StringComparison.Ordinal))
            {
                return false;
            }

            index += labels[i].Length;
        }

        return true;
    }

    /// <summary>The symbol itself, or the word in brackets with optional blanks around it, or the word between blanks.</summary>
    private static bool TryReadSeparator(string text, ref int index, string word, string symbols)
    {
        var i = index;
        if (i < text.Length && symbols.Contains(text[i], StringComparison.Ordinal))
        {
            index = i + 1;
            return true;
        }

        var blanksBefore = SkipBlanks(text, ref i);
        var close = i + 1 + word.Length;
        if (close < text.Length && OpenBrackets.Contains(text[i], StringComparison.Ordinal)
            && text.AsSpan(i + 1).StartsWith(word, StringComparison.Ordinal) && CloseBrackets.Contains(text[close], StringComparison.Ordinal))
        {
            i = close + 1;
            SkipBlanks(text, ref i);
            index = i;
            return true;
        }

        if (blanksBefore > 0 && text.AsSpan(i).StartsWith(word, StringComparison.Ordinal))
        {
            i += word.Length;
            if (SkipBlanks(text, ref i) > 0)
            {
                index = i;
                return true;
            }
        }

        return false;
    }

    private static int SkipBlanks(string text, ref int index)
    {
        var start = index;
        while (index < text.Length && Chars.IsSpace(text[index]))
        {
            index++;
        }

        return index - start;
    }

    private static bool IsDomainChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '-';

    private static bool IsLocalChar(char c) => IsDomainChar(c) || c is '.' or '_' or '%' or '+';

    private void Add(string email)
    {
        var folded = new StringBuilder(email.Length);
        foreach (var c in email)
        {
            var f = Chars.Fold(c);
            if (!Chars.IsSpace(f) && !Chars.IsLineBreak(f) && !Chars.IsInvisible(f))
            {
                folded.Append(f);
            }
        }

        var address = folded.ToString();
        var at = address.IndexOf('@', StringComparison.Ordinal);
        var labels = address[(at + 1)..].Split('.');
        if (at > 0 && at == address.LastIndexOf('@') && labels.Length >= 2 && !labels.Any(string.IsNullOrEmpty)
            && !_given.Exists(given => given.Local == address[..at] && given.Labels.SequenceEqual(labels)))
        {
            _given.Add((address[..at], labels));
        }
    }

    [GeneratedRegex(@"[a-z0-9._%+\-]+@[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
