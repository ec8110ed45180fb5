namespace Awards.Core.Ranking;

/// <summary>How an entry's judges' totals become its score.</summary>
public enum AggregationMethod
{
    /// <summary>The mean of the judges' raw totals.</summary>
    RawMean,

    /// <summary>
    /// With 5 judges or more, the mean of the raw totals without one highest and one lowest;
    /// with fewer, the plain mean.
    /// </summary>
    TrimmedMean,

    /// <summary>
    /// The mean of the judges' normalized totals, which puts harsh and lenient judges on the same
    /// footing (see <see cref="JudgeTotal"/>).
    /// </summary>
    ZScore,
}
