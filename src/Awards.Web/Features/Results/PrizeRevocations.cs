using Awards.Core.Common;
using Awards.Core.Results;
using Awards.Core.Tracks;
using Awards.Web.Data;
using Awards.Web.Features.Entries;
using Awards.Web.Infrastructure;
using Awards.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Awards.Web.Features.Results;

/// <summary>One prize of published results as the organizer sees it, named by its certificate's code, with its revocation if any.</summary>
public sealed record AwardedPrize(string Certificate, int LevelRank, string Level, string? EntryCode, string Title, string Winner, DateTime? RevokedAt, string? RevokedBy, string? Reason, string? Document)
{
    public bool Revoked => RevokedAt is not null;
}

/// <summary>The prizes of a final track on its results page (<c>Views/_Prizes.cshtml</c>).</summary>
public sealed record PrizesSection(string TrackCode, IReadOnlyList<AwardedPrize> Prizes);

/// <summary>The confirmation step of revoking a prize: what will happen, who hears of it, and the form.</summary>
public sealed record RevokePage(Track Track, AwardedPrize Prize, int Recipients, string? Reason = null, string? Document = null, string? Error = null);

/// <summary>
/// Revoking a prize of final results (撤销表彰, ADR 0017): the placement stays, marked revoked with
/// when, by whom, why and the document's number; nobody moves up. The certificate's check page says
/// so, public lists and exports leave it out, and the winner hears of it by mail, with the reason.
/// </summary>
public sealed class PrizeRevocations(AwardsDbContext db, SiteContext site, CurrentUser user, TrackResults results, MailOutbox outbox, AuditLog audit, IOptions<AwardsOptions> options, IStringLocalizer<SharedResource> l)
{
    public const string Action = "RevokePrize";

    /// <summary>The prizes of a track's published results in prize order, revoked ones marked.</summary>
    public async Task<IReadOnlyList<AwardedPrize>> PrizesAsync(Track track, TrackResult result, CancellationToken cancellationToken) =>
        result.Id == 0 ? [] : await PrizesAsync(track, db.Placements.Where(p => p.TrackResultId == result.Id && p.LevelRank != null), cancellationToken);

    /// <summary>The confirmation page for a prize of the track named by its certificate's code; null when the track has no such prize.</summary>
    public async Task<RevokePage?> PageAsync(Track track, string certificate, CancellationToken cancellationToken)
    {
        if (await PlacementAsync(track, certificate, tracked: false, cancellationToken) is not { } placement)
        {
            return null;
        }

        var prize = (await PrizesAsync(track, db.Placements.Where(p => p.Id == placement.Id), cancellationToken))[0];
        return new RevokePage(track, prize, (await RecipientsAsync(placement, cancellationToken)).Count);
    }

    /// <summary>Why the prize cannot be revoked now (results not final, revoked already), or null when it can.</summary>
    public async Task<DomainException?> RefusalAsync(Track track, string certificate, CancellationToken cancellationToken)
    {
        var stage = await db.TrackResults.Where(r => r.TrackId == track.Id).Select(r => (ResultStage?)r.Stage).FirstOrDefaultAsync(cancellationToken);
        var placement = await PlacementAsync(track, certificate, tracked: false, cancellationToken);
        return placement is null ? null
            : stage != ResultStage.Final ? new DomainException(ResultMessages.RevokeNotFinal)
            : placement.RevokedAt is DateTime at ? new DomainException(ResultMessages.AlreadyRevoked, at)
            : placement.LevelRank is null ? new DomainException(ResultMessages.NoPrizeToRevoke)
            : null;
    }

    /// <summary>
    /// Revokes the prize under the write lock, read again there, so that a second click finds it
    /// revoked and changes nothing; the mails go in the outbox with the change. Returns how many
    /// mails there are, or null when the track has no prize with this certificate code.
    /// </summary>
    public Task<int?> RevokeAsync(Track track, string certificate, string reason, string? document, CancellationToken cancellationToken) =>
        ImmediateTransaction.RunAsync(db, async ct =>
        {
            if (await PlacementAsync(track, certificate, tracked: true, ct) is not { } placement)
            {
                return (int?)null;
            }

            var result = await db.TrackResults.AsNoTracking().FirstAsync(r => r.Id == placement.TrackResultId, ct);
            var by = (await user.GetAsync(ct))!;
            placement.Revoke(result.Stage, reason, document, by.Id, site.UtcNow);

            var level = track.AwardLevels.FirstOrDefault(a => a.Rank == placement.LevelRank)?.Name.Zh ?? "?";
            var mails = await MailsAsync(track, placement, ct);
            audit.Record("RevokePrize", nameof(Placement), placement.VerifyCode, before: $"{track.Code} {level}", after: $"{placement.RevocationDocument ?? "-"}: {placement.RevocationReason}");
            outbox.Add(mails, $"the revocation of {placement.VerifyCode}");
            await db.SaveChangesAsync(ct);
            return mails.Count;
        }, cancellationToken);

