using System.Security.Cryptography;

namespace Awards.Core.Results;

/// <summary>
/// The reference an objector is given (异议编号), e.g. <c>YY-7K3M-9Q2X</c>: "YY" (异议) and eight
/// random characters of Crockford's base32, 2^40 references, so that nobody reaches someone
/// else's objection by counting or guessing. The prefix keeps it apart from an entry's code and
/// a certificate's, which are typed into other boxes.
/// </summary>
public static class ObjectionReference
{
    public const int Length = 12;

    private const string Prefix = "YY-";

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<char> chars = stackalloc char[Length];
        Prefix.AsSpan().CopyTo(chars);
        for (var i = Prefix.Length; i < Length; i++)
        {
            chars[i] = i == 7 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>A reference as someone typed it, the way it is stored: trimmed, in capitals.</summary>
    public static string Normalize(string? typed) => (typed ?? string.Empty).Trim().ToUpperInvariant();
}
