using System.Security.Claims;
using Awards.Core.Common;
using Awards.Core.Entries;
using Awards.Core.Results;
using Awards.Core.Tracks;
using Awards.Web.Authorization;
using Awards.Web.Data;
using Awards.Web.Features.Entries;
using Awards.Web.Infrastructure;
using Awards.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Features.Results;

/// <summary>
/// Asking the entrant for a response to an objection (核实说明, <see cref="ObjectionInquiry"/>):
/// the organizer asks with a time to respond by, whoever answers for the entry is mailed and sees
/// the request on their dashboard with the objection's text but never who raised it, and writes
/// one response that the organizer reads on the objection. ADR 0019.
/// </summary>
public sealed class ObjectionResponses(AwardsDbContext db, SiteContext site, CurrentUser user, AuditLog audit, MailOutbox outbox, ObjectionMails mails, IAuthorizationService authorization)
{
    /// <summary>Asks for a response to an open objection about an entry; returns how many people are mailed.</summary>
    public async Task<int> AskAsync(int objectionId, string? respondBy, CancellationToken cancellationToken)
    {
        var tracks = await TracksAsync(cancellationToken);
        var trackIds = tracks.Keys.ToList();
        if (!SiteTime.TryParseInput(respondBy, out var due))
        {
            throw new DomainException("Please give the date and time to respond by.");
        }

        var me = (await user.GetAsync(cancellationToken))!.Id;
        return await ImmediateTransaction.RunAsync(db, async token =>
        {
            var objection = await db.Objections.AsNoTracking().FirstOrDefaultAsync(o => o.Id == objectionId && trackIds.Contains(o.TrackId), token)
                ?? throw new DomainException("This objection does not exist.");
            var entry = objection.EntryCode is null
                ? null
                : await db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.Code == objection.EntryCode && e.TrackId == objection.TrackId, token);
            var earlier = await db.ObjectionInquiries.AsNoTracking().Where(i => i.ObjectionId == objection.Id).ToListAsync(token);
            var inquiry = ObjectionInquiry.Ask(objection, entry?.Id, earlier, due, me, site.UtcNow);
            var asked = entry!;
            db.ObjectionInquiries.Add(inquiry);
            audit.Record("AskObjectionResponse", nameof(Objection), objection.Reference, after: $"{asked.Code} · {SiteTime.AuditValue(due)}");

            // Saved first: the mail links to the request by its id.
            await db.SaveChangesAsync(token);
            var track = tracks[objection.TrackId];
            var readers = await ReadersAsync(asked, track, token);
            outbox.Add(readers.Select(r => mails.ResponseRequest(r, asked, track, inquiry)), $"the request for a response to objection {objection.Reference}");
            return readers.Count;
        }, cancellationToken);
    }

    /// <summary>The requests to a unit's coordinators about its nominations, newest first.</summary>
    public Task<IReadOnlyList<InquiryForEntrant>> OfUnitAsync(int unitId, CancellationToken cancellationToken) =>
        ForEntrantAsync(TrackKind.Nomination, e => e.UnitId == unitId, cancellationToken);

    /// <summary>The requests to an author about their essays, newest first.</summary>
    public Task<IReadOnlyList<InquiryForEntrant>> OfAuthorAsync(int userId, CancellationToken cancellationToken) =>
        ForEntrantAsync(TrackKind.Essay, e => e.OwnerUserId == userId, cancellationToken);

    /// <summary>A request as the entrant who answers it reads it; null for anyone else (404).</summary>
    public async Task<InquiryPage?> FindAsync(int id, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var tracks = await TracksAsync(cancellationToken);
        var inquiry = await db.ObjectionInquiries.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        var entry = inquiry is null ? null : await db.Entries.AsNoTracking().Include(e => e.Track).FirstOrDefaultAsync(e => e.Id == inquiry.EntryId, cancellationToken);
        if (inquiry is null || entry is null || !tracks.ContainsKey(entry.TrackId) || !(await authorization.AuthorizeAsync(principal, entry, EntryOperations.Respond)).Succeeded)
        {
            return null;
        }

        var objection = await db.Objections.AsNoTracking().FirstAsync(o => o.Id == inquiry.ObjectionId, cancellationToken);
        var respondent = inquiry.RespondedByUserId is int by ? await db.Users.Where(u => u.Id == by).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) : null;
        return new InquiryPage(
            inquiry,
            entry.Code,
            entry.Title,
            entry.Track.Name.ForCurrentCulture(),
            objection.CreatedAt,
            objection.TextWithoutSender(),
            objection.IsResolved,
            respondent,
            site.UtcNow);
    }

    /// <summary>Takes the entrant's response; false when the request is not theirs to answer (404).</summary>
    public async Task<bool> RespondAsync(int id, string? text, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var tracks = await TracksAsync(cancellationToken);
        var me = (await user.GetAsync(cancellationToken))!.Id;
        try
        {
            return await ImmediateTransaction.RunAsync(db, async token =>
            {
                var inquiry = await db.ObjectionInquiries.FirstOrDefaultAsync(i => i.Id == id, token);
                var entry = inquiry is null ? null : await db.Entries.AsNoTracking().Include(e => e.Track).FirstOrDefaultAsync(e => e.Id == inquiry.EntryId, token);
                if (inquiry is null || entry is null || !tracks.ContainsKey(entry.TrackId) || !(await authorization.AuthorizeAsync(principal, entry, EntryOperations.Respond)).Succeeded)
                {
                    return false;
                }

                var objection = await db.Objections.AsNoTracking().FirstAsync(o => o.Id == inquiry.ObjectionId, token);
                inquiry.Respond(objection, text ?? string.Empty, me, site.UtcNow);
                audit.Record("RespondToObjection", nameof(Objection), objection.Reference, after: $"{entry.Code}: {inquiry.Response}");
                return true;
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another coordinator of the unit answered since this one loaded it: theirs stands.
            throw new DomainException("A response to this request was already given; it cannot be changed.");
        }
    }

    /// <summary>The requests about each of the objections, oldest first, with who answered them.</summary>
    public async Task<ILookup<int, InquiryRow>> OfObjectionsAsync(IReadOnlyCollection<int> objectionIds, CancellationToken cancellationToken)
    {
        var ids = objectionIds.ToList();
        var rows = await (
            from i in db.ObjectionInquiries.AsNoTracking()
            join u in db.Users on i.RespondedByUserId equals u.Id into respondents
            from u in respondents.DefaultIfEmpty()
            where ids.Contains(i.ObjectionId)
            orderby i.AskedAt
            select new { Inquiry = i, RespondedBy = u == null ? null : u.DisplayName }).ToListAsync(cancellationToken);
        return rows.ToLookup(r => r.Inquiry.ObjectionId, r => new InquiryRow(r.Inquiry, r.RespondedBy, site.UtcNow));
    }

    /// <summary>When the organizer first asked the entrant about each of the objections, for its objector (no content).</summary>
    public async Task<DateTime?> FirstAskedAsync(int objectionId, CancellationToken cancellationToken) =>
        await db.ObjectionInquiries.Where(i => i.ObjectionId == objectionId).OrderBy(i => i.AskedAt).Select(i => (DateTime?)i.AskedAt).FirstOrDefaultAsync(cancellationToken);

    private async Task<IReadOnlyList<InquiryForEntrant>> ForEntrantAsync(TrackKind kind, System.Linq.Expressions.Expression<Func<Entry, bool>> theirs, CancellationToken cancellationToken)
    {
        var tracks = (await TracksAsync(cancellationToken)).Values.Where(t => t.Kind == kind).ToDictionary(t => t.Id);
        var trackIds = tracks.Keys.ToList();
        var rows = await (
            from e in db.Entries.AsNoTracking().Where(theirs)
            join i in db.ObjectionInquiries on e.Id equals i.EntryId
            join o in db.Objections on i.ObjectionId equals o.Id
            where trackIds.Contains(e.TrackId)
            orderby i.AskedAt descending
            select new { Inquiry = i, e.Code, e.Title, e.TrackId, Resolved = o.ResolvedAt != null }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new InquiryForEntrant(r.Inquiry, r.Code, r.Title, tracks[r.TrackId].Name.ForCurrentCulture(), r.Resolved, site.UtcNow))];
    }

    private async Task<List<MailReader>> ReadersAsync(Entry entry, Track track, CancellationToken cancellationToken)
    {
        if (track.Kind == TrackKind.Nomination)
        {
            return await UnitCoordinators.ReadersAsync(db, entry.UnitId, cancellationToken);
        }

        return await db.Users.AsNoTracking()
            .Where(u => u.Id == entry.OwnerUserId && u.EmailConfirmed && u.DeactivatedAt == null)
            .Select(u => new MailReader(u.Email!, u.DisplayName, u.Language))
            .ToListAsync(cancellationToken);
    }

    private async Task<Dictionary<int, Track>> TracksAsync(CancellationToken cancellationToken) =>
        (await site.CurrentContestAsync(cancellationToken))?.Tracks.ToDictionary(t => t.Id) ?? [];
}

/// <summary>A request as the organizer reads it on the objection.</summary>
public sealed record InquiryRow(ObjectionInquiry Inquiry, string? RespondedBy, DateTime UtcNow)
{
    public bool Pending => Inquiry.IsPendingAt(UtcNow);
}

/// <summary>A request on the entrant's dashboard.</summary>
public sealed record InquiryForEntrant(ObjectionInquiry Inquiry, string Code, string Title, string Track, bool ObjectionResolved, DateTime UtcNow)
{
    /// <summary>Whether a response can still be written.</summary>
    public bool Open => Inquiry.IsPendingAt(UtcNow) && !ObjectionResolved;
}

/// <summary>
/// A request as its entrant reads it: the objection's text with the objector's name and contact
/// blotted out, when it was received, and nothing else of the objection (no reference, no sender).
/// </summary>
public sealed record InquiryPage(ObjectionInquiry Inquiry, string Code, string Title, string Track, DateTime ObjectionReceivedAt, string ObjectionText, bool ObjectionResolved, string? RespondedBy, DateTime UtcNow)
{
    public bool Open => Inquiry.IsPendingAt(UtcNow) && !ObjectionResolved;
}
