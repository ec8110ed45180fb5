namespace Awards.Core.Ranking;

/// <summary>How a track's entries are ranked and given prizes.</summary>
/// <param name="Method">How an entry's totals become its score.</param>
/// <param name="MinimumScore">The score an entry needs for any prize; null for none.</param>
/// <param name="Levels">The prize levels with their quotas, in any order.</param>
/// <param name="Scale">The range of the rubric's totals.</param>
public sealed record RankingSettings(
    AggregationMethod Method, decimal? MinimumScore, IReadOnlyList<LevelQuota> Levels, ScoreScale Scale)
{
    /// <summary>The scores a judge needs before their totals are normalized.</summary>
    public int MinScoresToNormalize { get; init; } = 3;

    /// <summary>
    /// Where the top band starts, as a share of the scale: a "top score" is a raw total of at least
    /// Min + TopBand × (Max − Min), 90 on a 0–100 scale.
    /// </summary>
    public decimal TopBand { get; init; } = 0.9m;

    /// <summary>An entry whose highest and lowest raw totals differ by more than this is disputed.</summary>
    public decimal DisputeThreshold { get; init; } = 20m;

    /// <summary>
    /// How many judges each entry was given in the ranked round: an entry with fewer submitted
    /// totals is flagged <see cref="RankFlags.ShortOfScores"/>. Null when not known (a score sheet
    /// ranked on its own, as by the CLI).
    /// </summary>
    public IReadOnlyDictionary<int, int>? Assigned { get; init; }
}
