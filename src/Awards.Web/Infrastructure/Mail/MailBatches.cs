namespace Awards.Web.Infrastructure.Mail;

/// <summary>Mails that go out one by one after a change is saved: notices, reminders.</summary>
public static class MailBatches
{
    /// <summary>
    /// Sends each message on its own, even if the request is cancelled meanwhile (the change they
    /// tell of is saved). A message that cannot be delivered is logged and counted, and never stops
    /// the others. Returns how many could not be sent.
    /// </summary>
    public static async Task<int> SendEachAsync(this IMailSender mail, IEnumerable<OutgoingMail> messages, ILogger logger, string what)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(messages);
        var failed = 0;
        foreach (var message in messages)
        {
            try
            {
                await mail.SendAsync(message, CancellationToken.None);
            }
            catch (Exception ex) when (ex is IOException or System.Net.Mail.SmtpException or InvalidOperationException)
            {
                failed++;
                logger.LogWarning(ex, "Could not send {What} to {Recipient}", what, message.To);
            }
        }

        return failed;
    }
}
