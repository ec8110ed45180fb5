using System.Text.RegularExpressions;
using Awards.Web.Infrastructure.Mail;

namespace Awards.Web.Tests.Infrastructure;

public static partial class Mails
{
    public static IReadOnlyList<StoredMail> In(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.eml").Select(f => EmlFormat.Read(Path.GetFileNameWithoutExtension(f), File.ReadAllText(f))).ToList()
            : [];

    public static StoredMail To(string folder, string address) => Assert.Single(In(folder), m => m.To == address);

    /// <summary>The link in a message, made relative to the site so the test client can follow it.</summary>
    public static string LinkIn(StoredMail mail)
    {
        var match = LinkPattern().Match(mail.Body);
        Assert.True(match.Success, "the message has no link");
        return new Uri(match.Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
