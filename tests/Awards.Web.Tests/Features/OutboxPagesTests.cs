using System.Text.RegularExpressions;
using Awards.Web.Data;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Features;

/// <summary>
/// A province's reminders and notices are thousands of messages: the organizer's outgoing mail page
/// lists the sent ones fifty at a time, newest first, and finds the messages to one address.
/// </summary>
public sealed partial class OutboxPagesTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task SentMail_IsListedFiftyAPage_AndASearchFindsOneAddresssMessages_SentAndFailed()
    {
        var start = factory.Clock.UtcNow.AddHours(-3);
        factory.WithDb(db =>
        {
            for (var i = 1; i <= 120; i++)
            {
                db.MailOutbox.Add(new OutboxMail
                {
                    To = $"reader{i:D3}@example.org",
                    Subject = $"提醒 {i}",
                    About = "a test",
                    Status = OutboxMailStatus.Sent,
                    Attempts = 1,
                    CreatedAt = start.AddMinutes(i),
                    NextAttemptAt = start.AddMinutes(i),
                    SentAt = start.AddMinutes(i),
                });
            }

            db.MailOutbox.Add(new OutboxMail
            {
                To = "Reader007@Example.org",
                Subject = "未送达",
                Body = "正文",
                About = "a test",
                Status = OutboxMailStatus.Failed,
                Attempts = 8,
                CreatedAt = start,
                NextAttemptAt = start,
                LastError = "550 mailbox unavailable",
            });
            return db.SaveChanges();
        });
        var sent = factory.WithDb(db => db.MailOutbox.Count(m => m.Status == OutboxMailStatus.Sent));

        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var first = await organizer.GetStringAsync("/organizer/outbox");
        Assert.Equal(50, SentRows(first).Count);
        Assert.Equal("reader120@example.org", SentRows(first)[0]);
        Assert.Contains($"已发送 {sent} 封邮件，保留 90 天，不含正文。", first, StringComparison.Ordinal);

        var pages = (sent + 49) / 50;
        var listed = new List<string>();
        for (var page = 1; page <= pages; page++)
        {
            listed.AddRange(SentRows(await organizer.GetStringAsync($"/organizer/outbox?page={page}")));
        }

        Assert.Equal(sent, listed.Count);
        Assert.Equal(120, listed.Count(a => a.StartsWith("reader", StringComparison.Ordinal)));
        Assert.Equal(SentRows(await organizer.GetStringAsync($"/organizer/outbox?page={pages}")), SentRows(await organizer.GetStringAsync("/organizer/outbox?page=999")));

        // One address, whatever its case: its sent message and its failed one, and nobody else's.
        var found = await organizer.GetStringAsync("/organizer/outbox?to=READER007");
        Assert.Equal(["reader007@example.org"], SentRows(found));
        Assert.Contains("<td>Reader007@Example.org</td>", found, StringComparison.Ordinal);
        Assert.Contains("550 mailbox unavailable", found, StringComparison.Ordinal);
        Assert.DoesNotContain("reader008@example.org", found, StringComparison.Ordinal);
        Assert.Contains("value=\"READER007\"", found, StringComparison.Ordinal);

        var nobody = await organizer.GetStringAsync("/organizer/outbox?to=nobody.here");
        Assert.Contains("没有发往该地址的待发邮件。", nobody, StringComparison.Ordinal);
        Assert.Contains("没有发往该地址的已发送邮件。", nobody, StringComparison.Ordinal);
    }

    private static List<string> SentRows(string page)
    {
        var table = page.IndexOf("data-testid=\"outbox-sent\"", StringComparison.Ordinal);
        if (table < 0)
        {
            return [];
        }

        var end = page.IndexOf("</table>", table, StringComparison.Ordinal);
        return [.. SentAddress().Matches(page[table..end]).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex("<tr><td class=\"small\">[^<]*</td><td>([^<]+)</td>")]
    private static partial Regex SentAddress();
}
