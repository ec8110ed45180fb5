namespace Awards.Core.Scoring;

/// <summary>An entry's standing after a round: its submitted totals.</summary>
public sealed record RoundResult(int EntryId, IReadOnlyList<decimal> Totals)
{
    public decimal? Mean => Totals.Count == 0 ? null : Math.Round(Totals.Average(), 2);

    /// <summary>The highest total minus the lowest: how far the judges disagree.</summary>
    public decimal Range => Totals.Count < 2 ? 0 : Totals.Max() - Totals.Min();
}

/// <summary>
/// Who goes on to the next round, and which entries the judges disagree on. The order is the raw
/// mean of the submitted totals; the ranking issue's normalized aggregation can take its place
/// without changing the rule at the cut: entries tied with the last place all go on, never cut
/// silently.
/// </summary>
public static class Shortlist
{
    /// <summary>The entries that go on: the top <paramref name="top"/>, or the top <paramref name="percent"/> % (rounded up), ties at the cut included.</summary>
    public static IReadOnlyList<int> Select(IReadOnlyList<RoundResult> results, int? top, decimal? percent)
    {
        ArgumentNullException.ThrowIfNull(results);
        var scored = results.Where(r => r.Mean is not null).OrderByDescending(r => r.Mean).ThenBy(r => r.EntryId).ToList();
        var places = top ?? (percent is decimal p ? (int)Math.Ceiling(scored.Count * p / 100m) : scored.Count);
        places = Math.Clamp(places, 0, scored.Count);
        if (places == 0)
        {
            return [];
        }

        var cut = scored[places - 1].Mean;
        return [.. scored.TakeWhile((r, i) => i < places || r.Mean == cut).Select(r => r.EntryId)];
    }

    /// <summary>Entries whose judges' totals differ by more than <paramref name="threshold"/> points.</summary>
    public static IReadOnlyList<RoundResult> Disputed(IReadOnlyList<RoundResult> results, decimal threshold) =>
        [.. results.Where(r => r.Range > threshold).OrderByDescending(r => r.Range)];
}
