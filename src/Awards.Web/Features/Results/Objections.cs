using System.Globalization;
using Awards.Core.Common;
using Awards.Core.Entries;
using Awards.Core.Results;
using Awards.Core.Tracks;
using Awards.Web.Data;
using Awards.Web.Infrastructure;
using Awards.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Features.Results;

/// <summary>
/// Objections to the public notice (异议): received with a reference (and a receipt by mail when
/// the contact is an e-mail address), decided by the organizer with an outcome and a resolution
/// (mailed to that address), and looked up by the objector with the reference.
/// </summary>
public sealed class Objections(TrackResults results, AwardsDbContext db, SiteContext site, CurrentUser user, AuditLog audit, MailOutbox outbox, ObjectionMails mails, ObjectionResponses responses)
{
    /// <summary>
    /// Receipts one address gets in a day, however many objections name it: the form is public, so
    /// without this anyone could have the site mail a stranger five times an hour from each of
    /// their addresses. An objection past it is received all the same, without a receipt.
    /// </summary>
    public const int ReceiptsPerAddressPerDay = 3;

    public async Task<ReceivedObjection> SubmitAsync(string trackCode, string? entryCode, string name, string contact, string text, CancellationToken cancellationToken)
    {
        var track = await results.TrackAsync(trackCode, cancellationToken);
        var result = track is null ? null : await db.TrackResults.AsNoTracking().FirstOrDefaultAsync(r => r.TrackId == track.Id, cancellationToken);
        if (track is null || result is null || !result.AcceptsObjectionsAt(site.UtcNow))
        {
            throw new DomainException(ResultMessages.ObjectionsClosed);
        }

        var objection = new Objection(track.Id, entryCode, name, contact, text, site.UtcNow, Cultures.Find(CultureInfo.CurrentUICulture.Name)?.Name);

        // A code names one of the proposed winners on this notice, or the objection is about a
        // mistyped or made-up entry the organizer could not find.
        if (objection.EntryCode is { } code)
        {
            var listed = await (
                from p in db.Placements
                join e in db.Entries on p.EntryId equals e.Id
                where p.TrackResultId == result.Id && p.LevelRank != null && e.Code == code
                select p.Id).AnyAsync(cancellationToken);
            if (!listed)
            {
                throw new DomainException("The entry code {0} is not among the proposed winners of {1}.", code, track.Name);
            }
        }

        // The address's receipts are counted and this one recorded under the write lock: two
        // objections naming it at the same moment cannot both find a receipt left for the day.
        return await ImmediateTransaction.RunAsync(db, async ct =>
        {
            var mailed = false;
            if (ObjectionMails.IsAddress(objection.Contact))
            {
                // The day's objections are few (the form is rate-limited): their contacts are compared here, in any case.
                var since = site.UtcNow.AddDays(-1);
                var recent = await db.Objections.Where(o => o.CreatedAt > since).Select(o => o.Contact).ToListAsync(ct);
                mailed = recent.Count(c => string.Equals(c, objection.Contact, StringComparison.OrdinalIgnoreCase)) < ReceiptsPerAddressPerDay;
                if (mailed)
                {
                    outbox.Add([mails.Receipt(objection, track)], $"the receipt of objection {objection.Reference}");
                }
            }

            db.Objections.Add(objection);
            audit.Record("RaiseObjection", nameof(Objection), track.Code, after: objection.EntryCode is null ? objection.Reference : $"{objection.Reference} · {objection.EntryCode}");
            return new ReceivedObjection(objection.Reference, mailed);
        }, cancellationToken);
    }

