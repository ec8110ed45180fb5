using Awards.Core.Ranking;

namespace Awards.Core.Results;

/// <summary>
/// Ties across a prize boundary that the organizer has not decided yet. A tie is decided by the
/// organizer's order of the tied entries, or by moving all of them but one by hand (with reasons):
/// then no entry's prize depends on an arbitrary order.
/// </summary>
public static class BoundaryTies
{
    public static IReadOnlyList<IReadOnlyList<RankedEntry>> Undecided(Ranking.Ranking ranking)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        return [.. ranking.Entries
            .Where(e => e.Flags.HasFlag(RankFlags.BoundaryTie))
            .GroupBy(e => e.Place)
            .Where(g => g.Count(e => !e.Flags.HasFlag(RankFlags.Overridden)) > 1)
            .Select(g => (IReadOnlyList<RankedEntry>)[.. g])];
    }
}
