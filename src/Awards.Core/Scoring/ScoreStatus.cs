namespace Awards.Core.Scoring;

public enum ScoreStatus
{
    /// <summary>Saved by the judge but not yet counted.</summary>
    Draft,

    /// <summary>Counted; the judge may still revise it until the round closes.</summary>
    Submitted,
}
