namespace Awards.Core.Judging;

/// <summary>
/// An assignment the round already holds. <see cref="HasScore"/> is true when the judge has given
/// a score for the entry (work that a new plan must never throw away while the judge is eligible).
/// </summary>
public sealed record CurrentAssignment(int EntryId, int JudgeId, bool HasScore);
