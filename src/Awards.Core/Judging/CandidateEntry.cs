namespace Awards.Core.Judging;

/// <summary>
/// An entry of the round to be judged: its unit (judges of that unit may not judge it) and the
/// judges who may not judge it for another reason: a conflict declared by the judge or recorded by
/// the organizer, a unit conflict beyond the judge's own (designated help, the nominated
/// organisation, a unit recorded against the judge; <see cref="UnitConflicts"/>, ADR 0016). Ids of
/// judges not on the panel are allowed.
/// </summary>
public sealed record CandidateEntry(int EntryId, int UnitId, IReadOnlyCollection<int> ConflictedJudgeIds);
