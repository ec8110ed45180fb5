namespace Awards.Core.Judging;

/// <summary>
/// An entry of the round to be judged: its unit (judges of that unit may not judge it) and the
/// judges who declared a conflict of interest on it (ids of judges not on the panel are allowed).
/// </summary>
public sealed record CandidateEntry(int EntryId, int UnitId, IReadOnlyCollection<int> ConflictedJudgeIds);
