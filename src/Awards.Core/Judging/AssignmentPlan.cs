namespace Awards.Core.Judging;

/// <summary>
/// What <see cref="Assigner.Plan"/> proposes for a round, for the organizer to confirm.
/// </summary>
/// <param name="Kept">Current assignments that stay, by entry then judge.</param>
/// <param name="Added">New assignments, by entry then judge.</param>
/// <param name="Removed">Current assignments that go, by entry then judge.</param>
/// <param name="ShortEntryIds">Entries left with fewer than k judges because too few judges are eligible.</param>
/// <param name="LoadByJudge">Every panel judge's number of entries after the plan (0 included).</param>
public sealed record AssignmentPlan(
    IReadOnlyList<Pair> Kept,
    IReadOnlyList<Pair> Added,
    IReadOnlyList<Pair> Removed,
    IReadOnlyList<int> ShortEntryIds,
    IReadOnlyDictionary<int, int> LoadByJudge)
{
    /// <summary>The highest minus the lowest load over the panel judges (0 for an empty panel).</summary>
    public int Spread => LoadByJudge.Count == 0 ? 0 : LoadByJudge.Values.Max() - LoadByJudge.Values.Min();

    /// <summary>The round's assignments after the plan: <see cref="Kept"/> and <see cref="Added"/>.</summary>
    public IEnumerable<Pair> Assignments => Kept.Concat(Added);
}
