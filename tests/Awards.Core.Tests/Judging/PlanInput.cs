using Awards.Core.Judging;

namespace Awards.Core.Tests.Judging;

/// <summary>What <see cref="Assigner.Plan"/> is given, so tests can plan, check and plan again.</summary>
internal sealed record PlanInput(
    IReadOnlyList<CandidateEntry> Entries,
    IReadOnlyList<PanelJudge> Panel,
    IReadOnlyList<CurrentAssignment> Current,
    int K)
{
    public AssignmentPlan Plan(int seed) => Assigner.Plan(Entries, Panel, Current, K, seed);

    /// <summary>The same round holding what <paramref name="plan"/> proposed, scores as they were.</summary>
    public PlanInput After(AssignmentPlan plan)
    {
        var scored = Current.Where(c => c.HasScore).Select(c => new Pair(c.EntryId, c.JudgeId)).ToHashSet();
        return this with
        {
            Current = [.. plan.Assignments.Select(p => new CurrentAssignment(p.EntryId, p.JudgeId, scored.Contains(p)))],
        };
    }

    /// <summary>The same round where every judge has scored each assignment with the given probability.</summary>
    public PlanInput AfterScoring(AssignmentPlan plan, Random random, double scoredShare)
    {
        var scored = Current.Where(c => c.HasScore).Select(c => new Pair(c.EntryId, c.JudgeId)).ToHashSet();
        return this with
        {
            Current = [.. plan.Assignments.Select(p =>
                new CurrentAssignment(p.EntryId, p.JudgeId, scored.Contains(p) || random.NextDouble() < scoredShare))],
        };
    }

    public static CandidateEntry Entry(int entryId, int unitId, params int[] conflictedJudgeIds) =>
        new(entryId, unitId, conflictedJudgeIds);

    public static PanelJudge Judge(int judgeId, int? unitId = null) => new(judgeId, unitId);

    public static CurrentAssignment Scored(int entryId, int judgeId) => new(entryId, judgeId, true);

    public static CurrentAssignment Unscored(int entryId, int judgeId) => new(entryId, judgeId, false);
}
