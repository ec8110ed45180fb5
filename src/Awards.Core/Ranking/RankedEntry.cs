namespace Awards.Core.Ranking;

/// <summary>An entry's line in the ranking.</summary>
/// <param name="EntryId">The entry.</param>
/// <param name="Position">1, 2, 3, … down the ranking, with no gaps and no repeats.</param>
/// <param name="Place">
/// The place shown: tied entries (<see cref="RankFlags.Tie"/>) share the place of the first of
/// them, and the next entry's place is its position (1, 2, 2, 4).
/// </param>
/// <param name="Score">What the entries are ordered by, from the method (2 places).</param>
/// <param name="Mean">The mean of the raw totals (2 places).</param>
/// <param name="Median">
/// The median of the raw totals, or of the normalized ones for <see cref="AggregationMethod.ZScore"/>
/// (2 places); the first tie-break.
/// </param>
/// <param name="TopScores">How many raw totals are in the top band; the second tie-break.</param>
/// <param name="Spread">The highest raw total minus the lowest (0 with one judge).</param>
/// <param name="Judges">Every judge's total, by judge name.</param>
/// <param name="Qualified">Whether the score reaches the minimum score.</param>
/// <param name="ComputedLevel">The level the entry's position gives it; null for none.</param>
/// <param name="Level">The level the entry gets: the override's, or else the computed one.</param>
/// <param name="OverrideReason">The organizer's reason when the level was overridden.</param>
/// <param name="Flags">What the organizer should know.</param>
public sealed record RankedEntry(
    int EntryId,
    int Position,
    int Place,
    decimal Score,
    decimal Mean,
    decimal Median,
    int TopScores,
    decimal Spread,
    IReadOnlyList<JudgeTotal> Judges,
    bool Qualified,
    int? ComputedLevel,
    int? Level,
    string? OverrideReason,
    RankFlags Flags)
{
    /// <summary>The round the entry was ranked on: 0 for the ranked round, 1 for the one before it, and so on.</summary>
    public int Tier { get; init; }
}
