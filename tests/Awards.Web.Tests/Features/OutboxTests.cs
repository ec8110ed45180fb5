using System.Net;
using System.Net.Mail;
using Awards.Web.Data;
using Awards.Web.Infrastructure.Mail;
using Awards.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Features;

/// <summary>
/// The outbox (ADR 0012): a mail is saved with the change it tells of and delivered after the
/// answer, in the background; a mail server that is down delays it and is retried, and a message
/// that cannot go is shown to the organizer, who can try it again. Nothing is lost silently.
/// </summary>
public sealed class OutboxTests(OutboxTests.MailServerFactory factory) : IClassFixture<OutboxTests.MailServerFactory>
{
    [Fact]
    public async Task AMailIsDeliveredInTheBackground_RightAfterTheAnswer_AndKeepsNoLinkOnceSent()
    {
        const string email = "author.wu@demo.example";
        await AccountSecurityTests.ForgotAsync(new Browser(factory), email);

        // Nobody drains the outbox here: the site's own delivery, woken by the save, does it.
        StoredMail? delivered = null;
        for (var waited = 0; delivered is null && waited < 15_000; waited += 100)
        {
            await Task.Delay(100);
            delivered = Mails.In(factory.MailFolder).SingleOrDefault(m => m.To == email);
        }

        Assert.NotNull(delivered);
        Assert.Contains("/account/reset-password?", delivered.Body, StringComparison.Ordinal);
        var row = factory.WithDb(db => db.MailOutbox.Single(m => m.To == email));
        Assert.Equal(OutboxMailStatus.Sent, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Equal(string.Empty, row.Body);

        var outbox = await (await Nominating.SignedInAsync(factory, "organizer@demo.example")).GetStringAsync("/organizer/outbox");
        Assert.Contains(email, outbox, StringComparison.Ordinal);
        Assert.Contains("重设密码", outbox, StringComparison.Ordinal);
        Assert.DoesNotContain("reset-password?", outbox, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMailServerThatIsDown_DelaysTheMail_EightTriesThenTheOrganizerSeesItFailed_AndTriesItAgain()
    {
        const string email = "author.yang@demo.example";
        var delivery = factory.Services.GetRequiredService<MailDelivery>();
        factory.Transport.Down = true;
        try
        {
            // The person asking is answered as usual: the mail server's trouble is not theirs.
            Assert.Contains("data-testid=\"forgot-sent\"", await AccountSecurityTests.ForgotAsync(new Browser(factory), email), StringComparison.Ordinal);
            await delivery.DeliverDueAsync(CancellationToken.None);
            var first = Row(email);
            Assert.Equal((OutboxMailStatus.Waiting, 1), (first.Status, first.Attempts));
            Assert.Contains("mail server is down", first.LastError, StringComparison.Ordinal);
            Assert.InRange(first.NextAttemptAt - first.CreatedAt, MailDelivery.Delay(1), MailDelivery.Delay(1) + TimeSpan.FromSeconds(30));

            // Not tried again before its time; then once per wait, until the eighth failure.
            await delivery.DeliverDueAsync(CancellationToken.None);
            Assert.Equal(1, Row(email).Attempts);
            for (var attempt = 2; attempt <= OutboxMail.MaxAttempts; attempt++)
            {
                factory.Clock.Offset += MailDelivery.Delay(attempt - 1) + TimeSpan.FromSeconds(1);
                await delivery.DeliverDueAsync(CancellationToken.None);
                Assert.Equal(attempt, Row(email).Attempts);
            }

            Assert.Equal(OutboxMailStatus.Failed, Row(email).Status);
            Assert.DoesNotContain(Mails.In(factory.MailFolder), m => m.To == email);
        }
        finally
        {
            factory.Transport.Down = false;
        }

        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        Assert.Matches("有 [0-9]+ 封邮件未能送达。", await organizer.GetStringAsync("/organizer"));
        var page = await organizer.GetStringAsync("/organizer/outbox");
        var id = Row(email).Id;
        Assert.Contains($"action=\"/organizer/outbox/{id}/retry\"", page, StringComparison.Ordinal);
        Assert.Contains("The mail server is down", page, StringComparison.Ordinal);
        Assert.DoesNotContain("reset-password?", page, StringComparison.Ordinal);

        using (var retry = await organizer.PostAsync("/organizer/outbox", $"/organizer/outbox/{id}/retry"))
        {
            Assert.Equal("/organizer/outbox", retry.Headers.Location?.OriginalString);
        }

        Assert.Contains($"发给 {email} 的邮件正在重试。", await organizer.GetStringAsync("/organizer/outbox"), StringComparison.Ordinal);
        var mail = await Mails.ToAsync(factory, email);
        Assert.Contains("/account/reset-password?", mail.Body, StringComparison.Ordinal);
        Assert.Equal((OutboxMailStatus.Sent, 1), (Row(email).Status, Row(email).Attempts));

        // A second click, and a made-up id, change nothing.
        (await organizer.PostAsync("/organizer/outbox", $"/organizer/outbox/{id}/retry")).Dispose();
        Assert.Contains("这封邮件并未发送失败", await organizer.GetStringAsync("/organizer/outbox"), StringComparison.Ordinal);
        using (var unknown = await organizer.PostAsync("/organizer/outbox", "/organizer/outbox/987654/retry"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        Assert.Single(await Mails.InAsync(factory), m => m.To == email);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Single(factory.WithDb(db => db.AuditLog.Where(a => a.Action == "RetryMail" && a.EntityKey == key).ToList()));
    }

    [Fact]
    public async Task AnAddressTheMailServerCannotTake_FailsAtOnce_AndEveryFailedMessageCanBeTriedAgainTogether()
    {
        const string email = "typo.judge@example.org";
        factory.Transport.Refused.Add(email);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        (await organizer.SubmitAsync("/organizer/users/invite", "/organizer/users/invite", new Dictionary<string, string> { ["Form.Email"] = email, ["Form.Name"] = "错字评委", ["Form.Role"] = "Judge" })).Dispose();
        await factory.Services.GetRequiredService<MailDelivery>().DeliverDueAsync(CancellationToken.None);
        Assert.Equal((OutboxMailStatus.Failed, 1), (Row(email).Status, Row(email).Attempts));

        factory.Transport.Refused.Remove(email);
        (await organizer.PostAsync("/organizer/outbox", "/organizer/outbox/retry-failed")).Dispose();
        Assert.Matches("[0-9]+ 封发送失败的邮件正在重试。", await organizer.GetStringAsync("/organizer/outbox"));
        Assert.Contains("/account/accept-invitation?", (await Mails.ToAsync(factory, email)).Body, StringComparison.Ordinal);

        (await organizer.PostAsync("/organizer/outbox", "/organizer/outbox/retry-failed")).Dispose();
        Assert.Contains("没有发送失败的邮件，无需重试。", await organizer.GetStringAsync("/organizer/outbox"), StringComparison.Ordinal);
    }

    private OutboxMail Row(string email) => factory.WithDb(db => db.MailOutbox.Single(m => m.To == email));

    /// <summary>The site with a mail server that can be down, or refuse an address, as the test says.</summary>
    public sealed class MailServerFactory : AwardsFactory
    {
        public SwitchableTransport Transport { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IMailTransport>(provider =>
            {
                Transport.Real = ActivatorUtilities.CreateInstance<MailTransport>(provider);
                return Transport;
            }));
        }
    }

    /// <summary>The site's own transport (the pickup folder), unless the test has it fail the way a mail server does.</summary>
    public sealed class SwitchableTransport : IMailTransport
    {
        public IMailTransport? Real { get; set; }

        public bool Down { get; set; }

        public HashSet<string> Refused { get; } = [];

        public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
        {
            if (Down)
            {
                throw new SmtpException(SmtpStatusCode.ServiceNotAvailable, "The mail server is down.");
            }

            if (Refused.Contains(mail.To))
            {
                throw new FormatException("The specified string is not in the form required for an e-mail address.");
            }

            return Real!.SendAsync(mail, cancellationToken);
        }
    }
}
