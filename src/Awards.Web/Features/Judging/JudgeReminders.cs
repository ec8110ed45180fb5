using System.Globalization;
using Awards.Core.Common;
using Awards.Core.Entries;
using Awards.Core.Scoring;
using Awards.Core.Tracks;
using Awards.Web.Data;
using Awards.Web.Features.Reminders;
using Awards.Web.Infrastructure;
using Awards.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Awards.Web.Features.Judging;

/// <summary>
/// "Remind the judges who have not finished": one mail to each judge of an open round who has
/// entries left to submit, with how far they are, when the round closes and the link to their
/// queue. The organizer sends it with a button, at most once per round per <see cref="Interval"/>
/// so that a second click (or an impatient afternoon) does not flood the panel; the site sends it
/// by itself before the round closes (<see cref="Reminders.DeadlineReminders"/>), once per lead
/// time. Both go the same way and are in the audit log, which is also where the page reads when
/// the last one went.
/// </summary>
public sealed class JudgeReminders(AwardsDbContext db, SiteContext site, MailOutbox outbox, AuditLog audit, AutomaticReminderLog automatic, IOptions<AwardsOptions> options, IStringLocalizer<SharedResource> l)
{
    public const string Action = "RemindJudges";

    /// <summary>A reminder the site sent by itself before the round closes (ADR 0022).</summary>
    public const string AutomaticAction = "RemindJudgesBeforeDeadline";

    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private static readonly string[] Kind = [Action, AutomaticAction];

    /// <summary>When the judges of the round were last reminded, by hand or by the site, if ever.</summary>
    public Task<DateTime?> LastAsync(int roundId, CancellationToken cancellationToken) =>
        audit.LastAsync(Kind, Key(roundId), cancellationToken);

    /// <summary>The round's automatic reminders: those that went, and the next while the round is open.</summary>
    public Task<AutomaticReminders> AutomaticAsync(JudgingRound round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        return automatic.ReadAsync(AutomaticAction, Kind, Key(round.Id), round.IsClosedAt(site.UtcNow) ? null : round.ClosesAt, cancellationToken);
    }

    /// <summary>Puts a reminder for each judge who is behind in the outbox; returns how many judges.</summary>
    public async Task<int> RemindAsync(int roundId, CancellationToken cancellationToken)
    {
        if (await site.RoundAsync(roundId, cancellationToken) is not var (track, round))
        {
            throw new DomainException("The operation is not allowed.");
        }

        if (round.IsClosedAt(site.UtcNow))
        {
            throw new DomainException("The round is closed: there is nothing left to remind the judges of.");
        }

        // When the judges were last reminded is read, and this reminder recorded, under the write
        // lock: an automatic reminder at the same moment either went before (and this click is
        // refused) or finds this one and waits.
        return await ImmediateTransaction.RunAsync(db, async ct =>
        {
            if (await audit.WithinAsync(Kind, Key(roundId), Interval, ct) is DateTime last)
            {
                throw new DomainException("The judges were reminded at {0}. Wait an hour before reminding them again.", SiteTime.Format(last));
            }

            var behind = await BehindAsync(roundId, ct);
            if (behind.Count == 0)
            {
                throw new DomainException("Every judge of this round has submitted all their scores: nobody to remind.");
            }

            return await QueueAsync(track, round, behind, Action, string.Join(",", behind.Select(j => j.JudgeId).Order()), ct);
        }, cancellationToken);
    }

