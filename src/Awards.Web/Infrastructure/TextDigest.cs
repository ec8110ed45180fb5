using System.Security.Cryptography;
using System.Text;

namespace Awards.Web.Infrastructure;

/// <summary>
/// A text's SHA-256 in hexadecimal: a settings page's stamp of what was saved when it was opened,
/// and the audit log's fingerprint of a text too long to copy into it.
/// </summary>
public static class TextDigest
{
    public static string Of(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
