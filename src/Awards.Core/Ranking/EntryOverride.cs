namespace Awards.Core.Ranking;

/// <summary>The organizer's decision to give an entry another level than its rank gives it.</summary>
/// <param name="EntryId">The entry.</param>
/// <param name="LevelRank">The level the entry gets; null for no prize.</param>
/// <param name="Reason">Why, in writing; required.</param>
public sealed record EntryOverride(int EntryId, int? LevelRank, string Reason);