    /// <summary>
    /// The reminder the site sends by itself when one of the round's lead times is due
    /// (<see cref="DeadlineReminderPlan"/>): to the judges behind then, recorded by the system with its
    /// lead time. Nothing when none is due or nobody is behind (then the next pass looks again).
    /// Returns how many judges.
    /// </summary>
    public async Task<int> RemindBeforeDeadlineAsync(int roundId, CancellationToken cancellationToken)
    {
        if (await site.RoundAsync(roundId, cancellationToken) is not var (track, round) || round.IsClosedAt(site.UtcNow))
        {
            return 0;
        }

        // Looked at without the write lock first: most passes find nothing due and keep out of the
        // judges' way. One that does looks again under the lock, where a click cannot come between.
        if (!await DueAsync(round, cancellationToken))
        {
            return 0;
        }

        return await ImmediateTransaction.RunAsync(db, async ct =>
        {
            if ((await AutomaticAsync(round, ct)).Next is not { } next || next.At > site.UtcNow)
            {
                return 0;
            }

            var behind = await BehindAsync(roundId, ct);
            return behind.Count == 0
                ? 0
                : await QueueAsync(track, round, behind, AutomaticAction, AutomaticReminderLog.Summary(next.Lead, "judges", behind.Select(j => j.JudgeId).Order().Select(id => id.ToString(CultureInfo.InvariantCulture))), ct);
        }, cancellationToken);
    }

    private async Task<bool> DueAsync(JudgingRound round, CancellationToken cancellationToken) =>
        (await AutomaticAsync(round, cancellationToken)).Next is { } next && next.At <= site.UtcNow;

    // What each judge's queue holds: entries still in judging, as on the judge's own page.
    private async Task<List<JudgeBehind>> BehindAsync(int roundId, CancellationToken cancellationToken) =>
        await (
            from a in db.Assignments
            where a.RoundId == roundId
            join e in db.Entries on a.EntryId equals e.Id
            where e.Status == EntryStatus.Submitted || e.Status == EntryStatus.Accepted
            group a by a.JudgeUserId into g
            select new { JudgeId = g.Key, Assigned = g.Count(), Submitted = g.Count(a => a.Score != null && a.Score.Status == ScoreStatus.Submitted) })
            .Where(j => j.Submitted < j.Assigned)
            .Select(j => new JudgeBehind(j.JudgeId, j.Assigned, j.Submitted))
            .ToListAsync(cancellationToken);

    private async Task<int> QueueAsync(Track track, JudgingRound round, List<JudgeBehind> behind, string action, string summary, CancellationToken cancellationToken)
    {
        var ids = behind.Select(j => j.JudgeId).ToList();
        // A judge whose account is turned off is not reminded of entries they can no longer score.
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.DeactivatedAt == null).ToDictionaryAsync(u => u.Id, u => (u.Email!, u.DisplayName, u.Language), cancellationToken);

        var link = $"{options.Value.PublicUrl.TrimEnd('/')}/judge/rounds/{round.Id}";
        var messages = behind.Where(j => people.ContainsKey(j.JudgeId)).Select(judge =>
        {
            var (email, displayName, language) = people[judge.JudgeId];
            // In the judge's language, not the organizer's.
            return Cultures.In(language, () =>
            {
                var name = $"{track.Name.ForCurrentCulture()} · {round.Name.ForCurrentCulture()}";
                var body = string.Join(
                    "\n\n",
                    l["Hello {0},", displayName],
                    l["In {0} you have submitted {1} of your {2} entries. The round closes on {3}; after that, scores can no longer be given or changed.", name, judge.Submitted, judge.Assigned, SiteTime.Format(round.ClosesAt)],
                    l["Your queue:"] + " " + link,
                    l["Thank you for your work on the panel."]);
                return new OutgoingMail(email, l["Reminder: {0} closes on {1}", name, SiteTime.Format(round.ClosesAt)], body);
            });
        }).ToList();

        // Saved together, by the caller's transaction: the audit row is what keeps the next reminder an hour away, and an automatic one from going twice.
        audit.Record(action, "Round", Key(round.Id), after: summary);
        outbox.Add(messages, $"the judging reminder of round {round.Id}");
        return messages.Count;
    }

    private static string Key(int roundId) => roundId.ToString(CultureInfo.InvariantCulture);

    private sealed record JudgeBehind(int JudgeId, int Assigned, int Submitted);
}
