namespace Awards.Core.Ranking;

/// <summary>One judge's submitted total for one entry.</summary>
/// <param name="EntryId">The entry.</param>
/// <param name="Judge">The judge's name; judges are told apart by it, ordinally.</param>
/// <param name="Total">The weighted total, Σ weight × value, on the rubric's scale.</param>
public sealed record JudgeScore(int EntryId, string Judge, decimal Total);
