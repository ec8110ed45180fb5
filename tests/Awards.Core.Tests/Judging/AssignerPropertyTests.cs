using Awards.Core.Judging;

namespace Awards.Core.Tests.Judging;

/// <summary>
/// Random rounds (seeded, so failures repeat) that were planned, partly scored and then changed:
/// every plan keeps guarantees 1–3, leaves no improving path, is stable and repeatable, and on
/// rounds small enough to try every valid plan, has the smallest spread of them all.
/// </summary>
public class AssignerPropertyTests
{
    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 25).Select(i => i * 7919)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Plan_OnChangedRandomRounds_KeepsEveryGuarantee(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 40; round++)
        {
            var input = RoundGenerator.ChangedRound(random, maxEntries: 30, maxJudges: 10);
            var planSeed = random.Next();

            var plan = input.Plan(planSeed);

            PlanChecks.AssertSound(input, plan);
            PlanChecks.AssertMostEven(input, plan);
            PlanChecks.AssertStable(input, plan, random.Next());
            PlanChecks.AssertSamePlan(plan, input.Plan(planSeed));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Plan_OnSmallRandomRounds_HasTheSmallestSpreadOfAnyValidPlan(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 20; round++)
        {
            var input = RoundGenerator.ChangedRound(random, maxEntries: 5, maxJudges: 5);

            var plan = input.Plan(random.Next());

            PlanChecks.AssertSound(input, plan);
            var best = BestLoads(input);
            var loads = plan.LoadByJudge.Values.DefaultIfEmpty(0).ToList();
            Assert.Equal(best.LowestMax, loads.Max());
            Assert.Equal(best.HighestMin, loads.Min());
            Assert.Equal(best.SmallestSpread, plan.Spread);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Plan_OnRandomRoundsWithUnitConflictsOnly_AndNoScores_KeepsLoadsWithinOne(int seed)
    {
        // Units of similar size, each with judges elsewhere to spare: even loads are always possible.
        var random = new Random(seed);
        for (var round = 0; round < 10; round++)
        {
            var units = random.Next(3, 8);
            var input = new PlanInput(
                [.. Enumerable.Range(1, random.Next(20, 200)).Select(e => new CandidateEntry(e, 1 + (e % units), []))],
                [.. Enumerable.Range(1, random.Next(2 * units, 4 * units)).Select(j => new PanelJudge(j, 1 + (j % units)))],
                [],
                random.Next(1, 4));

            var plan = input.Plan(random.Next());

            PlanChecks.AssertSound(input, plan);
            Assert.Empty(plan.ShortEntryIds);
            Assert.True(plan.Spread <= 1, $"Spread {plan.Spread}");
        }
    }

    /// <summary>
    /// Tries every plan that meets guarantees 1–3 (each entry: its kept scores plus any choice of
    /// eligible panel judges up to its count) and returns the best loads any of them reaches.
    /// </summary>
    private static (int LowestMax, int HighestMin, int SmallestSpread) BestLoads(PlanInput input)
    {
        if (input.Panel.Count == 0)
        {
            return (0, 0, 0);
        }

        var judges = input.Panel.Select(j => j.JudgeId).Order().ToList();
        var scored = input.Current.Where(c => c.HasScore).Select(c => (c.EntryId, c.JudgeId)).ToHashSet();
        var fixedLoads = new int[judges.Count];
        var choices = new List<List<int[]>>();
        foreach (var entry in input.Entries)
        {
            bool Eligible(int judgeId) =>
                !entry.ConflictedJudgeIds.Contains(judgeId)
                && input.Panel.FirstOrDefault(j => j.JudgeId == judgeId)?.UnitId != entry.UnitId;
            var eligible = Enumerable.Range(0, judges.Count).Where(i => Eligible(judges[i])).ToList();
            var pinned = eligible.Where(i => scored.Contains((entry.EntryId, judges[i]))).ToList();
            var pinnedAway = scored.Count(s => s.EntryId == entry.EntryId && !judges.Contains(s.JudgeId) && Eligible(s.JudgeId));
            pinned.ForEach(i => fixedLoads[i]++);
            var count = Math.Max(pinned.Count + pinnedAway, Math.Min(input.K, eligible.Count + pinnedAway));
            choices.Add(Subsets(eligible.Except(pinned).ToList(), count - pinned.Count - pinnedAway));
        }

        var best = (LowestMax: int.MaxValue, HighestMin: int.MinValue, SmallestSpread: int.MaxValue);
        var loads = fixedLoads.ToArray();
        void Visit(int entry)
        {
            if (entry == choices.Count)
            {
                best = (Math.Min(best.LowestMax, loads.Max()), Math.Max(best.HighestMin, loads.Min()),
                    Math.Min(best.SmallestSpread, loads.Max() - loads.Min()));
                return;
            }

            foreach (var subset in choices[entry])
            {
                Array.ForEach(subset, i => loads[i]++);
                Visit(entry + 1);
                Array.ForEach(subset, i => loads[i]--);
            }
        }

        Visit(0);
        return best;
    }

    private static List<int[]> Subsets(List<int> items, int size)
    {
        if (size == 0)
        {
            return [[]];
        }

        if (items.Count < size)
        {
            return [];
        }

        var rest = items.Skip(1).ToList();
        return [.. Subsets(rest, size - 1).Select(s => (int[])[items[0], .. s]), .. Subsets(rest, size)];
    }
}
