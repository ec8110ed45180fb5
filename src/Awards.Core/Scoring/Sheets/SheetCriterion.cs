namespace Awards.Core.Scoring.Sheets;

/// <summary>
/// A criterion as a score sheet may name it: its column is headed by any of <see cref="Names"/>
/// (usually the Chinese and the English name) or by "c1", "c2", … after its place in the list
/// given to <see cref="ScoreSheetReader.Read"/>.
/// </summary>
public sealed record SheetCriterion(int Id, IReadOnlyList<string> Names);
