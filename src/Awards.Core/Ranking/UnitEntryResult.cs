namespace Awards.Core.Ranking;

/// <summary>An entry of a unit and how it did.</summary>
/// <param name="UnitId">The unit.</param>
/// <param name="EntryId">The entry.</param>
/// <param name="Score">Its score; null when it was not scored.</param>
/// <param name="Level">The level it got; null for no prize.</param>
public sealed record UnitEntryResult(int UnitId, int EntryId, decimal? Score, int? Level);
