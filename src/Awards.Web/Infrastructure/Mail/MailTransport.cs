using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;

namespace Awards.Web.Infrastructure.Mail;

public sealed record OutgoingMail(string To, string Subject, string Body);

/// <summary>
/// Hands one message over now. Only <see cref="MailDelivery"/> calls it; the site's features put
/// their mail in the <see cref="MailOutbox"/>, which survives a mail server that is down.
/// </summary>
public interface IMailTransport
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}

/// <summary>
/// Sends through SMTP when a host is configured, otherwise writes one .eml file per message to
/// the pickup folder (which the demo mailbox page reads).
/// </summary>
public sealed class MailTransport(IOptions<MailOptions> options, ILogger<MailTransport> logger) : IMailTransport
{
    private readonly MailOptions _options = options.Value;

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        if (_options.UsesSmtp)
        {
            await SendSmtpAsync(mail, cancellationToken);
            return;
        }

        var folder = AppPaths.Resolve(_options.PickupDirectory);
        Directory.CreateDirectory(folder);
        var now = DateTimeOffset.UtcNow;
        var name = $"{now:yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid():N}.eml";
        var text = EmlFormat.Write(_options.FromName, _options.From, mail, now);
        // Write to a temporary name first so the mailbox never shows half a message.
        var temporary = Path.Combine(folder, name + ".tmp");
        await File.WriteAllTextAsync(temporary, text, Encoding.ASCII, cancellationToken);
        File.Move(temporary, Path.Combine(folder, name));
        logger.LogInformation("Mail to {To} written to {File}", mail.To, name);
    }

    private async Task SendSmtpAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var smtp = _options.Smtp;
        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }

        using var message = new MailMessage(new MailAddress(_options.From, _options.FromName, Encoding.UTF8), new MailAddress(mail.To))
        {
            Subject = mail.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = mail.Body,
            BodyEncoding = Encoding.UTF8,
        };
        await client.SendMailAsync(message, cancellationToken);
        logger.LogInformation("Mail to {To} sent through {Host}", mail.To, smtp.Host);
    }
}
