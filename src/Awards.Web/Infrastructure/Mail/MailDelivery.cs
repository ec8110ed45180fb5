using Awards.Core.Common;
using Awards.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Infrastructure.Mail;

/// <summary>
/// Delivers the outbox (ADR 0012): woken as soon as mail is saved, and every half minute for the
/// retries that have come due. Messages go one at a time, oldest first; each attempt is recorded
/// before the next message goes. A message that fails is tried again after 1, 5, 15 and 30
/// minutes, then 1, 2 and 4 hours; after the eighth failure, or at once when the address cannot
/// be a mail address or the server refuses it for good (a 5xx answer to the recipient), it is
/// marked failed and the organizer's outbox shows it. A sent message keeps who, what and when, and
/// loses its body (which may hold a sign-in link).
/// </summary>
public sealed class MailDelivery(IServiceScopeFactory scopes, IMailTransport transport, IClock clock, ILogger<MailDelivery> logger) : BackgroundService
{
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(30);

    /// <summary>How long sent messages stay listed before they are deleted.</summary>
    public static readonly TimeSpan KeepSent = TimeSpan.FromDays(90);

    private const int Batch = 20;

    private static readonly TimeSpan[] Backoff =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4),
    ];

    private readonly SemaphoreSlim _wake = new(0, 1);

    // One delivery at a time in the process: the background loop, the CLI and the tests' drain.
    private readonly SemaphoreSlim _pass = new(1, 1);

    private DateTime _lastPrune;

    /// <summary>How long to wait after a failed attempt (1-based) before the next.</summary>
    public static TimeSpan Delay(int attempts) => Backoff[Math.Clamp(attempts, 1, Backoff.Length) - 1];

    /// <summary>Starts a delivery pass soon (mail was just saved); a wake-up already pending covers this one.</summary>
    public void Wake()
    {
        lock (_wake)
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        _pass.Dispose();
        base.Dispose();
    }

    /// <summary>Delivers every message that is due now; returns how many were sent.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await _pass.WaitAsync(cancellationToken);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AwardsDbContext>();
            var sent = 0;
            long after = 0;
            while (true)
            {
                var now = clock.UtcNow;
                var due = await db.MailOutbox
                    .Where(m => m.Status == OutboxMailStatus.Waiting && m.NextAttemptAt <= now && m.Id > after)
                    .OrderBy(m => m.Id)
                    .Take(Batch)
                    .ToListAsync(cancellationToken);
                if (due.Count == 0)
                {
                    break;
                }

                foreach (var mail in due)
                {
                    sent += await AttemptAsync(db, mail, cancellationToken) ? 1 : 0;
                    after = mail.Id;
                }

                db.ChangeTracker.Clear();
            }

            await PruneAsync(db, cancellationToken);
            return sent;
        }
        finally
        {
            _pass.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be missing or busy for a moment; the next pass tries again.
                logger.LogError(ex, "The mail delivery pass failed; it runs again in {Seconds} s.", Poll.TotalSeconds);
            }

            try
            {
                await _wake.WaitAsync(Poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> AttemptAsync(AwardsDbContext db, OutboxMail mail, CancellationToken cancellationToken)
    {
        string? error = null;
        var permanent = false;
        try
        {
            await transport.SendAsync(new OutgoingMail(mail.To, mail.Subject, mail.Body), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: this attempt does not count; the message goes at the next start.
            throw;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException || ex is System.Net.Mail.SmtpFailedRecipientException { StatusCode: >= (System.Net.Mail.SmtpStatusCode)500 })
        {
            // An address that cannot be one, or that the server says it does not have: trying
            // again in an hour would not change the answer.
            error = ex.Message;
            permanent = true;
        }
        catch (Exception ex)
        {
            error = ex.Message;
        }

        var now = clock.UtcNow;
        mail.Attempts++;
        if (error is null)
        {
            mail.Status = OutboxMailStatus.Sent;
            mail.SentAt = now;
            mail.Body = string.Empty;
            mail.LastError = null;
        }
        else
        {
            mail.LastError = error.Length > OutboxMail.MaxErrorLength ? error[..OutboxMail.MaxErrorLength] : error;
            var givenUp = permanent || mail.Attempts >= OutboxMail.MaxAttempts;
            mail.Status = givenUp ? OutboxMailStatus.Failed : OutboxMailStatus.Waiting;
            mail.NextAttemptAt = givenUp ? now : now + Delay(mail.Attempts);
            logger.LogWarning(
                "Could not send {About} to {Recipient} (attempt {Attempt}): {Error}{Outcome}",
                mail.About,
                mail.To,
                mail.Attempts,
                error,
                givenUp ? "; given up" : string.Empty);
        }

        // Recorded whatever happens to the caller: the server has the message now.
        await db.SaveChangesAsync(CancellationToken.None);
        return error is null;
    }

    private async Task PruneAsync(AwardsDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        if (now - _lastPrune < TimeSpan.FromHours(1))
        {
            return;
        }

        _lastPrune = now;
        var old = await db.MailOutbox.Where(m => m.Status == OutboxMailStatus.Sent && m.SentAt < now - KeepSent).ToListAsync(cancellationToken);
        if (old.Count > 0)
        {
            db.MailOutbox.RemoveRange(old);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
