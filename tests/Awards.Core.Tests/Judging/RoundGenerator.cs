using Awards.Core.Judging;

namespace Awards.Core.Tests.Judging;

/// <summary>Seeded rounds for the property and contest tests, so failures repeat.</summary>
internal static class RoundGenerator
{
    /// <summary>
    /// A contest like the city's: entries from <paramref name="units"/> units of uneven size, judges
    /// spread over the same units, and no conflicts but the units (unless asked).
    /// </summary>
    public static PlanInput Contest(
        int seed, int entries = 2000, int units = 13, int judges = 60, int k = 3, double declaredConflictShare = 0)
    {
        var random = new Random(seed);
        var weights = Enumerable.Range(0, units).Select(_ => 0.5 + random.NextDouble()).ToArray();
        var panel = Enumerable.Range(1, judges).Select(j => new PanelJudge(j, (j % units) + 1)).ToList();
        var candidates = Enumerable.Range(1, entries)
            .Select(e => new CandidateEntry(
                e,
                PickUnit(random, weights),
                random.NextDouble() < declaredConflictShare ? [random.Next(1, judges + 1)] : []))
            .ToList();
        return new PlanInput(candidates, panel, [], k);
    }

    /// <summary>
    /// A round that was planned before and has changed since: some assignments scored, judges
    /// left and joined, a judge moved unit, entries withdrawn and added, conflicts declared, k
    /// sometimes changed, and a few stray assignments (duplicates, ineligible, unknown ids).
    /// </summary>
    public static PlanInput ChangedRound(Random random, int maxEntries, int maxJudges)
    {
        var units = random.Next(1, 5);
        var k = random.Next(1, 4);
        int? AnyUnit() => random.Next(units + 1) is var u && u == 0 ? null : u;

        var judgeCount = random.Next(0, maxJudges + 1);
        var entryCount = random.Next(0, maxEntries + 1);
        var oldPanel = Enumerable.Range(1, judgeCount).Select(j => new PanelJudge(j, AnyUnit())).ToList();
        var oldEntries = Enumerable.Range(1, entryCount)
            .Select(e => new CandidateEntry(
                e,
                random.Next(1, units + 1),
                [.. Enumerable.Range(1, judgeCount + 2).Where(_ => random.NextDouble() < 0.1)]))
            .ToList();

        var before = Assigner.Plan(oldEntries, oldPanel, [], k, random.Next());
        var current = before.Assignments
            .Select(p => new CurrentAssignment(p.EntryId, p.JudgeId, random.NextDouble() < 0.4))
            .ToList();
        for (var i = random.Next(0, 4); i > 0; i--)
        {
            current.Add(new CurrentAssignment(
                random.Next(1, entryCount + 3), random.Next(1, judgeCount + 3), random.NextDouble() < 0.5));
        }

        var panel = oldPanel
            .Where(_ => random.NextDouble() >= 0.15)
            .Select(j => random.NextDouble() < 0.1 ? j with { UnitId = AnyUnit() } : j)
            .Concat(Enumerable.Range(judgeCount + 1, random.Next(0, 4)).Select(j => new PanelJudge(j, AnyUnit())))
            .ToList();
        var entries = oldEntries
            .Where(_ => random.NextDouble() >= 0.15)
            .Select(e => random.NextDouble() < 0.1
                ? e with { ConflictedJudgeIds = [.. e.ConflictedJudgeIds, random.Next(1, judgeCount + 4)] }
                : e)
            .Concat(Enumerable.Range(entryCount + 1, random.Next(0, 4))
                .Select(e => new CandidateEntry(e, random.Next(1, units + 1), [])))
            .ToList();
        if (random.NextDouble() < 0.2)
        {
            k = random.Next(1, 5);
        }

        return new PlanInput(entries, panel, current, k);
    }

    private static int PickUnit(Random random, double[] weights)
    {
        var x = random.NextDouble() * weights.Sum();
        for (var u = 0; u < weights.Length; u++)
        {
            x -= weights[u];
            if (x < 0)
            {
                return u + 1;
            }
        }

        return weights.Length;
    }
}
