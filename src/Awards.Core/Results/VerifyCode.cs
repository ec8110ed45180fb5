using System.Security.Cryptography;

namespace Awards.Core.Results;

/// <summary>
/// The code printed on a certificate and in its QR code: twelve characters of Crockford's base32
/// in three groups (e.g. <c>7K3M-9Q2X-4HTB</c>), 2^60 codes, so that nobody can guess a valid one.
/// </summary>
public static class VerifyCode
{
    public const int Length = 14;

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = i is 4 or 9 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(chars);
    }

    public static bool IsWellFormed(string? code) =>
        code is { Length: Length }
        && code[4] == '-' && code[9] == '-'
        && code.Where((c, i) => i is not (4 or 9)).All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
