using Awards.Core.Ranking;
using RankingResult = Awards.Core.Ranking.Ranking;

namespace Awards.Core.Scoring;

/// <summary>An entry's standing after a round: its submitted totals.</summary>
public sealed record RoundResult(int EntryId, IReadOnlyList<decimal> Totals)
{
    public decimal? Mean => Totals.Count == 0 ? null : Math.Round(Totals.Average(), 2);

    /// <summary>The highest total minus the lowest: how far the judges disagree.</summary>
    public decimal Range => Totals.Count < 2 ? 0 : Totals.Max() - Totals.Min();
}

/// <summary>One ranked entry of the round before, and whether it goes on.</summary>
/// <param name="Entry">Its line in the round's ranking: score, place and flags as the results page has them.</param>
/// <param name="GoesOn">Whether it is on the shortlist.</param>
/// <param name="TiedAtCut">Tied with the last place that goes on, in a tie that runs past the cut: it goes on with the others.</param>
public sealed record ShortlistLine(RankedEntry Entry, bool GoesOn, bool TiedAtCut);

/// <summary>The round's ranking cut in two: who goes on to the next round and who does not.</summary>
/// <param name="Lines">Every ranked entry, in the ranking's order.</param>
/// <param name="Places">How many places the shortlist has (the top N, or the top x % of the ranked entries, rounded up).</param>
public sealed record ShortlistCut(IReadOnlyList<ShortlistLine> Lines, int Places)
{
    /// <summary>The entries that go on, best first.</summary>
    public IReadOnlyList<int> Selected => [.. Lines.Where(l => l.GoesOn).Select(l => l.Entry.EntryId)];
}

/// <summary>
/// Who goes on to the next round, and which entries the judges disagree on. The order is the
/// ranking's (<see cref="Ranker"/>, with the award's aggregation and minimum score), so the entries
/// a preliminary round sends on are the ones its ranking would put first; entries tied with the
/// last place all go on, never cut silently, and an entry below the minimum score never goes on.
/// </summary>
public static class Shortlist
{
    /// <summary>
    /// Cuts the ranking after the top <paramref name="top"/> entries, or the top
    /// <paramref name="percent"/> % of the ranked entries (rounded up); neither: every entry. Only
    /// qualified entries (at or above the minimum score) take places; entries tied with the last
    /// of them go on too.
    /// </summary>
    public static ShortlistCut Cut(RankingResult ranking, int? top, decimal? percent)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        var entries = ranking.Entries;
        var qualified = entries.Where(e => e.Qualified).ToList();
        var places = top ?? (percent is decimal p ? (int)Math.Ceiling(entries.Count * p / 100m) : entries.Count);
        places = Math.Clamp(places, 0, qualified.Count);
        if (places == 0)
        {
            return new ShortlistCut([.. entries.Select(e => new ShortlistLine(e, false, false))], 0);
        }

        // Places are the ranking's: tied entries share the place of the first of them.
        var cutPlace = qualified[places - 1].Place;
        var atCut = qualified.Count(e => e.Place == cutPlace);
        var beyond = qualified.Skip(places).Any(e => e.Place == cutPlace);
        var going = qualified.Take(places).Select(e => e.EntryId).Concat(qualified.Where(e => e.Place == cutPlace).Select(e => e.EntryId)).ToHashSet();
        return new ShortlistCut(
            [.. entries.Select(e => new ShortlistLine(e, going.Contains(e.EntryId), beyond && atCut > 1 && e.Qualified && e.Place == cutPlace))],
            places);
    }

    /// <summary>Entries whose judges' totals differ by more than <paramref name="threshold"/> points.</summary>
    public static IReadOnlyList<RoundResult> Disputed(IReadOnlyList<RoundResult> results, decimal threshold) =>
        [.. results.Where(r => r.Range > threshold).OrderByDescending(r => r.Range)];
}
