using System.Globalization;
using Awards.Core.Common;
using Awards.Core.Contests;
using Awards.Core.Entries;
using Awards.Core.Tracks;
using Awards.Web.Data;
using Awards.Web.Features.Entries;
using Awards.Web.Features.Reminders;
using Awards.Web.Infrastructure;
using Awards.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Awards.Web.Features.Dashboard;

/// <summary>
/// "Remind those whose entries are not submitted": before submissions close, one mail to each
/// author with an essay, and to each coordinator of a unit with a nomination, that is a draft or
/// was returned and could still be submitted, listing those entries with their links and the
/// deadline. A draft for an award or theme whose places the author or unit already holds is left
/// out (it could not be submitted), as is an award whose judging has closed. The organizer sends it
/// with a button, at most once per contest per <see cref="Interval"/> (entrants are the public, not
/// staff); the site sends it by itself before submissions close
/// (<see cref="Reminders.DeadlineReminders"/>), once per lead time. Both go the same way and are in
/// the audit log, which is also where the dashboard reads when the last one went.
/// </summary>
public sealed class EntrantReminders(AwardsDbContext db, SiteContext site, MailOutbox outbox, AuditLog audit, AutomaticReminderLog automatic, IOptions<AwardsOptions> options, IStringLocalizer<SharedResource> l)
{
    public const string Action = "RemindEntrants";

    /// <summary>A reminder the site sent by itself before submissions close (ADR 0022).</summary>
    public const string AutomaticAction = "RemindEntrantsBeforeDeadline";