    /// <summary>The objections of the current contest, open ones first, with what their entry has become since.</summary>
    public async Task<IReadOnlyList<ObjectionRow>> ListAsync(CancellationToken cancellationToken)
    {
        var contest = await site.CurrentContestAsync(cancellationToken);
        var tracks = contest?.Tracks.ToDictionary(t => t.Id) ?? [];
        var trackIds = tracks.Keys.ToList();
        var rows = await (
            from o in db.Objections
            join u in db.Users on o.ResolvedByUserId equals u.Id into resolvers
            from u in resolvers.DefaultIfEmpty()
            join e in db.Entries on o.EntryCode equals e.Code into entries
            from e in entries.DefaultIfEmpty()
            where trackIds.Contains(o.TrackId)
            orderby o.ResolvedAt != null, o.CreatedAt descending
            select new
            {
                Objection = o,
                ResolvedBy = u == null ? null : u.DisplayName,
                Status = e == null ? (EntryStatus?)null : e.Status,
                // Who a request for a response would go to: the nominating unit, or the essay's author.
                Unit = e == null ? null : db.Units.Where(n => n.Id == e.UnitId).Select(n => n.Name).FirstOrDefault(),
                Author = e == null ? null : db.Users.Where(a => a.Id == e.OwnerUserId).Select(a => a.DisplayName).FirstOrDefault(),
            }).ToListAsync(cancellationToken);
        var inquiries = await responses.OfObjectionsAsync([.. rows.Select(r => r.Objection.Id)], cancellationToken);
        return [.. rows.Select(r => new ObjectionRow(r.Objection, tracks[r.Objection.TrackId].Name.ForCurrentCulture(), r.ResolvedBy)
        {
            EntryStatus = r.Status,
            EntryPage = r.Status is null ? null : EntryPage(tracks[r.Objection.TrackId], r.Objection.EntryCode!),
            Mailed = ObjectionMails.IsAddress(r.Objection.Contact),
            Inquiries = [.. inquiries[r.Objection.Id]],
            Answerer = r.Status is null ? null
                : tracks[r.Objection.TrackId].Kind == TrackKind.Nomination ? new Answerer(true, r.Unit?.ForCurrentCulture() ?? "?")
                : new Answerer(false, r.Author ?? "?"),
        })];
    }

    public async Task ResolveAsync(int id, ObjectionOutcome? outcome, string resolution, CancellationToken cancellationToken)
    {
        var contest = await site.CurrentContestAsync(cancellationToken);
        var tracks = contest?.Tracks.ToDictionary(t => t.Id) ?? [];
        var trackIds = tracks.Keys.ToList();
        var objection = await db.Objections.FirstOrDefaultAsync(o => o.Id == id && trackIds.Contains(o.TrackId), cancellationToken)
            ?? throw new DomainException("This objection does not exist.");
        objection.Resolve(outcome, resolution, (await user.GetAsync(cancellationToken))!.Id, site.UtcNow);
        audit.Record("ResolveObjection", nameof(Objection), objection.Reference, after: $"{objection.Outcome}: {objection.Resolution}");
        if (ObjectionMails.IsAddress(objection.Contact))
        {
            outbox.Add([mails.Outcome(objection, tracks[objection.TrackId])], $"the outcome of objection {objection.Reference}");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another organizer decided it since this one loaded it: theirs stands, nobody is mailed twice.
            throw new DomainException("This objection was already resolved.");
        }
    }

    /// <summary>An objection of the current contest by its reference, for its objector; null when there is none.</summary>
    public async Task<ObjectionStatus?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        var contest = await site.CurrentContestAsync(cancellationToken);
        var tracks = contest?.Tracks.ToDictionary(t => t.Id) ?? [];
        var trackIds = tracks.Keys.ToList();
        var normalized = ObjectionReference.Normalize(reference);
        var objection = normalized.Length > ObjectionReference.Length
            ? null
            : await db.Objections.AsNoTracking().FirstOrDefaultAsync(o => o.Reference == normalized && trackIds.Contains(o.TrackId), cancellationToken);
        return objection is null
            ? null
            : new ObjectionStatus(objection.Reference, tracks[objection.TrackId].Name.ForCurrentCulture(), objection.EntryCode, objection.CreatedAt, objection.Outcome, objection.Resolution, objection.ResolvedAt)
            {
                ResponseRequestedAt = await responses.FirstAskedAsync(objection.Id, cancellationToken),
            };
    }

    private static string EntryPage(Track track, string code) =>
        track.Kind == TrackKind.Essay ? $"/organizer/essays/{code}" : $"/organizer/nominations/{code}";
}

public sealed record ReceivedObjection(string Reference, bool Mailed);

/// <summary>What the objector reads of their objection: never the name or contact, nor who decided it.</summary>
public sealed record ObjectionStatus(string Reference, string Track, string? EntryCode, DateTime ReceivedAt, ObjectionOutcome? Outcome, string? Resolution, DateTime? ResolvedAt)
{
    public bool IsResolved => ResolvedAt is not null;

    /// <summary>When the organizer first asked the entrant for a response: the objector learns that it was asked, never what was said.</summary>
    public DateTime? ResponseRequestedAt { get; init; }
}
