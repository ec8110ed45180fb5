using System.Text.RegularExpressions;
using Awards.Web.Infrastructure.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Infrastructure;

public static partial class Mails
{
    /// <summary>
    /// The messages delivered to the site's pickup folder, once the outbox has delivered what is due
    /// (the site's own delivery runs in the background and may not have reached the last message yet).
    /// </summary>
    public static async Task<IReadOnlyList<StoredMail>> InAsync(AwardsFactory factory)
    {
        await factory.Services.GetRequiredService<MailDelivery>().DeliverDueAsync(CancellationToken.None);
        return In(factory.MailFolder);
    }

    /// <summary>The one message to <paramref name="address"/>, or the one with <paramref name="subject"/> among theirs.</summary>
    public static async Task<StoredMail> ToAsync(AwardsFactory factory, string address, string? subject = null) =>
        Assert.Single(await InAsync(factory), m => m.To == address && (subject is null || m.Subject == subject));

    /// <summary>What the folder holds now, delivered or not.</summary>
    public static IReadOnlyList<StoredMail> In(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.eml").Select(f => EmlFormat.Read(Path.GetFileNameWithoutExtension(f), File.ReadAllText(f))).ToList()
            : [];

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
