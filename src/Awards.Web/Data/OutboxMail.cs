namespace Awards.Web.Data;

public enum OutboxMailStatus
{
    /// <summary>Not delivered yet: due at <see cref="OutboxMail.NextAttemptAt"/>.</summary>
    Waiting,

    Sent,

    /// <summary>Given up after <see cref="OutboxMail.MaxAttempts"/> tries, or refused outright; the organizer can try again.</summary>
    Failed,
}

/// <summary>
/// A message the site has to send (ADR 0012). It is saved with the change it tells of, and
/// delivered afterwards by <c>MailDelivery</c>, outside the request, with retries: a mail server
/// that is slow or down delays the mail and never the click, and a message is never lost silently.
/// Once sent, the body (which may hold a sign-in link) is cleared; who, what and when stay.
/// </summary>
public class OutboxMail
{
    public const int MaxAttempts = 8;

    public const int MaxErrorLength = 500;

    public const int MaxAboutLength = 200;

    public long Id { get; set; }

    public string To { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    /// <summary>What the mail is, for the organizer's outbox and the log, e.g. "the return of nomination N-2026-0001".</summary>
    public string About { get; set; } = string.Empty;

    public OutboxMailStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>Why the last attempt failed, if it did.</summary>
    public string? LastError { get; set; }
}
