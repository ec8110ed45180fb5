using System.Globalization;
using System.Security.Cryptography;
using Awards.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Awards.Web.Features.Security;

/// <summary>
/// The authenticator app's codes (RFC 6238: HMAC-SHA1, 30-second steps, six digits), each good once
/// (ASVS 2.8.4). Identity's own provider takes a code again and again while it is in its window, so
/// someone who saw a code typed could sign in with it for the next minute or two. This one accepts
/// the same window (two steps either side of now, as Identity's), but only a step after the last
/// one the account used (<see cref="AppUser.AuthenticatorStep"/>), and saves the step it accepted.
/// A code just used to turn two-step verification on therefore cannot also sign in: the next one
/// can, half a minute later. Two requests racing with one code: the account's concurrency stamp
/// lets only one save.
/// </summary>
public sealed class OneUseAuthenticatorTokenProvider(TimeProvider time) : AuthenticatorTokenProvider<AppUser>
{
    private const int Window = 2;

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token is not { Length: 6 } || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            || Decode(key) is not { Length: > 0 } secret)
        {
            return false;
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds() / 30;
        for (var step = now - Window; step <= now + Window; step++)
        {
            if (step > (user.AuthenticatorStep ?? long.MinValue) && Code(secret, step) == code)
            {
                user.AuthenticatorStep = step;
                return (await manager.UpdateAsync(user)).Succeeded;
            }
        }

        return false;
    }

    private static int Code(byte[] secret, long step)
    {
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

        // SHA-1 is what RFC 6238 and every authenticator app use; inside HMAC it is sound.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return binary % 1_000_000;
    }

    // The key as Identity keeps it: RFC 4648 base 32, upper case, no padding; null if it is not.
    private static byte[]? Decode(string key)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(key.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in key.TrimEnd('='))
        {
            var value = Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            buffer = (buffer << 5) | value;
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
