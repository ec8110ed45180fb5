using System.Security.Cryptography;

namespace Awards.Web.Tests.Infrastructure;

/// <summary>
/// What an authenticator app does with the key the site shows: the six-digit code of the moment.
/// Shared by the web tests and the browser tests (linked into both projects).
/// </summary>
public static class Authenticator
{
    /// <summary>The code an authenticator app shows at <paramref name="utc"/> (RFC 6238: HMAC-SHA1, 30-second steps, six digits).</summary>
    public static string Code(string groupedKey, DateTime utc)
    {
        var key = Base32(groupedKey.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant());
        var step = (long)(utc - DateTime.UnixEpoch).TotalSeconds / 30;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

        // SHA-1 is what RFC 6238 and every authenticator app use; HMAC keeps it sound here.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
