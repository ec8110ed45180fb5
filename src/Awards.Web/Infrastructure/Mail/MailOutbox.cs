using Awards.Core.Common;
using Awards.Web.Data;

namespace Awards.Web.Infrastructure.Mail;

/// <summary>
/// The way the site's features send mail (ADR 0012): a message goes into the outbox table with
/// the change it tells of, and <see cref="MailDelivery"/> hands it to the mail server once that
/// change is saved. The request never waits for the mail server, and a message that cannot go yet
/// is tried again, then shown to the organizer, instead of being lost.
/// </summary>
public sealed class MailOutbox(AwardsDbContext db, IClock clock)
{
    /// <summary>
    /// Adds the messages to the context's pending changes: the caller's next <c>SaveChanges</c>
    /// saves them with its own rows (in its transaction, if it has one), so a change is never
    /// saved without its mail, nor a mail without its change.
    /// </summary>
    public void Add(IEnumerable<OutgoingMail> mails, string about)
    {
        ArgumentNullException.ThrowIfNull(mails);
        var now = clock.UtcNow;
        foreach (var mail in mails)
        {
            db.MailOutbox.Add(new OutboxMail
            {
                To = mail.To,
                Subject = mail.Subject,
                Body = mail.Body,
                About = about.Length > OutboxMail.MaxAboutLength ? about[..OutboxMail.MaxAboutLength] : about,
                Status = OutboxMailStatus.Waiting,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
    }

    /// <summary>Adds one message and saves it (with whatever else the context has pending).</summary>
    public async Task SendAsync(OutgoingMail mail, string about, CancellationToken cancellationToken)
    {
        Add([mail], about);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Wakes <see cref="MailDelivery"/> when mail was saved to the outbox, once other connections can read it.</summary>
public sealed class MailChanges(MailDelivery delivery) : RowChanges
{
    protected override bool Copies(Type type) => type == typeof(OutboxMail);

    protected override void Invalidate() => delivery.Wake();
}
