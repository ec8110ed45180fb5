using Awards.Core.Judging;

namespace Awards.Core.Tests.Judging;

/// <summary>
/// Checks a plan against the guarantees from its input alone, without the planner's code.
/// </summary>
internal static class PlanChecks
{
    /// <summary>Eligibility, coverage, keeping work, the short list and the loads (guarantees 1–3).</summary>
    public static void AssertSound(PlanInput input, AssignmentPlan plan)
    {
        var entries = input.Entries.ToDictionary(e => e.EntryId);
        var judges = input.Panel.ToDictionary(j => j.JudgeId);
        var scored = input.Current
            .GroupBy(c => new Pair(c.EntryId, c.JudgeId))
            .ToDictionary(g => g.Key, g => g.Any(c => c.HasScore));

        bool Conflicted(Pair p) =>
            entries[p.EntryId].ConflictedJudgeIds.Contains(p.JudgeId)
            || (judges.TryGetValue(p.JudgeId, out var judge) && judge.UnitId == entries[p.EntryId].UnitId);
        bool Pinned(Pair p) => scored.GetValueOrDefault(p) && entries.ContainsKey(p.EntryId) && !Conflicted(p);

        // Kept and Removed split the current pairs; Added are new ones; nothing twice.
        Assert.Equal(Sorted(scored.Keys), Sorted(plan.Kept.Concat(plan.Removed)));
        Assert.DoesNotContain(plan.Added, scored.ContainsKey);
        Assert.Equal(Sorted(plan.Kept), plan.Kept);
        Assert.Equal(Sorted(plan.Added), plan.Added);
        Assert.Equal(Sorted(plan.Removed), plan.Removed);
        var assigned = plan.Assignments.ToList();
        Assert.Equal(assigned.Count, assigned.Distinct().Count());

        // 1. Eligibility; judges off the panel only where they keep a score.
        foreach (var pair in assigned)
        {
            Assert.True(entries.ContainsKey(pair.EntryId), $"{pair} is for an entry not in the round");
            Assert.False(Conflicted(pair), $"{pair} is a conflict of interest");
            Assert.True(judges.ContainsKey(pair.JudgeId) || Pinned(pair), $"{pair}: the judge is not on the panel");
        }

        // 3. Every score whose judge is still eligible is kept.
        var kept = plan.Kept.ToHashSet();
        Assert.All(scored.Keys.Where(Pinned), pair => Assert.Contains(pair, kept));

        // 2. Coverage: min(k, eligible judges), never below the kept scores.
        var byEntry = assigned.ToLookup(p => p.EntryId);
        var pinnedByEntry = scored.Keys.Where(Pinned).ToLookup(p => p.EntryId);
        foreach (var entry in input.Entries)
        {
            var eligibleOnPanel = input.Panel.Count(j => !Conflicted(new Pair(entry.EntryId, j.JudgeId)));
            var pinnedAway = pinnedByEntry[entry.EntryId].Count(p => !judges.ContainsKey(p.JudgeId));
            var expected = Math.Max(
                pinnedByEntry[entry.EntryId].Count(),
                Math.Min(input.K, eligibleOnPanel + pinnedAway));
            Assert.Equal(expected, byEntry[entry.EntryId].Count());
        }

        Assert.Equal(
            input.Entries.Where(e => byEntry[e.EntryId].Count() < input.K).Select(e => e.EntryId).Order(),
            plan.ShortEntryIds);

        // Loads of every panel judge, 0 included.
        var loads = assigned.GroupBy(p => p.JudgeId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(input.Panel.Select(j => j.JudgeId).Order(), plan.LoadByJudge.Keys.Order());
        Assert.All(input.Panel, j => Assert.Equal(loads.GetValueOrDefault(j.JudgeId), plan.LoadByJudge[j.JudgeId]));
        var values = plan.LoadByJudge.Values.DefaultIfEmpty(0).ToList();
        Assert.Equal(values.Max() - values.Min(), plan.Spread);
    }

    /// <summary>
    /// Guarantee 4's certificate: no improving path. Let an unscored pair (e, a) move to a panel
    /// judge b eligible for e and not on it; chains of such moves shift one unit of load from the
    /// chain's first judge to its last. If from some judge a such a chain reaches a judge z with
    /// load(z) &lt;= load(a) - 2, the loads could be made more even; the plan must leave none.
    /// </summary>
    public static void AssertMostEven(PlanInput input, AssignmentPlan plan)
    {
        var entries = input.Entries.ToDictionary(e => e.EntryId);
        var scored = input.Current.Where(c => c.HasScore).Select(c => new Pair(c.EntryId, c.JudgeId)).ToHashSet();
        var holders = plan.Assignments.ToLookup(p => p.EntryId, p => p.JudgeId);
        var movable = plan.Assignments
            .Where(p => !scored.Contains(p) && plan.LoadByJudge.ContainsKey(p.JudgeId))
            .ToLookup(p => p.JudgeId, p => p.EntryId);

        bool Free(int entryId, PanelJudge judge) =>
            judge.UnitId != entries[entryId].UnitId
            && !entries[entryId].ConflictedJudgeIds.Contains(judge.JudgeId)
            && !holders[entryId].Contains(judge.JudgeId);

        foreach (var start in input.Panel)
        {
            var seen = new HashSet<int> { start.JudgeId };
            var queue = new Queue<int>([start.JudgeId]);
            while (queue.TryDequeue(out var judgeId))
            {
                foreach (var entryId in movable[judgeId])
                {
                    foreach (var next in input.Panel.Where(j => !seen.Contains(j.JudgeId) && Free(entryId, j)))
                    {
                        Assert.True(
                            plan.LoadByJudge[next.JudgeId] >= plan.LoadByJudge[start.JudgeId] - 1,
                            $"Load could move from judge {start.JudgeId} ({plan.LoadByJudge[start.JudgeId]}) to judge {next.JudgeId} ({plan.LoadByJudge[next.JudgeId]})");
                        seen.Add(next.JudgeId);
                        queue.Enqueue(next.JudgeId);
                    }
                }
            }
        }
    }

    /// <summary>Planning again on the plan's own result adds and removes nothing, whatever the seed.</summary>
    public static void AssertStable(PlanInput input, AssignmentPlan plan, int seed)
    {
        var again = input.After(plan).Plan(seed);

        Assert.Empty(again.Added);
        Assert.Empty(again.Removed);
        Assert.Equal(Sorted(plan.Assignments), again.Kept);
        Assert.Equal(plan.LoadByJudge.OrderBy(l => l.Key), again.LoadByJudge.OrderBy(l => l.Key));
        Assert.Equal(plan.ShortEntryIds, again.ShortEntryIds);
    }

    public static void AssertSamePlan(AssignmentPlan expected, AssignmentPlan actual)
    {
        Assert.Equal(expected.Kept, actual.Kept);
        Assert.Equal(expected.Added, actual.Added);
        Assert.Equal(expected.Removed, actual.Removed);
        Assert.Equal(expected.ShortEntryIds, actual.ShortEntryIds);
        Assert.Equal(expected.LoadByJudge.OrderBy(l => l.Key), actual.LoadByJudge.OrderBy(l => l.Key));
    }

    public static List<Pair> Sorted(IEnumerable<Pair> pairs) =>
        [.. pairs.OrderBy(p => p.EntryId).ThenBy(p => p.JudgeId)];
}
