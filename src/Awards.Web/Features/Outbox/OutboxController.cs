using System.Globalization;
using Awards.Core.Common;
using Awards.Core.Identity;
using Awards.Web.Data;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Outbox;

/// <summary>
/// The organizer's view of the site's outgoing mail (ADR 0012): what is waiting for the mail
/// server, what could not be delivered and why, and what went lately. A failed message can be
/// tried again once the cause (the mail server, its password) is mended. The bodies are never
/// shown: they may hold someone else's sign-in link.
/// </summary>
[Authorize(Roles = Roles.Organizer)]
[Route("organizer/outbox")]
public sealed class OutboxController(AwardsDbContext db, AuditLog audit, IClock clock, IStringLocalizer<SharedResource> l) : Controller
{
    public const string RetryAction = "RetryMail";

    /// <summary>At most this many messages not delivered yet are listed ("try every failed message again" takes them all).</summary>
    public const int Shown = 200;

    /// <summary>Sent messages a page.</summary>
    public const int PageSize = 50;

    /// <summary>
    /// The counts, the messages not delivered yet, and the sent ones a page at a time, newest first
    /// (a province's reminders and notices are thousands); <paramref name="to"/> keeps the messages
    /// to an address that contains it, for "did my mail to X go out?".
    /// </summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(string? to, int page = 1, CancellationToken cancellationToken = default)
    {
        var counts = await OutboxCounts.ReadAsync(db, cancellationToken);
        var search = string.IsNullOrWhiteSpace(to) ? null : to.Trim();
        var pattern = search is null ? null : SqlLike.Containing(search);
        var mails = pattern is null ? db.MailOutbox : db.MailOutbox.Where(m => EF.Functions.Like(m.To, pattern, SqlLike.Escape));
        // The failed first, then what waits, oldest first; the sent, newest first.
        var open = await Rows(mails.Where(m => m.Status != OutboxMailStatus.Sent).OrderByDescending(m => m.Status).ThenBy(m => m.Id).Take(Shown))
            .ToListAsync(cancellationToken);
        var sentCount = search is null ? counts.Sent : await mails.CountAsync(m => m.Status == OutboxMailStatus.Sent, cancellationToken);
        var pages = Pager.PageCount(sentCount, PageSize);
        page = Math.Clamp(page, 1, pages);
        var sent = await Rows(mails.Where(m => m.Status == OutboxMailStatus.Sent).OrderByDescending(m => m.Id).Skip((page - 1) * PageSize).Take(PageSize))
            .ToListAsync(cancellationToken);
        return View(new OutboxPage(counts, open, sent, search, sentCount, page, pages));
    }

    /// <summary>Tries a failed message again now, from its first attempt.</summary>
    [HttpPost("{id:long}/retry")]
    public async Task<IActionResult> Retry(long id, CancellationToken cancellationToken)
    {
        var outcome = await ImmediateTransaction.RunAsync(db, async ct =>
        {
            var mail = await db.MailOutbox.FirstOrDefaultAsync(m => m.Id == id, ct);
            if (mail is null)
            {
                return (Found: false, Retried: 0, To: string.Empty);
            }

            return (Found: true, Retried: mail.Status == OutboxMailStatus.Failed ? Requeue([mail]) : 0, mail.To);
        }, cancellationToken);
        if (!outcome.Found)
        {
            return NotFound();
        }

        if (outcome.Retried == 0)
        {
            TempData["Error"] = l["This message has not failed: it was sent, or it is already waiting for its next try."].Value;
        }
        else
        {
            TempData["Message"] = l["The message to {0} is being tried again.", outcome.To].Value;
        }

        return RedirectToAction(nameof(Index));
    }

    /// <summary>Tries every failed message again now.</summary>
    [HttpPost("retry-failed")]
    public async Task<IActionResult> RetryFailed(CancellationToken cancellationToken)
    {
        var retried = await ImmediateTransaction.RunAsync(
            db,
            async ct => Requeue(await db.MailOutbox.Where(m => m.Status == OutboxMailStatus.Failed).ToListAsync(ct)),
            cancellationToken);
        if (retried == 0)
        {
            TempData["Error"] = l["No message has failed: there is nothing to try again."].Value;
        }
        else
        {
            TempData["Message"] = l["{0} failed messages are being tried again.", retried].Value;
        }

        return RedirectToAction(nameof(Index));
    }

    private static IQueryable<OutboxRow> Rows(IQueryable<OutboxMail> mails) =>
        mails.Select(m => new OutboxRow(m.Id, m.To, m.Subject, m.Status, m.Attempts, m.CreatedAt, m.NextAttemptAt, m.SentAt, m.LastError));

    private int Requeue(List<OutboxMail> mails)
    {
        foreach (var mail in mails)
        {
            audit.Record(RetryAction, "Mail", mail.Id.ToString(CultureInfo.InvariantCulture), before: mail.LastError, after: mail.To);
            mail.Status = OutboxMailStatus.Waiting;
            mail.Attempts = 0;
            mail.NextAttemptAt = clock.UtcNow;
        }

        return mails.Count;
    }
}

/// <summary>How many messages wait, have failed, and went: the outbox page's head and the dashboard's warning.</summary>
public sealed record OutboxCounts(int Waiting, int Failed, int Sent)
{
    public static async Task<OutboxCounts> ReadAsync(AwardsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var counts = await db.MailOutbox.GroupBy(m => m.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        return new OutboxCounts(counts.GetValueOrDefault(OutboxMailStatus.Waiting), counts.GetValueOrDefault(OutboxMailStatus.Failed), counts.GetValueOrDefault(OutboxMailStatus.Sent));
    }
}

public sealed record OutboxRow(long Id, string To, string Subject, OutboxMailStatus Status, int Attempts, DateTime CreatedAt, DateTime NextAttemptAt, DateTime? SentAt, string? LastError);

/// <summary>The outbox page: the counts, the lists, and the search and page that made them.</summary>
public sealed record OutboxPage(OutboxCounts Counts, IReadOnlyList<OutboxRow> Open, IReadOnlyList<OutboxRow> Sent, string? To, int SentCount, int Page, int Pages)
{
    public string Link(int page) => $"/organizer/outbox?to={Uri.EscapeDataString(To ?? "")}&page={page}";
}
