namespace Awards.Core.Ranking;

/// <summary>The range of the weighted rubric's totals, e.g. 0–100.</summary>
public sealed record ScoreScale(decimal Min, decimal Max);
