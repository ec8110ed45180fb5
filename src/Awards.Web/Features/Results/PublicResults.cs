using Awards.Core.Common;
using Awards.Core.Entries;
using Awards.Core.Results;
using Awards.Core.Tracks;
using Awards.Web.Data;
using Awards.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Results;

/// <summary>
/// What the public sees of results: the notice of proposed winners, and the final results with the
/// winning essays. Everything comes from the published placements. Objections: <see cref="Objections"/>.
/// </summary>
public sealed class PublicResults(AwardsDbContext db, SiteContext site, IStringLocalizer<SharedResource> l)
{
    // The public notice and the final results are the most visited pages of the notice period; their
    // reads are compiled once (EF's translation cache still extracted and looked up each query's
    // parameters and tree on every view: docs/PERFORMANCE.md). Results of other editions drop out
    // against the current contest's tracks.
    private static readonly Func<AwardsDbContext, ResultStage, IAsyncEnumerable<TrackResult>> CompiledResults = EF.CompileAsyncQuery(
        (AwardsDbContext db, ResultStage stage) => db.TrackResults.AsNoTracking().Where(r => r.Stage == stage));

    // A result's winners in prize order with what the notice shows of each, in one join from the
    // placements (through their index on TrackResultId, LevelRank, Position). An essay's or a
    // nomination's placement names its entry; the Outstanding Organization Award's names its unit.
    private static readonly Func<AwardsDbContext, int, IAsyncEnumerable<WinnerRow>> CompiledWinners = EF.CompileAsyncQuery(
        (AwardsDbContext db, int resultId) =>
            from p in db.Placements.AsNoTracking()
            where p.TrackResultId == resultId && p.LevelRank != null && p.RevokedAt == null
            join e in db.Entries on p.EntryId equals (int?)e.Id into entries
            from e in entries.DefaultIfEmpty()
            join o in db.Users on e.OwnerUserId equals o.Id into owners
            from o in owners.DefaultIfEmpty()
            join u in db.Units on e.UnitId equals u.Id into units
            from u in units.DefaultIfEmpty()
            join nu in db.Units on e.NomineeUnitId equals nu.Id into nomineeUnits
            from nu in nomineeUnits.DefaultIfEmpty()
            join pu in db.Units on p.UnitId equals (int?)pu.Id into placedUnits
            from pu in placedUnits.DefaultIfEmpty()
            orderby p.LevelRank, p.Position
            select new WinnerRow
            {
                LevelRank = p.LevelRank!.Value,
                Code = e == null ? null : e.Code,
                Title = e == null ? null : e.Title,
                Status = e == null ? null : e.Status,
                Nominee = e == null ? null : e.Nominee,
                Owner = o == null ? null : o.DisplayName,
                Unit = u == null ? null : u.Name,
                NomineeUnit = nu == null ? null : nu.Name,
                PlacedUnit = pu == null ? null : pu.Name,
            });

    public async Task<IReadOnlyList<PublicTrack>> TracksAsync(ResultStage stage, CancellationToken cancellationToken)
    {
        var contest = await site.CurrentContestAsync(cancellationToken);
        if (contest is null)
        {
            return [];
        }

        cancellationToken.ThrowIfCancellationRequested();
        var published = await CompiledResults(db, stage).ToListAsync(cancellationToken);
        var list = new List<PublicTrack>();
        foreach (var track in contest.Tracks.OrderBy(t => t.SortOrder))
        {
            if (published.FirstOrDefault(r => r.TrackId == track.Id) is { } result)
            {
                list.Add(new PublicTrack(track, result, await WinnersAsync(track, result, cancellationToken)));
            }
        }

        return await WithObjectionsAsync(list, cancellationToken);
    }

    /// <summary>A winning essay of a final result, for anyone to read; null for anything else.</summary>
    public async Task<(Entry Entry, Winner Winner)?> WinningEssayAsync(string code, CancellationToken cancellationToken)
    {
        var found = await (
            from p in db.Placements
            join r in db.TrackResults on p.TrackResultId equals r.Id
            join e in db.Entries on p.EntryId equals e.Id
            where e.Code == code && r.Stage == ResultStage.Final && p.LevelRank != null && p.RevokedAt == null
            select new { Entry = e, Result = r }).FirstOrDefaultAsync(cancellationToken);
        var track = found is null ? null : (await site.CurrentContestAsync(cancellationToken))?.Tracks.FirstOrDefault(t => t.Id == found.Entry.TrackId);
        if (found is null || track is not { Kind: TrackKind.Essay })
        {
            return null;
        }

        var winner = (await WinnersAsync(track, found.Result, cancellationToken)).First(w => w.Code == code);
        return (found.Entry, winner);
    }