    private static readonly string[] Kind = [Action, AutomaticAction];

    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    /// <summary>When the entrants of the contest were last reminded, by hand or by the site, if ever.</summary>
    public Task<DateTime?> LastAsync(ContestEdition contest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contest);
        return audit.LastAsync(Kind, Key(contest), cancellationToken);
    }

    /// <summary>The contest's automatic reminders: those that went, and the next while submissions are open.</summary>
    public Task<AutomaticReminders> AutomaticAsync(ContestEdition contest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contest);
        var open = contest.Schedule.AcceptsSubmissions(site.UtcNow);
        return automatic.ReadAsync(AutomaticAction, Kind, Key(contest), open ? contest.Schedule.SubmissionClosesAt : null, cancellationToken);
    }

    /// <summary>The entries a reminder would name: drafts with a place left, and returned entries, in awards and themes that still take entries.</summary>
    public async Task<IReadOnlyList<WaitingEntry>> WaitingAsync(ContestEdition contest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contest);
        var tracks = contest.Tracks.Where(t => t.Kind != TrackKind.UnitAward).ToDictionary(t => t.Id);
        var ids = tracks.Keys.ToList();
        var closed = await EntryWorkflow.ClosedToEntries(db).Where(t => ids.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken);
        var open = ids.Except(closed).ToList();
        var candidates = await db.Entries.AsNoTracking()
            .Where(e => open.Contains(e.TrackId) && (e.Status == EntryStatus.Draft || e.Status == EntryStatus.Returned))
            .OrderBy(e => e.Id)
            .Select(e => new
            {
                e.Code,
                e.Title,
                e.TrackId,
                e.UnitId,
                e.OwnerUserId,
                e.Status,
                // The places submitting takes, as EntryWorkflow counts them: held by submitted, accepted and returned entries.
                OwnerTaken = db.Entries.Count(o => o.TrackId == e.TrackId && o.OwnerUserId == e.OwnerUserId && o.OwnerSlot != null),
                UnitTaken = db.Entries.Count(o => o.TrackId == e.TrackId && o.UnitId == e.UnitId && o.UnitSlot != null),
            })
            .ToListAsync(cancellationToken);
        return [.. candidates
            .Where(e => e.Status == EntryStatus.Returned
                || ((tracks[e.TrackId].Limits.PerAuthor is not int perAuthor || e.OwnerTaken < perAuthor)
                    && (tracks[e.TrackId].Limits.PerUnit is not int perUnit || e.UnitTaken < perUnit)))
            .Select(e => new WaitingEntry(e.Code, e.Title, tracks[e.TrackId], e.UnitId, e.OwnerUserId, e.Status))];
    }

    /// <summary>Puts one reminder for each person with entries waiting in the outbox; returns how many people.</summary>
    public async Task<int> RemindAsync(CancellationToken cancellationToken)
    {
        var contest = await site.CurrentContestAsync(cancellationToken) ?? throw new DomainException("There is no current contest.");
        if (!contest.Schedule.AcceptsSubmissions(site.UtcNow))
        {
            throw new DomainException("Submissions are not open: there is nothing to remind entrants of.");
        }

        // Read and recorded under the write lock, as the judges' reminder is: a click and the
        // automatic reminder at the same moment do not both go.
        return await ImmediateTransaction.RunAsync(db, async ct =>
        {
            if (await audit.WithinAsync(Kind, Key(contest), Interval, ct) is DateTime last)
            {
                throw new DomainException("Entrants were reminded at {0}. Wait a day before reminding them again.", SiteTime.Format(last));
            }

            var waiting = await WaitingAsync(contest, ct);
            return await QueueAsync(contest, waiting, Action, string.Join(",", waiting.Select(w => w.Code)), ct)
                ?? throw new DomainException("No entry that could still be submitted is waiting: nobody to remind.");
        }, cancellationToken);
    }

    /// <summary>
    /// The reminder the site sends by itself when one of the lead times before submissions close is
    /// due (<see cref="DeadlineReminderPlan"/>): to everyone with entries waiting then, recorded by the
    /// system with its lead time. Nothing when none is due or nobody waits (then the next pass looks
    /// again). Returns how many people.
    /// </summary>
    public async Task<int> RemindBeforeDeadlineAsync(CancellationToken cancellationToken)
    {
        // Looked at without the write lock first (most passes find nothing due), then again under it.
        if (await site.CurrentContestAsync(cancellationToken) is not { } contest
            || (await AutomaticAsync(contest, cancellationToken)).Next is not { } due
            || due.At > site.UtcNow)
        {
            return 0;
        }

        return await ImmediateTransaction.RunAsync(db, async ct =>
        {
            if ((await AutomaticAsync(contest, ct)).Next is not { } next || next.At > site.UtcNow)
            {
                return 0;
            }

            var waiting = await WaitingAsync(contest, ct);
            return await QueueAsync(contest, waiting, AutomaticAction, AutomaticReminderLog.Summary(next.Lead, "entries", waiting.Select(w => w.Code)), ct) ?? 0;
        }, cancellationToken);
    }

    // Null when nobody could be reminded: nothing is saved then.
    private async Task<int?> QueueAsync(ContestEdition contest, IReadOnlyList<WaitingEntry> waiting, string action, string summary, CancellationToken cancellationToken)
    {
        var closes = contest.Schedule.SubmissionClosesAt;
        // A nomination is the unit's: every coordinator of the unit hears of it, as of a return. An essay is its author's.
        var nominations = waiting.Where(w => w.Track.Kind == TrackKind.Nomination).ToList();
        var coordinators = await UnitCoordinators.ByUnitAsync(db, [.. nominations.Select(w => w.UnitId).Distinct()], cancellationToken);
        var essays = waiting.Where(w => w.Track.Kind == TrackKind.Essay).ToList();
        var authorIds = essays.Select(w => w.OwnerUserId).Distinct().ToList();
        var authors = await db.Users.AsNoTracking()
            .Where(u => authorIds.Contains(u.Id) && u.EmailConfirmed && u.DeactivatedAt == null)
            .ToDictionaryAsync(u => u.Id, u => new MailReader(u.Email!, u.DisplayName, u.Language), cancellationToken);
        var byReader = nominations.SelectMany(w => coordinators[w.UnitId].Select(reader => (Reader: reader, Entry: w)))
            .Concat(essays.Where(w => authors.ContainsKey(w.OwnerUserId)).Select(w => (Reader: authors[w.OwnerUserId], Entry: w)))
            .GroupBy(x => x.Reader.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (byReader.Count == 0)
        {
            return null;
        }

        var baseUrl = options.Value.PublicUrl.TrimEnd('/');
        var messages = byReader.Select(group =>
        {
            var reader = group.First().Reader;
            // In the reader's language, not the organizer's.
            return Cultures.In(reader.Language, () =>
            {
                var lines = group.Select(x => x.Entry).Select(w => l[
                    "· “{0}” ({1}, {2}): {3}",
                    w.Title,
                    w.Track.Name.ForCurrentCulture(),
                    l[Labels.Of(w.Status)],
                    $"{baseUrl}/{(w.Track.Kind == TrackKind.Essay ? "essays" : "nominations")}/{w.Code}"].Value);
                var body = string.Join(
                    "\n\n",
                    l["Hello {0},", reader.Name],
                    l["These entries in {0} are not submitted yet:", contest.Name.ForCurrentCulture()] + "\n" + string.Join("\n", lines),
                    l["An entry is judged only once it is submitted. Open each one, check it and press “Submit” before submissions close on {0}.", SiteTime.Format(closes)],
                    l["This reminder was sent by the organizer to everyone with an entry not submitted."]);
                return new OutgoingMail(reader.Email, l["Reminder: submissions close on {0}", SiteTime.Format(closes)], body);
            });
        }).ToList();

        // Saved together, by the caller's transaction: the audit row is what keeps the next reminder a day away, and an automatic one from going twice.
        audit.Record(action, "Contest", Key(contest), after: summary);
        outbox.Add(messages, $"the reminder of entries not submitted in contest {Key(contest)}");
        return messages.Count;
    }

    private static string Key(ContestEdition contest) => contest.Id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>An entry a reminder names: a draft with a place left, or a returned entry.</summary>
public sealed record WaitingEntry(string Code, string Title, Track Track, int UnitId, int OwnerUserId, EntryStatus Status);
