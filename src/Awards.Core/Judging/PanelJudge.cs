namespace Awards.Core.Judging;

/// <summary>
/// A judge on the round's panel. A judge's own unit is a conflict for that unit's entries; a judge
/// without a unit (an outside expert) has no unit conflict.
/// </summary>
public sealed record PanelJudge(int JudgeId, int? UnitId);
