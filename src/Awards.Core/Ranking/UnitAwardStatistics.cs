using System.Collections.Frozen;

namespace Awards.Core.Ranking;

/// <summary>
/// How the units did: per unit, its entries, how many were scored, their average score, its prizes
/// and its prize points (the sum of its levels' weights; a level without a weight counts 0). Units
/// are ordered by prize points, then prizes, then average score (units without scores last), then
/// entries, highest first; units equal on all four share a place (1, 2, 2, 4) and are listed by id.
/// </summary>
public static class UnitAwardStatistics
{
    private static readonly FrozenDictionary<int, decimal> DefaultWeights =
        new Dictionary<int, decimal> { [1] = 4, [2] = 3, [3] = 2, [4] = 1 }.ToFrozenDictionary();

    /// <summary>The usual weights: first prize 4 points, second 3, third 2, fourth 1.</summary>
    public static IReadOnlyDictionary<int, decimal> DefaultLevelWeights => DefaultWeights;

    /// <summary>Every unit with an entry in <paramref name="results"/>, in order.</summary>
    /// <param name="results">Every entry of the track (or contest) with its unit, score and level.</param>
    /// <param name="levelWeights">The points of each level's rank.</param>
    public static IReadOnlyList<UnitStanding> Rank(
        IReadOnlyList<UnitEntryResult> results, IReadOnlyDictionary<int, decimal> levelWeights)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(levelWeights);

        var standings = results
            .GroupBy(r => r.UnitId)
            .Select(unit =>
            {
                var scores = unit.Where(r => r.Score is not null).Select(r => r.Score!.Value).ToList();
                return new UnitStanding(
                    unit.Key,
                    unit.Count(),
                    scores.Count,
                    scores.Count == 0 ? null : DecimalStatistics.Round2(DecimalStatistics.Mean(scores)),
                    unit.Count(r => r.Level is not null),
                    unit.Where(r => r.Level is not null).Sum(r => levelWeights.GetValueOrDefault(r.Level!.Value)),
                    0);
            })
            .OrderByDescending(s => s.PrizePoints)
            .ThenByDescending(s => s.Prizes)
            .ThenBy(s => s.AverageScore is null)
            .ThenByDescending(s => s.AverageScore)
            .ThenByDescending(s => s.Entries)
            .ThenBy(s => s.UnitId)
            .ToList();

        for (var i = 0; i < standings.Count; i++)
        {
            var place = i > 0 && SameStanding(standings[i - 1], standings[i]) ? standings[i - 1].Place : i + 1;
            standings[i] = standings[i] with { Place = place };
        }

        return standings;
    }

    private static bool SameStanding(UnitStanding a, UnitStanding b) =>
        a.PrizePoints == b.PrizePoints && a.Prizes == b.Prizes && a.AverageScore == b.AverageScore && a.Entries == b.Entries;
}
