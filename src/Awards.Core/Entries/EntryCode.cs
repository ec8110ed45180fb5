using System.Security.Cryptography;

namespace Awards.Core.Entries;

/// <summary>
/// The public code of an entry: random, never sequential, so that it tells a judge or a visitor
/// nothing about who submitted when. Eight characters of Crockford's base32 (no I, L, O, U) in
/// two groups, e.g. <c>7K3M-9Q2X</c>: 2^40 codes, read aloud and typed without confusion.
/// </summary>
public static class EntryCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public const int Length = 9;

    public static string New()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = i == 4 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(chars);
    }

    public static bool IsWellFormed(string? code) =>
        code is { Length: Length }
        && code[4] == '-'
        && code.Where((c, i) => i != 4).All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
