using System.Security.Cryptography;
using Awards.Core.Common;
using Awards.Core.Entries;
using Awards.Core.Results;
using Awards.Core.Tracks;
using Awards.Core.Uploads;
using Awards.Web.Data;
using Awards.Web.Infrastructure;
using Awards.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Awards.Web.Features.Entries;

/// <summary>
/// The status changes that nominations and essays share: submit (under an immediate transaction,
/// taking a quota slot), withdraw, attach and detach files, and the organizer's accept, return and
/// disqualify. Callers authorize first. Every change goes into the journal and is saved with it;
/// broken rules surface as <see cref="DomainException"/>s and change nothing.
/// </summary>
public sealed class EntryWorkflow(
    AwardsDbContext db,
    SiteContext site,
    EntryJournal journal,
    JudgeRenditions renditions,
    MailOutbox outbox,
    IOptions<AwardsOptions> options,
    IStringLocalizer<SharedResource> l)
{
    /// <summary>An entry of the given kind by its code, with its track and attachments, tracked for changes.</summary>
    public Task<Entry?> FindAsync(string code, TrackKind kind, CancellationToken cancellationToken = default) =>
        EntryCode.IsWellFormed(code)
            ? db.Entries
                .Include(e => e.Track)
                .Include(e => e.Attachments)
                .FirstOrDefaultAsync(e => e.Code == code && e.Track.Kind == kind, cancellationToken)
            : Task.FromResult<Entry?>(null);

    /// <summary>
    /// Makes a new draft once per form: a second post of the same <paramref name="formKey"/> returns
    /// the entry the first one made, also when both arrive at the same moment (the write lock, and
    /// behind it the unique index on owner and key, decide). <paramref name="describe"/> fills in what
    /// the kind of entry adds. The limits are counted under the write lock, so a burst of posts at
    /// once cannot pass them.
    /// </summary>
    public async Task<Entry> CreateOnceAsync(int trackId, int ownerId, int unitId, string title, string body, string? formKey, Action<Entry> describe, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(describe);
        var schedule = await ScheduleAsync(cancellationToken);
        var keyed = formKey is { Length: > 0 };
        return await ImmediateTransaction.RunAsync(db, async ct =>
        {
            schedule.EnsureAcceptsSubmissions(site.UtcNow);
            await EnsureTrackTakesEntriesAsync(trackId, ct);
            if (keyed && await CreatedWithAsync(ownerId, formKey!, ct) is { } earlier)
            {
                // The same form posted again (a second click, a retry): the first post made the entry.
                return earlier;
            }

            var track = await db.Tracks.FirstAsync(t => t.Id == trackId, ct);
            await EnsureSlotsLeftAsync(track, ownerId, unitId, ct);

            // Each entry can carry files (an essay its Word original): one account's entries are bounded (Awards:Uploads:EntriesPerAccount).
            var most = options.Value.Uploads.EntriesPerAccount;
            if (await db.Entries.CountAsync(e => e.TrackId == trackId && e.OwnerUserId == ownerId, ct) >= most)
            {
                throw new DomainException("You already have {0} entries here, drafts and withdrawn ones included, the most one account may hold. Continue one of your drafts instead of starting another.", most);
            }

            var entry = new Entry(track, title, body, unitId, ownerId, site.UtcNow);
            if (keyed)
            {
                entry.SetCreationKey(formKey!);
            }

            describe(entry);
            await renditions.ApplyAsync(entry, ct);
            db.Entries.Add(entry);
            journal.Record(entry, $"{Noun(entry)} created", null, null, EntryJournal.Snapshot(entry));
            return entry;
        }, cancellationToken);
    }

    /// <summary>
    /// Submits inside an immediate transaction: the slots the unit's and the owner's other entries
    /// hold are read and the new one taken with no other writer in between (SECURITY.md §5, ADR 0004).
    /// The receipt is mailed to the entry's owner, saved in the same transaction (ADR 0012): the
    /// deadline rush never waits for the mail server.
    /// </summary>
    public async Task<Entry> SubmitAsync(string code, TrackKind kind, CancellationToken cancellationToken = default)
    {
        var schedule = await ScheduleAsync(cancellationToken);
        return await ImmediateTransaction.RunAsync(db, async ct =>
        {
            var entry = await FindAsync(code, kind, ct) ?? throw new DomainException("The entry was not found.");

            // The request loaded the entry before the transaction: read it again under the lock, so
            // that two clicks at once submit it once (the second finds it submitted: its receipt).
            await db.Entry(entry).ReloadAsync(ct);
            if (entry.Status is EntryStatus.Submitted or EntryStatus.Accepted)
            {
                return entry;
            }

            await EnsureTrackTakesEntriesAsync(entry.TrackId, ct);
            await EnsureNomineeUnitFreeAsync(entry, ct);
            var from = entry.Status;
            var byUnit = await db.Entries
                .Where(e => e.TrackId == entry.TrackId && e.UnitId == entry.UnitId && e.Id != entry.Id && e.UnitSlot != null)
                .Select(e => e.UnitSlot!.Value)
                .ToListAsync(ct);
            var byOwner = await db.Entries
                .Where(e => e.TrackId == entry.TrackId && e.OwnerUserId == entry.OwnerUserId && e.Id != entry.Id && e.OwnerSlot != null)
                .Select(e => e.OwnerSlot!.Value)
                .ToListAsync(ct);
            var before = EntryJournal.StatusOf(entry);
            entry.Submit(schedule, site.UtcNow, new TakenSlots(byUnit, byOwner));
            await renditions.ApplyAsync(entry, ct);
            journal.Record(entry, $"{Noun(entry)} submitted", from, before, EntryJournal.StatusOf(entry));
            await QueueReceiptAsync(entry, schedule, ct);
            return entry;
        }, cancellationToken);
    }

    /// <summary>
    /// The receipt, saved with the submission: an essay's to its author; a nomination's to the
    /// coordinator who submitted it and to the unit's other coordinators, who answer for it too
    /// (as they all hear of a return).
    /// </summary>
    private async Task QueueReceiptAsync(Entry entry, Core.Contests.ContestSchedule schedule, CancellationToken cancellationToken)
    {
        var essay = entry.Track.Kind == TrackKind.Essay;
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == entry.OwnerUserId).Select(u => new MailReader(u.Email!, u.DisplayName, u.Language)).FirstAsync(cancellationToken);
        List<MailReader> readers = [owner];
        if (!essay)
        {
            readers.AddRange((await UnitCoordinators.ReadersAsync(db, entry.UnitId, cancellationToken)).Where(r => !string.Equals(r.Email, owner.Email, StringComparison.OrdinalIgnoreCase)));
        }

        var page = $"{options.Value.PublicUrl.TrimEnd('/')}/{(essay ? "essays" : "nominations")}/{entry.Code}";
        outbox.Add(readers.Select(reader => Cultures.In(reader.Language, () =>
        {
            var received = essay
                ? l["Your essay “{0}” for {1} was received on {2}. Its entry code is {3}: it names your essay in every later step.", entry.Title, entry.Track.Name.ForCurrentCulture(), SiteTime.Format(entry.SubmittedAt!.Value), entry.Code]
                : l["The nomination “{0}” for the {1} was received on {2}. Its nomination code is {3}.", entry.Title, entry.Track.Name.ForCurrentCulture(), SiteTime.Format(entry.SubmittedAt!.Value), entry.Code];
            var body = string.Join(
                "\n\n",
                l["Hello {0},", reader.Name],
                received,
                schedule.AcceptsSubmissions(entry.SubmittedAt!.Value)
                    ? l["Until submissions close on {0}, and as long as judges do not have it yet, you can still edit or withdraw it on its page: {1}", SiteTime.Format(schedule.SubmissionClosesAt), page]
                    : l["Submissions have closed, so it can no longer be edited or withdrawn. Its page: {0}", page],
                essay
                    ? l["What happens next: after submissions close, judges score the essays without knowing who wrote them. The proposed winners are published for public notice from {0}.", SiteTime.Format(schedule.NoticeStartsAt)]
                    : l["What happens next: the organizer checks the nomination, then judges score it without knowing who nominated it. The proposed winners are published for public notice from {0}.", SiteTime.Format(schedule.NoticeStartsAt)],
                l["Keep this message as your receipt."]);
            return new OutgoingMail(reader.Email, essay ? l["Essay {0} was received", entry.Code] : l["Nomination {0} was received", entry.Code], body);
        })), $"the receipt of {entry.Code}");
    }

    /// <summary>
    /// Refuses to change or withdraw a submitted entry that judges already have: the score a judge
    /// gave must stay the score of the text they read. Drafts and returned entries are never judged.
    /// </summary>
    public async Task EnsureNotBeingJudgedAsync(Entry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        // Whatever its status: a nomination returned after judges had it stays what they scored
        // (a draft never had judges, so it is not asked).
        if (entry.Status != EntryStatus.Draft && await IsBeingJudgedAsync(entry, cancellationToken))
        {
            throw new DomainException("Judges already have this entry, so it can no longer be changed or withdrawn. If something in it must change, write to the organizer.");
        }
    }

    /// <summary>
    /// An entrant's change to an entry, under the write lock (ADR 0014): the entry is read again and
    /// the change refused once judges have it, so that an assignment cannot slip in between the check
    /// and the save. Edits, withdrawals and files all go through here.
    /// </summary>
    private Task<T> UnlessJudgedAsync<T>(Entry entry, Func<CancellationToken, Task<T>> change, CancellationToken cancellationToken) =>
        ImmediateTransaction.RunOnceAsync(db, async ct =>
        {
            await db.Entry(entry).ReloadAsync(ct);
            await EnsureNotBeingJudgedAsync(entry, ct);
            return await change(ct);
        }, cancellationToken);

    // The award's nominations that hold a nominated unit's place: submitted, accepted, or returned
    // (a returned one keeps its place); drafts, withdrawn and disqualified ones do not.
    private IQueryable<Entry> NamingAUnit(int trackId) =>
        db.Entries.AsNoTracking().Where(e => e.TrackId == trackId && e.NomineeUnitId != null
            && (e.Status == EntryStatus.Submitted || e.Status == EntryStatus.Accepted || e.Status == EntryStatus.Returned));

    /// <summary>
    /// Refuses to open a new entry's form when it could not be submitted: the window is shut, the
    /// track's judging has finished, or the person or the unit already holds every place the track
    /// allows (an author with the one essay a theme takes would otherwise write a second in vain).
    /// </summary>
    public async Task EnsureTakesNewEntriesAsync(Track track, int ownerId, int unitId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(track);
        (await ScheduleAsync(cancellationToken)).EnsureAcceptsSubmissions(site.UtcNow);
        await EnsureTrackTakesEntriesAsync(track.Id, cancellationToken);
        await EnsureSlotsLeftAsync(track, ownerId, unitId, cancellationToken);
    }

    /// <summary>
    /// Refuses a new entry when the owner or the unit already holds all of the track's places
    /// (<see cref="TrackLimits.PerAuthor"/>, <see cref="TrackLimits.PerUnit"/>): the places that
    /// submitting takes, held by submitted, accepted and returned entries, with the same messages.
    /// </summary>
    private async Task EnsureSlotsLeftAsync(Track track, int ownerId, int unitId, CancellationToken cancellationToken)
    {
        if (track.Limits.PerAuthor is int perOwner
            && await db.Entries.CountAsync(e => e.TrackId == track.Id && e.OwnerUserId == ownerId && e.OwnerSlot != null, cancellationToken) >= perOwner)
        {
            throw new DomainException(EntryMessages.OwnerLimitReached, perOwner);
        }

        if (track.Limits.PerUnit is int perUnit
            && await db.Entries.CountAsync(e => e.TrackId == track.Id && e.UnitId == unitId && e.UnitSlot != null, cancellationToken) >= perUnit)
        {
            throw new DomainException(EntryMessages.UnitLimitReached, perUnit);
        }
    }

    /// <summary>Refuses to open an entry's edit form when no edit could be saved.</summary>
    public async Task EnsureChangeableAsync(Entry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.EnsureChangeable(await ScheduleAsync(cancellationToken), site.UtcNow);
        await EnsureNotBeingJudgedAsync(entry, cancellationToken);
    }

    /// <summary>Whether the entrant can change the entry now (the entry page's edit and withdraw buttons): what <see cref="EnsureChangeableAsync"/> lets through.</summary>
    public async Task<bool> CanChangeAsync(Entry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.IsEditable
            && (await site.CurrentContestAsync(cancellationToken))?.Schedule is { } schedule
            && entry.AcceptsChangesAt(schedule, site.UtcNow)
            && !await IsBeingJudgedAsync(entry, cancellationToken);
    }

    /// <summary>
    /// A short fingerprint of what the entrant's form edits (the fields the journal keeps, and the
    /// originality declaration). The edit form carries the one it was opened with, so that a save
    /// from a form opened before someone else's change (another tab, another coordinator of the
    /// unit) is refused instead of silently overwriting it.
    /// </summary>
    public static string VersionOf(Entry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = EntryJournal.Snapshot(entry) + (entry.DeclaredOriginalAt is null ? "|-" : "|declared");
        return Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)), 0, 8);
    }

    /// <summary>
    /// An entrant's edit, the same for every kind of entry: under the write lock, with the entry read
    /// again, refused once judges have it (ADR 0014); <paramref name="change"/> applies the form; a
    /// submitted entry must still pass the submission's checks; the judge rendition is made again and
    /// the change journaled with the entry as it was and as it is. When <paramref name="version"/>
    /// (see <see cref="VersionOf"/>) is given and the entry has changed since, nothing is saved and
    /// the answer is false; the entry then holds what is saved now.
    /// </summary>
    public Task<bool> EditAsync(Entry entry, string? version, Action change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(change);
        return UnlessJudgedAsync(entry, async ct =>
        {
            if (version is not null && version != VersionOf(entry))
            {
                return false;
            }

            var before = EntryJournal.Snapshot(entry);
            change();
            if (entry.Status == EntryStatus.Submitted)
            {
                // A submitted entry stays one that could be submitted: the edit is refused otherwise.
                entry.EnsureComplete();
                await EnsureNomineeUnitFreeAsync(entry, ct);
            }

            await renditions.ApplyAsync(entry, ct);
            journal.Record(entry, $"{Noun(entry)} edited", entry.Status, before, EntryJournal.Snapshot(entry));
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Refuses a second nomination of the same unit for an award (the Organizational Innovation
    /// Award): the same organisation would compete against itself for two places. Drafts and
    /// withdrawn or disqualified nominations do not count; a returned one still holds its place.
    /// </summary>
    public async Task EnsureNomineeUnitFreeAsync(Entry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.NomineeUnitId is not { } unitId)
        {
            return;
        }

        var id = entry.Id;
        var other = await NamingAUnit(entry.TrackId)
            .Where(e => e.NomineeUnitId == unitId && e.Id != id)
            .Select(e => e.Code)
            .FirstOrDefaultAsync(cancellationToken);
        if (other is not null)
        {
            var name = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).FirstAsync(cancellationToken);
            throw new DomainException("{0} is already nominated for this award (nomination {1}); a unit can be nominated once.", name, other);
        }
    }

    /// <summary>
    /// The units another nomination of the award already names, with that nomination's code,
    /// leaving out the nomination <paramref name="exceptCode"/> itself: the form shows them as
    /// taken, as submitting would refuse them.
    /// </summary>
    public async Task<Dictionary<int, string>> NominatedUnitsAsync(int trackId, string? exceptCode, CancellationToken cancellationToken = default)
    {
        var rows = await NamingAUnit(trackId)
            .Where(e => e.Code != exceptCode)
            .Select(e => new { UnitId = e.NomineeUnitId!.Value, e.Code })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => g.First().Code);
    }

    /// <summary>Whether judges have been given the entry in any round.</summary>
    public Task<bool> IsBeingJudgedAsync(Entry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var id = entry.Id;
        return db.Assignments.AnyAsync(a => a.EntryId == id, cancellationToken);
    }

    /// <summary>
    /// Refuses a new entry, or a submission, in an award or theme whose judging has finished (a
    /// round closed, or results on notice or final): it would sit in no round and in no ranking.
    /// </summary>
    /// <summary>The awards and themes that take no more entries or submissions: a judging round closed, or results published.</summary>
    public static IQueryable<Track> ClosedToEntries(AwardsDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Tracks.Where(t => db.Rounds.Any(r => r.TrackId == t.Id && r.ClosedAt != null) || db.TrackResults.Any(r => r.TrackId == t.Id && r.Stage != ResultStage.Draft));
    }

    public async Task EnsureTrackTakesEntriesAsync(int trackId, CancellationToken cancellationToken = default)
    {
        if (await ClosedToEntries(db).AnyAsync(t => t.Id == trackId, cancellationToken))
        {
            throw new DomainException("Judging of this award has closed, so it takes no more entries.");
        }
    }

    public async Task WithdrawAsync(Entry entry, CancellationToken cancellationToken = default)
    {
        var schedule = await ScheduleAsync(cancellationToken);

        // Under the write lock: an assignment cannot slip in between the check and the save (ADR 0014).
        await UnlessJudgedAsync(entry, _ =>
        {
            var (from, before) = (entry.Status, EntryJournal.StatusOf(entry));
            entry.Withdraw(schedule, site.UtcNow);
            journal.Record(entry, $"{Noun(entry)} withdrawn", from, before, EntryJournal.StatusOf(entry));
            return Task.FromResult(0);
        }, cancellationToken);
    }

    /// <summary>Checks a file by content (SECURITY.md §4) and stores it with the entry; nothing is stored on refusal.</summary>
    public async Task<Attachment> AttachAsync(Entry entry, IFormFile file, IReadOnlyCollection<FileKind> accepted, CancellationToken cancellationToken = default)
    {
        var bytes = await ReadCheckedAsync(file, entry, cancellationToken);
        using var content = new MemoryStream(bytes, writable: false);
        var uploads = options.Value.Uploads;
        var kind = FileInspector.Inspect(content, file.FileName, accepted, uploads.FileLimits);
        return await AttachAsync(entry, file.FileName, kind, bytes, cancellationToken);
    }

    /// <summary>
    /// Stores bytes that have already been checked. Like an edit, refused once judges have the entry
    /// (the organizer screens with its files, so they stay what was there when judging began), and
    /// checked under the write lock so that an assignment cannot slip in between (ADR 0014).
    /// </summary>
    public async Task<Attachment> AttachAsync(Entry entry, string fileName, FileKind kind, byte[] bytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(bytes);
        var schedule = await ScheduleAsync(cancellationToken);
        return await UnlessJudgedAsync(entry, _ =>
        {
            var attachment = entry.Attach(fileName, kind, bytes.LongLength, Convert.ToHexStringLower(SHA256.HashData(bytes)), options.Value.Uploads.AttachmentLimits, schedule, site.UtcNow);
            db.AttachmentContents.Add(new AttachmentContent { Attachment = attachment, Data = bytes });
            journal.RecordFile(entry, "Attachment added", attachment);
            return Task.FromResult(attachment);
        }, cancellationToken);
    }

    /// <summary>Removes a file; refused once judges have the entry, as <see cref="AttachAsync(Entry, string, FileKind, byte[], CancellationToken)"/>.</summary>
    public async Task DetachAsync(Entry entry, Attachment attachment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(attachment);
        var schedule = await ScheduleAsync(cancellationToken);
        await UnlessJudgedAsync(entry, _ =>
        {
            entry.Detach(attachment, schedule, site.UtcNow);
            db.Attachments.Remove(attachment);
            journal.RecordFile(entry, "Attachment removed", attachment);
            return Task.FromResult(0);
        }, cancellationToken);
    }

    /// <summary>
    /// Reads an upload into memory after the size cap and the open-window checks: the contest's, or
    /// for a file going to <paramref name="entry"/> that entry's own (a returned entry's date to submit again).
    /// </summary>
    public async Task<byte[]> ReadCheckedAsync(IFormFile file, Entry? entry = null, CancellationToken cancellationToken = default)
    {
        var schedule = await ScheduleAsync(cancellationToken);
        if (entry is null)
        {
            schedule.EnsureAcceptsSubmissions(site.UtcNow);
        }
        else
        {
            entry.EnsureChangeable(schedule, site.UtcNow);
        }

        var uploads = options.Value.Uploads;
        if (file.Length > uploads.MaxFileBytes)
        {
            throw new DomainException(UploadMessages.TooLarge, uploads.MaxFileMegabytes);
        }

        var bytes = new byte[file.Length];
        await using var read = file.OpenReadStream();
        await read.ReadExactlyAsync(bytes, cancellationToken);
        return bytes;
    }

    public async Task AcceptAsync(Entry entry, CancellationToken cancellationToken = default)
    {
        var (from, before) = (entry.Status, EntryJournal.StatusOf(entry));
        entry.Accept(site.UtcNow);
        journal.Record(entry, $"{Noun(entry)} accepted", from, before, EntryJournal.StatusOf(entry));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Accepts several submitted entries for judging at once, each with its own history line; saved together.</summary>
    public async Task AcceptAllAsync(IReadOnlyList<Entry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            var (from, before) = (entry.Status, EntryJournal.StatusOf(entry));
            entry.Accept(site.UtcNow);
            journal.Record(entry, $"{Noun(entry)} accepted", from, before, EntryJournal.StatusOf(entry));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Returns the entry with a reason, and with <paramref name="resubmitBy"/> the date until which
    /// its entrant may still submit it again after the deadline; <paramref name="tell"/> puts the
    /// mail that tells of it in the outbox once the return is made, so that both are saved together (ADR 0012).
    /// </summary>
    public async Task ReturnAsync(Entry entry, string reason, DateTime? resubmitBy, Func<CancellationToken, Task> tell, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tell);
        if (resubmitBy is not null && await IsBeingJudgedAsync(entry, cancellationToken))
        {
            // What judges scored stays what they read (ADR 0014): such an entry is never changed and submitted again.
            throw new DomainException("Judges already have {0}, so it cannot be changed and submitted again: return it without a date, or disqualify it.", entry.Code);
        }

        var (from, before) = (entry.Status, EntryJournal.StatusOf(entry));
        entry.Return(reason, site.UtcNow, resubmitBy);
        journal.Record(entry, $"{Noun(entry)} returned", from, before, EntryJournal.StatusOf(entry));
        await tell(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Disqualifies the entry with a reason; <paramref name="tell"/> as for <see cref="ReturnAsync"/>.
    /// A prize in final results is not taken back this way: those results no longer change. Returns
    /// whether the entry is among the proposed winners on notice, which then cannot be finalized
    /// until they are published again without it.
    /// </summary>
    public async Task<bool> DisqualifyAsync(Entry entry, string reason, Func<CancellationToken, Task> tell, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(tell);
        var placed = await (
            from p in db.Placements
            where p.EntryId == entry.Id && p.LevelRank != null
            join r in db.TrackResults on p.TrackResultId equals r.Id
            select (ResultStage?)r.Stage).FirstOrDefaultAsync(cancellationToken);
        if (placed == ResultStage.Final)
        {
            throw new DomainException("{0} won a prize in the final results, which no longer change: it cannot be disqualified. To take the prize back, revoke it on the award's results page.", entry.Code);
        }

        var (from, before) = (entry.Status, EntryJournal.StatusOf(entry));
        entry.Disqualify(reason, site.UtcNow);
        journal.Record(entry, $"{Noun(entry)} disqualified", from, before, EntryJournal.StatusOf(entry));
        await tell(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return placed == ResultStage.Notice;
    }

    /// <summary>
    /// Takes back a return or a disqualification made in error (<see cref="Entry.Reinstate"/>), under
    /// the write lock with the entry read again, so that a second click finds it reinstated and changes
    /// nothing. Refused where judging or the results could no longer take the entry in as it stands:
    /// results that are final; results on notice published without it (back to draft first, so that
    /// nothing changes on the notice unseen); a round closed without it while judging went on; a unit
    /// the award names once that another nomination names now. <paramref name="tell"/> as for
    /// <see cref="ReturnAsync"/>. The answer says what the organizer still has to do.
    /// </summary>
    public Task<Reinstatement> ReinstateAsync(Entry entry, string reason, Func<CancellationToken, Task> tell, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(tell);
        return ImmediateTransaction.RunOnceAsync(db, async ct =>
        {
            await db.Entry(entry).ReloadAsync(ct);
            if (entry.Status is not (EntryStatus.Returned or EntryStatus.Disqualified))
            {
                throw new DomainException("{0} is {1}: there is nothing to reinstate, and nothing was changed.", entry.Code, entry.Status);
            }

            var result = await db.TrackResults.AsNoTracking().FirstOrDefaultAsync(r => r.TrackId == entry.TrackId, ct);
            var published = result is { Stage: not ResultStage.Draft }
                && await db.Placements.AnyAsync(p => p.TrackResultId == result.Id && p.EntryId == entry.Id, ct);
            if (result?.Stage == ResultStage.Final)
            {
                throw new DomainException("The results of {0} are final and no longer change, so {1} cannot be reinstated.", entry.Track.Name, entry.Code);
            }

            if (result?.Stage == ResultStage.Notice && !published)
            {
                throw new DomainException("The results of {0} on notice were published without {1}. Take them back to draft first, then reinstate it, rank again and publish again.", entry.Track.Name, entry.Code);
            }

            var needsJudges = await RoundWithoutAsync(entry, ct);
            await EnsureNomineeUnitFreeAsync(entry, ct);
            var (from, before) = (entry.Status, EntryJournal.StatusOf(entry));
            var why = entry.Reinstate(reason, site.UtcNow);
            journal.Record(entry, $"{Noun(entry)} reinstated", from, before, EntryJournal.StatusOf(entry, why), why);
            await tell(ct);

            // The Outstanding Organization Award counts each unit's essays: its picks, once published,
            // stay as they are, but the organizer should look again.
            var unitAwardPublished = entry.Track.Kind == TrackKind.Essay && await (
                from r in db.TrackResults
                join t in db.Tracks on r.TrackId equals t.Id
                where t.ContestEditionId == entry.Track.ContestEditionId && t.Kind == TrackKind.UnitAward && r.Stage != ResultStage.Draft
                select r.Id).AnyAsync(ct);
            return new Reinstatement(entry.Status, needsJudges, published, unitAwardPublished);
        }, cancellationToken);
    }

    /// <summary>
    /// The round of the entry's track that judges work in now (the last one with assignments) when
    /// the entry has no judges there: null when it has, or when nobody is assigned yet. Refuses when
    /// that round has closed: judging went on without the entry and could not take it in again.
    /// </summary>
    private async Task<BilingualText?> RoundWithoutAsync(Entry entry, CancellationToken cancellationToken)
    {
        var rounds = await db.Rounds.AsNoTracking().Where(r => r.TrackId == entry.TrackId).ToListAsync(cancellationToken);
        List<int> ids = [.. rounds.Select(r => r.Id)];
        var assigned = await db.Assignments.Where(a => ids.Contains(a.RoundId)).Select(a => a.RoundId).Distinct().ToListAsync(cancellationToken);
        if (rounds.Where(r => assigned.Contains(r.Id)).OrderBy(r => r.Sequence).LastOrDefault() is not { } current
            || await db.Assignments.AnyAsync(a => a.RoundId == current.Id && a.EntryId == entry.Id, cancellationToken))
        {
            return null;
        }

        if (current.IsClosedAt(site.UtcNow))
        {
            throw new DomainException("Judging of {0} went on without {1}: {2} has closed without judges for it, so it can no longer be reinstated.", entry.Track.Name, entry.Code, current.Name);
        }

        return current.Name;
    }

    private Task<Entry?> CreatedWithAsync(int ownerId, string formKey, CancellationToken cancellationToken) =>
        db.Entries.Include(e => e.Track).FirstOrDefaultAsync(e => e.OwnerUserId == ownerId && e.CreationKey == formKey, cancellationToken);

    public async Task<Core.Contests.ContestSchedule> ScheduleAsync(CancellationToken cancellationToken) =>
        (await site.CurrentContestAsync(cancellationToken) ?? throw new DomainException("There is no current contest.")).Schedule;

    private static string Noun(Entry entry) => entry.Track.Kind == TrackKind.Nomination ? "Nomination" : "Essay";
}

/// <summary>
/// What a reinstatement leaves for the organizer: the status the entry is back in; the open round
/// in which it has no judges yet (assign that round again); whether it is back among results on
/// notice as they were published; whether the Outstanding Organization Award, which counts essays,
/// is already published.
/// </summary>
public sealed record Reinstatement(EntryStatus Status, BilingualText? RoundWithoutJudges, bool OnNotice, bool UnitAwardPublished);