    private Task<Placement?> PlacementAsync(Track track, string certificate, bool tracked, CancellationToken cancellationToken)
    {
        var code = (certificate ?? string.Empty).Trim().ToUpperInvariant();
        var placements = tracked ? db.Placements : db.Placements.AsNoTracking();
        return (
            from p in placements
            join r in db.TrackResults on p.TrackResultId equals r.Id
            where r.TrackId == track.Id && p.VerifyCode == code
            select p).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<AwardedPrize>> PrizesAsync(Track track, IQueryable<Placement> query, CancellationToken cancellationToken)
    {
        var placements = await query.AsNoTracking().OrderBy(p => p.LevelRank).ThenBy(p => p.Position).ToListAsync(cancellationToken);
        var facts = await results.FactsAsync([.. placements.Where(p => p.EntryId != null).Select(p => p.EntryId!.Value)], cancellationToken);
        var unitIds = placements.Where(p => p.UnitId != null).Select(p => p.UnitId!.Value).ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name.ForCurrentCulture(), cancellationToken);
        var byIds = placements.Where(p => p.RevokedByUserId != null).Select(p => p.RevokedByUserId!.Value).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => byIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return [.. placements.Select(p =>
        {
            var level = track.AwardLevels.FirstOrDefault(a => a.Rank == p.LevelRank)?.Name.ForCurrentCulture() ?? "?";
            var by = p.RevokedByUserId is int id ? names.GetValueOrDefault(id) : null;
            if (p.EntryId is int entryId && facts.TryGetValue(entryId, out var f))
            {
                return new AwardedPrize(p.VerifyCode, p.LevelRank ?? 0, level, f.Code, f.Title, f.Author, p.RevokedAt, by, p.RevocationReason, p.RevocationDocument);
            }

            var unit = units.GetValueOrDefault(p.UnitId ?? 0) ?? "?";
            return new AwardedPrize(p.VerifyCode, p.LevelRank ?? 0, level, null, unit, unit, p.RevokedAt, by, p.RevocationReason, p.RevocationDocument);
        })];
    }

    /// <summary>
    /// Who hears of it: an essay's author; for a nomination the coordinators of the unit that
    /// entered it and whoever entered it; for the Outstanding Organization Award the unit's coordinators.
    /// </summary>
    private async Task<List<MailReader>> RecipientsAsync(Placement placement, CancellationToken cancellationToken)
    {
        if (placement.UnitId is int unitId)
        {
            return await UnitCoordinators.ReadersAsync(db, unitId, cancellationToken);
        }

        var entry = await (
            from e in db.Entries.AsNoTracking()
            where e.Id == placement.EntryId
            join u in db.Users on e.OwnerUserId equals u.Id
            select new { e.UnitId, e.TrackId, Owner = new MailReader(u.Email!, u.DisplayName, u.Language) }).FirstAsync(cancellationToken);
        var kind = (await site.CurrentContestAsync(cancellationToken))?.Tracks.FirstOrDefault(t => t.Id == entry.TrackId)?.Kind;
        if (kind == TrackKind.Essay)
        {
            return [entry.Owner];
        }

        var readers = await UnitCoordinators.ReadersAsync(db, entry.UnitId, cancellationToken);
        return [.. readers.Append(entry.Owner).DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase)];
    }

    private async Task<List<OutgoingMail>> MailsAsync(Track track, Placement placement, CancellationToken cancellationToken)
    {
        var prize = (await PrizesAsync(track, db.Placements.Where(p => p.Id == placement.Id), cancellationToken))[0];
        var contest = (await site.CurrentContestAsync(cancellationToken))?.Name;
        var url = options.Value.PublicUrl.TrimEnd('/');
        var unit = placement.UnitId is int unitId ? await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).FirstAsync(cancellationToken) : null;
        return [.. (await RecipientsAsync(placement, cancellationToken)).Select(reader => Cultures.In(reader.Language, () =>
        {
            var level = track.AwardLevels.FirstOrDefault(a => a.Rank == placement.LevelRank)?.Name.ForCurrentCulture() ?? string.Empty;
            var award = track.Name.ForCurrentCulture();
            var edition = contest?.ForCurrentCulture() ?? string.Empty;
            var at = SiteTime.Format(placement.RevokedAt!.Value);
            var what = track.Kind switch
            {
                TrackKind.Essay => l["The {0} of {1} in {2} that your essay “{3}” won is revoked as of {4}.", level, award, edition, prize.Title, at],
                TrackKind.UnitAward => l["The {0} of {1} in {2} that {3} won is revoked as of {4}.", level, award, edition, unit?.ForCurrentCulture() ?? prize.Winner, at],
                _ => l["The {0} of {1} in {2} that the nomination “{3}” ({4}) won is revoked as of {5}.", level, award, edition, prize.Title, prize.EntryCode ?? string.Empty, at],
            };
            var lines = new List<string>
            {
                l["Hello {0},", reader.Name],
                what,
                l["Reason: {0}", placement.RevocationReason!],
            };
            if (placement.RevocationDocument is { } number)
            {
                lines.Add(l["Document number: {0}", number]);
            }

            lines.Add(l["The certificate {0} is no longer valid: its check page at {1} says that the award was revoked.", placement.VerifyCode, $"{url}/verify/{placement.VerifyCode}"]);
            lines.Add(l["If you have questions, please contact the organizing office."]);
            return new OutgoingMail(reader.Email, l["Award revoked: {0}, {1}", award, level], string.Join("\n\n", lines));
        }))];
    }
}
