using Awards.Core.Results;
using Awards.Core.Tracks;
using Awards.Web.Data;
using Awards.Web.Features.Results;
using Awards.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Verify;

public sealed record VerifiedCertificate(string Code, string Winner, string Unit, string Award, string Level, string Contest, DateTime FinalizedAt)
{
    /// <summary>When the award was revoked (ADR 0017): the check says so, with the document's number, never the reason.</summary>
    public DateTime? RevokedAt { get; init; }

    public string? RevocationDocument { get; init; }
}

/// <summary>
/// What a certificate's code confirms, in the reader's language: a prize of this edition once
/// its results are final, or else a certificate of an earlier edition (<see cref="ArchivedCertificate"/>).
/// </summary>
public sealed class Certificates(AwardsDbContext db, SiteContext site, TrackResults results, IStringLocalizer<SharedResource> l)
{
    public async Task<VerifiedCertificate?> FindAsync(string code, CancellationToken cancellationToken)
    {
        code = code.Trim().ToUpperInvariant();
        if (!VerifyCode.IsWellFormed(code))
        {
            return null;
        }

        return await CurrentAsync(code, cancellationToken) ?? await ArchivedAsync(code, cancellationToken);
    }

    /// <summary>The codes of this edition's final prizes, for <c>next-edition</c> to carry over; a revoked one is not (ADR 0017).</summary>
    public Task<List<string>> FinalCodesAsync(CancellationToken cancellationToken) =>
        (from p in db.Placements.AsNoTracking()
         join r in db.TrackResults.AsNoTracking() on p.TrackResultId equals r.Id
         where r.Stage == ResultStage.Final && p.LevelRank != null && p.RevokedAt == null
         orderby p.VerifyCode
         select p.VerifyCode).ToListAsync(cancellationToken);

    /// <summary>A final prize of this edition.</summary>
    public async Task<VerifiedCertificate?> CurrentAsync(string code, CancellationToken cancellationToken)
    {
        var found = await (
            from p in db.Placements.AsNoTracking()
            join r in db.TrackResults.AsNoTracking() on p.TrackResultId equals r.Id
            where p.VerifyCode == code && r.Stage == ResultStage.Final && p.LevelRank != null
            select new { Placement = p, Result = r }).FirstOrDefaultAsync(cancellationToken);
        var contest = await site.CurrentContestAsync(cancellationToken);
        var track = found is null ? null : contest?.Tracks.FirstOrDefault(t => t.Id == found.Result.TrackId);
        if (found is null || track is null)
        {
            return null;
        }

        string winner, unit;
        if (found.Placement.EntryId is int entryId)
        {
            var facts = (await results.FactsAsync([entryId], cancellationToken))[entryId];
            (winner, unit) = (facts.Author, track.Kind == TrackKind.UnitAward ? string.Empty : await UnitNameAsync(facts.UnitId, cancellationToken));
        }
        else
        {
            winner = await UnitNameAsync(found.Placement.UnitId!.Value, cancellationToken);
            unit = string.Empty;
        }

        var level = track.AwardLevels.FirstOrDefault(l => l.Rank == found.Placement.LevelRank)?.Name.ForCurrentCulture() ?? "?";
        return new VerifiedCertificate(code, winner, unit, track.Name.ForCurrentCulture(), level, contest!.Name.ForCurrentCulture(), found.Result.FinalizedAt!.Value)
        {
            RevokedAt = found.Placement.RevokedAt,
            RevocationDocument = found.Placement.RevocationDocument,
        };
    }

    /// <summary>A unit's name in the reader's language, with the names it had before (a certificate printed then carries the old one).</summary>
    private async Task<string> UnitNameAsync(int unitId, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Name, u.FormerNames }).FirstAsync(cancellationToken);
        var name = unit.Name.ForCurrentCulture();
        return unit.FormerNames.Count == 0 ? name : l["{0}, formerly {1}", name, string.Join(l["; "], unit.FormerNames.Select(n => n.ForCurrentCulture()))].Value;
    }

    private async Task<VerifiedCertificate?> ArchivedAsync(string code, CancellationToken cancellationToken) =>
        await db.ArchivedCertificates.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, cancellationToken) is { } c
            ? new VerifiedCertificate(c.Code, c.Winner.ForCurrentCulture(), c.Unit.ForCurrentCulture(), c.Award.ForCurrentCulture(), c.Level.ForCurrentCulture(), c.Contest.ForCurrentCulture(), c.FinalizedAt)
            : null;
}
