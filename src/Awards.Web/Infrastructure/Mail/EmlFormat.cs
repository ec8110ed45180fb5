using System.Globalization;
using System.Text;

namespace Awards.Web.Infrastructure.Mail;

/// <summary>A message stored as an RFC 5322 .eml file, UTF-8 text in base64, and read back.</summary>
public static class EmlFormat
{
    public static string Write(string fromName, string fromAddress, OutgoingMail mail, DateTimeOffset date)
    {
        var b = new StringBuilder();
        b.Append("From: ").Append(EncodeWord(fromName)).Append(" <").Append(fromAddress).Append(">\r\n");
        b.Append("To: <").Append(mail.To).Append(">\r\n");
        b.Append("Subject: ").Append(EncodeWord(mail.Subject)).Append("\r\n");
        b.Append("Date: ").Append(date.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture)).Append("\r\n");
        b.Append("Message-ID: <").Append(Guid.NewGuid().ToString("N")).Append("@awards>\r\n");
        b.Append("MIME-Version: 1.0\r\n");
        b.Append("Content-Type: text/plain; charset=utf-8\r\n");
        b.Append("Content-Transfer-Encoding: base64\r\n\r\n");
        var body = Convert.ToBase64String(Encoding.UTF8.GetBytes(mail.Body));
        for (var i = 0; i < body.Length; i += 76)
        {
            b.Append(body, i, Math.Min(76, body.Length - i)).Append("\r\n");
        }

        return b.ToString();
    }

    public static StoredMail Read(string id, string text)
    {
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var rawBody = split < 0 ? string.Empty : text[(split + 4)..];
        var headers = head.Split("\r\n")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.OrdinalIgnoreCase);

        string Header(string name) => headers.TryGetValue(name, out var value) ? value : string.Empty;

        var body = Header("Content-Transfer-Encoding").Equals("base64", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(rawBody.Split("\r\n"))))
            : rawBody;
        _ = DateTimeOffset.TryParse(Header("Date"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date);
        return new StoredMail(id, DecodeWord(Header("From")), Header("To").Trim('<', '>'), DecodeWord(Header("Subject")), date, body);
    }

    private static string EncodeWord(string text) =>
        text.All(c => c is >= ' ' and <= '~') ? text : $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}?=";

    private static string DecodeWord(string text)
    {
        const string Prefix = "=?utf-8?B?";
        var start = text.IndexOf(Prefix, StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return text;
        }

        var end = text.IndexOf("?=", start + Prefix.Length, StringComparison.Ordinal);
        if (end < 0)
        {
            return text;
        }

        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(text[(start + Prefix.Length)..end]));
        return text[..start] + decoded + DecodeWord(text[(end + 2)..]);
    }
}

public sealed record StoredMail(string Id, string From, string To, string Subject, DateTimeOffset Date, string Body);