    /// <summary>By entry code, the prize each entry won (empty: none; a revoked one says so), once the results of its award are final.</summary>
    public async Task<Dictionary<string, string>> FinalLevelsAsync(List<string> codes, CancellationToken cancellationToken)
    {
        var contest = await site.CurrentContestAsync(cancellationToken);
        var rows = await (
            from p in db.Placements
            join r in db.TrackResults on p.TrackResultId equals r.Id
            join e in db.Entries on p.EntryId equals e.Id
            where codes.Contains(e.Code) && r.Stage == ResultStage.Final
            select new { e.Code, r.TrackId, p.LevelRank, p.RevokedAt }).ToListAsync(cancellationToken);
        string Level(int trackId, int rank) => contest?.Tracks.FirstOrDefault(t => t.Id == trackId)?.AwardLevels.FirstOrDefault(l => l.Rank == rank)?.Name.ForCurrentCulture() ?? "?";
        return rows.ToDictionary(r => r.Code, r => r.LevelRank is int rank
            ? r.RevokedAt is DateTime at ? l["{0}, revoked on {1}", Level(r.TrackId, rank), SiteTime.Format(at)].Value : Level(r.TrackId, rank)
            : string.Empty);
    }

    /// <summary>
    /// The tracks whose notice period is over, with the objections it received counted by outcome.
    /// Only those received since the notice began: a notice withdrawn and published again is a new
    /// notice period, and the objections to the first one were about another list.
    /// </summary>
    private async Task<List<PublicTrack>> WithObjectionsAsync(List<PublicTrack> tracks, CancellationToken cancellationToken)
    {
        var ended = tracks.Where(t => t.Result.NoticeEndsAt is { } end && end <= site.UtcNow).Select(t => t.Track.Id).ToList();
        if (ended.Count == 0)
        {
            return tracks;
        }

        var objections = await db.Objections.AsNoTracking()
            .Where(o => ended.Contains(o.TrackId))
            .Select(o => new { o.TrackId, o.CreatedAt, o.Outcome, Resolved = o.ResolvedAt != null })
            .ToListAsync(cancellationToken);
        return [.. tracks.Select(t =>
        {
            if (!ended.Contains(t.Track.Id))
            {
                return t;
            }

            var received = objections.Where(o => o.TrackId == t.Track.Id && o.CreatedAt >= t.Result.NoticeStartsAt).ToList();
            return t with
            {
                Objections = new ObjectionSummary(
                    received.Count,
                    received.Count(o => o.Outcome == ObjectionOutcome.Upheld),
                    received.Count(o => o.Outcome == ObjectionOutcome.PartlyUpheld),
                    received.Count(o => o.Outcome == ObjectionOutcome.Dismissed),
                    received.Count(o => !o.Resolved),
                    received.Count(o => o.Resolved && o.Outcome is null)),
            };
        })];
    }

    private async Task<IReadOnlyList<Winner>> WinnersAsync(Track track, TrackResult result, CancellationToken cancellationToken)
    {
        string Level(int rank) => track.AwardLevels.FirstOrDefault(l => l.Rank == rank)?.Name.ForCurrentCulture() ?? "?";
        var readable = track.Kind == TrackKind.Essay && result.Stage == ResultStage.Final;
        Winner Of(WinnerRow w)
        {
            if (w.Code is null)
            {
                // The unit award's winner: the unit stands as both the title and the unit.
                var unit = w.PlacedUnit?.ForCurrentCulture() ?? "?";
                return new Winner(track.Code, null, unit, string.Empty, unit, w.LevelRank, Level(w.LevelRank), false);
            }

            return new Winner(
                track.Code,
                w.Code,
                w.Title ?? string.Empty,
                TrackResults.AuthorName(w.Nominee, w.NomineeUnit, w.Owner ?? string.Empty, chinese: false),
                w.Unit?.ForCurrentCulture() ?? "?",
                w.LevelRank,
                Level(w.LevelRank),
                readable)
            {
                // Disqualified or withdrawn while on notice: the notice says so at once, rather than
                // naming a winner who is no longer in the contest until it is published again.
                // (Final results hold none: they cannot be finalized with such a winner.)
                Dropped = result.Stage == ResultStage.Notice && w.Status is { } status && !EntryStatuses.Counted.Contains(status) ? status : null,
            };
        }

        return [.. (await CompiledWinners(db, result.Id).ToListAsync(cancellationToken)).Select(Of)];
    }
}

/// <summary>A winner as the public notice reads it: an entry (its code and the rest) or, for the unit award, a unit.</summary>
internal sealed class WinnerRow
{
    public int LevelRank { get; init; }

    public string? Code { get; init; }

    public string? Title { get; init; }

    public EntryStatus? Status { get; init; }

    public Nominee? Nominee { get; init; }

    public string? Owner { get; init; }

    public BilingualText? Unit { get; init; }

    public BilingualText? NomineeUnit { get; init; }

    public BilingualText? PlacedUnit { get; init; }
}
