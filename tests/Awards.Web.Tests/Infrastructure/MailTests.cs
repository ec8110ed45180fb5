using Awards.Web.Infrastructure.Mail;

namespace Awards.Web.Tests.Infrastructure;

public sealed class MailTests
{
    [Fact]
    public void Eml_RoundTripsChineseSubjectAndBody()
    {
        var mail = new OutgoingMail("someone@example.org", "扶贫日表彰评选系统邀请函", "您好：\n\n请打开链接 https://example.org/x?a=1&b=2\n");

        var text = EmlFormat.Write("扶贫办", "awards@example.org", mail, new DateTimeOffset(2026, 10, 17, 2, 0, 0, TimeSpan.Zero));
        var read = EmlFormat.Read("id", text);

        Assert.All(text, c => Assert.True(c < 128, "an .eml file is 7-bit ASCII"));
        Assert.Equal(mail.Subject, read.Subject);
        Assert.Equal(mail.Body, read.Body);
        Assert.Equal(mail.To, read.To);
        Assert.Contains("扶贫办", read.From, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 10, 17, 2, 0, 0, TimeSpan.Zero), read.Date);
    }
}
