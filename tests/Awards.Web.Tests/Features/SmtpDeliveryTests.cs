using Awards.Web.Data;
using Awards.Web.Infrastructure.Mail;
using Awards.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Features;

/// <summary>
/// The outbox delivered through SMTP, as in production (`Mail:Smtp:Host`), to a mail server on a
/// local port: the message arrives with its Chinese subject and text intact, a server that is busy
/// delays it, and an address the server does not have fails at once for the organizer to see.
/// </summary>
public sealed class SmtpDeliveryTests(SmtpDeliveryTests.SmtpSite factory) : IClassFixture<SmtpDeliveryTests.SmtpSite>
{
    [Fact]
    public async Task AResetLink_GoesThroughTheMailServer_WithItsChineseSubjectAndText()
    {
        const string email = "author.li@demo.example";
        await ForgotAsync(email);
        await DeliverAsync();

        var (to, data) = Assert.Single(factory.Smtp.Received, m => m.To.Contains(email));
        Assert.Equal([email], to);
        var mail = EmlFormat.Read("smtp", data);
        Assert.Equal("重设密码", mail.Subject);
        Assert.Contains("李卫东", mail.Body, StringComparison.Ordinal);
        Assert.Contains("/account/reset-password?", mail.Body, StringComparison.Ordinal);
        Assert.Equal(OutboxMailStatus.Sent, Row(email).Status);
    }

    [Fact]
    public async Task ABusyMailServer_DelaysTheMail_UntilItTakesIt()
    {
        const string email = "author.tang@demo.example";
        factory.Smtp.Busy = true;
        try
        {
            await ForgotAsync(email);
            await DeliverAsync();
            var waiting = Row(email);
            Assert.Equal((OutboxMailStatus.Waiting, 1), (waiting.Status, waiting.Attempts));
            Assert.False(string.IsNullOrEmpty(waiting.LastError));
        }
        finally
        {
            factory.Smtp.Busy = false;
        }

        factory.Clock.Offset += MailDelivery.Delay(1) + TimeSpan.FromSeconds(1);
        await DeliverAsync();
        Assert.Equal((OutboxMailStatus.Sent, 2), (Row(email).Status, Row(email).Attempts));
        Assert.Single(factory.Smtp.Received, m => m.To.Contains(email));
    }

    [Fact]
    public async Task AnAddressTheMailServerDoesNotHave_FailsAtOnce_WithTheServersAnswer()
    {
        const string email = "author.he@demo.example";
        factory.Smtp.Unknown[email] = true;
        await ForgotAsync(email);
        await DeliverAsync();

        var failed = Row(email);
        Assert.Equal((OutboxMailStatus.Failed, 1), (failed.Status, failed.Attempts));
        Assert.Contains("No such user here", failed.LastError, StringComparison.Ordinal);
        var outbox = await (await Nominating.SignedInAsync(factory, "organizer@demo.example")).GetStringAsync("/organizer/outbox");
        Assert.Contains("No such user here", outbox, StringComparison.Ordinal);
    }

    private Task<string> ForgotAsync(string email) => AccountSecurityTests.ForgotAsync(new Browser(factory), email);

    private Task<int> DeliverAsync() => factory.Services.GetRequiredService<MailDelivery>().DeliverDueAsync(CancellationToken.None);

    private OutboxMail Row(string email) => factory.WithDb(db => db.MailOutbox.Single(m => m.To == email));

    /// <summary>The site sending through <see cref="FakeSmtpServer"/> instead of the pickup folder.</summary>
    public sealed class SmtpSite : AwardsFactory
    {
        public FakeSmtpServer Smtp { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Mail:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Mail:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Mail:Smtp:EnableSsl", "false");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Smtp.DisposeAsync();
        }
    }
}
