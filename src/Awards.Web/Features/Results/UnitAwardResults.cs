using Awards.Core.Common;
using Awards.Core.Entries;
using Awards.Core.Ranking;
using Awards.Core.Results;
using Awards.Core.Tracks;
using Awards.Web.Data;
using Awards.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Awards.Web.Features.Results;

/// <summary>
/// The Outstanding Organization Award (优秀组织奖): per unit, the essays its people entered, their
/// average score and the prizes they won weighted by level, as a suggested ranking; the organizer
/// picks the winners (the track's quota) and publishes them like any other results.
/// </summary>
public sealed class UnitAwardResults(TrackResults results, AwardsDbContext db, SiteContext site, AuditLog audit, IOptions<AwardsOptions> options)
{
    public async Task<UnitAwardPage?> PageAsync(string code, CancellationToken cancellationToken)
    {
        if (await results.TrackAsync(code, cancellationToken) is not { Kind: TrackKind.UnitAward } track)
        {
            return null;
        }

        var result = await results.ResultAsync(track, cancellationToken);
        var standings = await StandingsAsync(null, cancellationToken);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name.ForCurrentCulture(), cancellationToken);
        var rows = standings.Select(s => new UnitRow(s, units.GetValueOrDefault(s.UnitId) ?? "?", result.Picks.Contains(s.UnitId))).ToList();
        var unresolved = await db.Objections.CountAsync(o => o.TrackId == track.Id && o.ResolvedAt == null, cancellationToken);
        return new UnitAwardPage(track, result, rows, Quota(track), await results.ProposedNoticeDaysAsync(cancellationToken), unresolved, site.UtcNow, await PointsAsync(cancellationToken))
        {
            OutOfOrder = TrackResult.PickedOutOfOrder(standings, result.Picks),
        };
    }

    /// <summary>
    /// What each prize level of the essay themes counts for (<c>Awards:Results:LevelPoints</c>), so
    /// that the organizer sees the weighting behind the suggested order, also for a level the
    /// configuration does not name (0 points).
    /// </summary>
    private async Task<IReadOnlyList<LevelPoints>> PointsAsync(CancellationToken cancellationToken)
    {
        var contest = await site.CurrentContestAsync(cancellationToken);
        var points = options.Value.Results.LevelPoints;
        return [.. (contest?.Tracks.Where(t => t.Kind == TrackKind.Essay) ?? [])
            .SelectMany(t => t.AwardLevels)
            .GroupBy(l => l.Rank)
            .OrderBy(g => g.Key)
            .Select(g => new LevelPoints(g.Key, string.Join(" / ", g.Select(l => l.Name.ForCurrentCulture()).Distinct()), points.GetValueOrDefault(g.Key)))];
    }

    /// <summary>
    /// Each unit's essays across the essay themes, scored by the themes' current (or published)
    /// results. With <paramref name="published"/>, only themes whose results reached that stage
    /// (on notice, or final) count their scores and prizes; the others count their essays only:
    /// what leaves the office names no prize that was never announced.
    /// </summary>
    public async Task<IReadOnlyList<UnitStanding>> StandingsAsync(ResultStage? published, CancellationToken cancellationToken)
    {
        var contest = await site.CurrentContestAsync(cancellationToken);
        var results = new List<UnitEntryResult>();
        foreach (var track in contest?.Tracks.Where(t => t.Kind == TrackKind.Essay) ?? [])
        {
            var entries = await db.Entries.Where(e => e.TrackId == track.Id && EntryStatuses.Counted.Contains(e.Status)).Select(e => new { e.Id, e.UnitId }).ToListAsync(cancellationToken);
            var outcome = await OutcomeAsync(track, published, cancellationToken);
            results.AddRange(entries.Select(e => outcome.TryGetValue(e.Id, out var o)
                ? new UnitEntryResult(e.UnitId, e.Id, o.Score, o.Level)
                : new UnitEntryResult(e.UnitId, e.Id, null, null)));
        }

        return UnitAwardStatistics.Rank(results, options.Value.Results.LevelPoints);
    }

    public async Task PickAsync(Track track, IReadOnlyList<int> unitIds, string? reason, CancellationToken cancellationToken)
    {
        var result = await results.ResultAsync(track, cancellationToken);
        var known = await db.Units.Select(u => u.Id).ToListAsync(cancellationToken);
        result.Pick([.. unitIds.Where(known.Contains)], Quota(track), await StandingsAsync(null, cancellationToken), reason);
        audit.Record("PickUnits", nameof(TrackResult), track.Code, after: string.Join(",", result.Picks) + (result.PickReason is { } why ? $": {why}" : string.Empty));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task PublishAsync(Track track, int days, CancellationToken cancellationToken) =>
        await ImmediateTransaction.RunAsync(db, async ct =>
        {
            var result = await results.ResultAsync(track, ct);
            var level = track.AwardLevels.OrderBy(l => l.Rank).FirstOrDefault() ?? throw new DomainException(ResultMessages.UnknownLevel);
            result.PublishPick(result.Picks.Count, days, site.UtcNow, await StandingsAsync(null, ct));
            await db.SaveChangesAsync(ct);
            db.Placements.RemoveRange(await db.Placements.Where(p => p.TrackResultId == result.Id).ToListAsync(ct));
            await db.SaveChangesAsync(ct);
            db.Placements.AddRange(result.Picks.Select((unitId, i) => Placement.ForUnit(result.Id, unitId, i + 1, level.Rank)));
            audit.Record("PublishNotice", nameof(TrackResult), track.Code, after: $"{result.Picks.Count} units until {result.NoticeEndsAt:O}");
            await db.SaveChangesAsync(ct);
            return 0;
        }, cancellationToken);

    private static int Quota(Track track) => track.AwardLevels.Sum(l => l.Quota);

    private async Task<Dictionary<int, (decimal? Score, int? Level)>> OutcomeAsync(Track track, ResultStage? published, CancellationToken cancellationToken)
    {
        var result = await db.TrackResults.AsNoTracking().FirstOrDefaultAsync(r => r.TrackId == track.Id, cancellationToken);
        if (published is { } stage && (result is null || result.Stage < stage))
        {
            return [];
        }

        if (result is { Stage: not ResultStage.Draft })
        {
            // The three columns, untracked: a published theme has 10,000 placements in a province.
            return await db.Placements.Where(p => p.TrackResultId == result.Id && p.EntryId != null)
                .Select(p => new { EntryId = p.EntryId!.Value, p.Score, LevelRank = p.RevokedAt == null ? p.LevelRank : null })
                .ToDictionaryAsync(p => p.EntryId, p => ((decimal?)p.Score, p.LevelRank), cancellationToken);
        }

        var ranking = await results.RankAsync(track, result ?? new TrackResult(track.Id), cancellationToken);
        return ranking?.Entries.ToDictionary(e => e.EntryId, e => ((decimal?)e.Score, e.Level)) ?? [];
    }
}
