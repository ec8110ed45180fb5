using Awards.Core.Common;

namespace Awards.Core.Judging;

/// <summary>
/// Assigns the judges of a panel to the entries of one judging round of one track. The reasoning
/// behind the guarantees is in docs/decisions/0006-judge-assignment.md.
/// </summary>
public static class Assigner
{
    private static readonly Comparison<Pair> ByEntryThenJudge = (a, b) =>
        a.EntryId != b.EntryId ? a.EntryId.CompareTo(b.EntryId) : a.JudgeId.CompareTo(b.JudgeId);

    /// <summary>
    /// Plans the round's assignments from what it already holds. A judge is eligible for an entry
    /// unless the entry is of the judge's unit or lists the judge among its conflicted judges. Guarantees:
    /// <list type="number">
    /// <item><b>Eligibility.</b> No judge is ever assigned to an entry they are not eligible for.</item>
    /// <item><b>Coverage.</b> Every entry ends with min(k, its eligible judges) judges, where the
    /// judges off the panel who keep a score on it (3.) count as eligible; more only when more than k
    /// scores are kept. Entries with fewer than k are listed in <see cref="AssignmentPlan.ShortEntryIds"/>.</item>
    /// <item><b>Keeping work.</b> A current assignment with a score is kept while its judge is
    /// eligible, even when the judge has left the panel (such a judge is checked against the entry's
    /// conflicted judges only, the plan knowing no unit for them). An assignment that became ineligible is
    /// removed and replaced. An unscored one is kept while it is eligible, its judge is on the panel
    /// and its entry has no k judges already (the busiest judges' go first), unless balance needs it
    /// moved (4.). Entries not listed lose all their assignments. Planning again on the result (its
    /// assignments as current, nothing changed) adds and removes nothing, whatever the seed.</item>
    /// <item><b>Balance.</b> <see cref="AssignmentPlan.Spread"/> is the smallest of all plans that meet
    /// 1–3 with every kept score in place: no such plan has a lower highest load or a higher lowest
    /// load. So it is at most 1 whenever the conflicts and kept scores allow that.</item>
    /// <item><b>Randomness.</b> The same inputs (in any order) and seed give the same plan; ties
    /// between entries and between judges are broken at random from the seed.</item>
    /// </list>
    /// </summary>
    /// <param name="entries">The round's entries still in the competition.</param>
    /// <param name="panel">The judges on the track's panel now.</param>
    /// <param name="current">The assignments the round holds now (duplicates are merged).</param>
    /// <param name="judgesPerEntry">k, the judges each entry needs.</param>
    /// <param name="seed">The seed of the random tie-breaks.</param>
    /// <exception cref="DomainException">When <paramref name="judgesPerEntry"/> is below 1.</exception>
    /// <exception cref="ArgumentException">When an entry or a judge is listed twice.</exception>
    public static AssignmentPlan Plan(
        IReadOnlyList<CandidateEntry> entries,
        IReadOnlyList<PanelJudge> panel,
        IReadOnlyList<CurrentAssignment> current,
        int judgesPerEntry,
        int seed)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(current);
        if (judgesPerEntry < 1)
        {
            throw new DomainException("Every entry needs at least one judge per round.");
        }

        var scoredByPair = new Dictionary<Pair, bool>();
        foreach (var assignment in current)
        {
            var pair = new Pair(assignment.EntryId, assignment.JudgeId);
            scoredByPair[pair] = assignment.HasScore || scoredByPair.GetValueOrDefault(pair);
        }

        var currentPairs = scoredByPair.ToList();
        currentPairs.Sort((a, b) => ByEntryThenJudge(a.Key, b.Key));

        var board = new AssignmentBoard(entries, panel, judgesPerEntry);
        foreach (var (pair, hasScore) in currentPairs)
        {
            board.TakeIn(pair, hasScore);
        }

        board.TrimToK();
        board.Fill(new Random(seed));
        board.Rebalance();
        return board.ToPlan(currentPairs);
    }
}
