using Awards.Core.Judging;
using static Awards.Core.Tests.Judging.PlanInput;

namespace Awards.Core.Tests.Judging;

/// <summary>The demo round and generated contests the size of the city's.</summary>
public class AssignerContestTests
{
    // The seed's units (units.json, numbered in its order) and its demo judges and entries.
    private const int Liuxi = 3, Yunling = 4, Shimen = 5, Hedong = 6, Finance = 7, Agri = 8, Power = 9, Hospital = 10,
        Education = 11, Youth = 12, Women = 13, Qingshan = 2;

    public static TheoryData<int> ContestSeeds => [1, 2, 3];

    [Fact]
    public void Plan_OnTheDemoRound_GivesEveryEntryThreeJudgesAndEvenLoads()
    {
        var input = new PlanInput(
            [Entry(1, Hospital), Entry(2, Finance), Entry(3, Education), Entry(4, Shimen), Entry(5, Hedong),
                Entry(6, Yunling), Entry(7, Qingshan), Entry(8, Yunling), Entry(9, Power), Entry(10, Liuxi)],
            [Judge(1, Education), Judge(2, Youth), Judge(3, Women), Judge(4), Judge(5, Agri)],
            [],
            3);

        var plan = input.Plan(2026);

        PlanChecks.AssertSound(input, plan);
        PlanChecks.AssertStable(input, plan, 7);
        Assert.Empty(plan.ShortEntryIds);
        Assert.All(input.Entries, e => Assert.Equal(3, plan.Assignments.Count(p => p.EntryId == e.EntryId)));
        Assert.DoesNotContain(new Pair(3, 1), plan.Assignments);
        Assert.All(plan.LoadByJudge.Values, load => Assert.Equal(6, load));
    }

    [Theory]
    [MemberData(nameof(ContestSeeds))]
    public void Plan_OnAContestOf2000EntriesAnd60Judges_CoversEveryEntryWithLoadsWithinOne(int seed)
    {
        var input = RoundGenerator.Contest(seed);

        var plan = input.Plan(seed);

        PlanChecks.AssertSound(input, plan);
        Assert.Empty(plan.ShortEntryIds);
        Assert.Equal(6000, plan.Added.Count);
        Assert.True(plan.Spread <= 1, $"Spread {plan.Spread}");
        Assert.All(plan.LoadByJudge.Values, load => Assert.InRange(load, 100, 100));
    }

    [Fact]
    public void Plan_OnAContestWithOneUnitOfAQuarterOfTheEntries_KeepsLoadsWithinOne()
    {
        var plain = RoundGenerator.Contest(4);
        var input = plain with
        {
            Entries = [.. plain.Entries.Select(e => e.EntryId % 4 == 0 ? e with { UnitId = 1 } : e)],
        };

        var plan = input.Plan(4);

        PlanChecks.AssertSound(input, plan);
        Assert.Empty(plan.ShortEntryIds);
        Assert.True(plan.Spread <= 1, $"Spread {plan.Spread}");
    }

    [Fact]
    public void Plan_OnAContestPlannedBefore_AddsAndRemovesNothing()
    {
        var input = RoundGenerator.Contest(5, declaredConflictShare: 0.05);
        var plan = input.Plan(5);
        var scored = input.AfterScoring(plan, new Random(5), 0.5);

        PlanChecks.AssertStable(input, plan, 6);
        PlanChecks.AssertStable(scored, plan, 7);
    }

    [Fact]
    public void Plan_AfterFiveJudgesJoin_KeepsEveryScoreAndMovesOnlyWhatTheNewJudgesTake()
    {
        var before = RoundGenerator.Contest(6);
        var scored = before.AfterScoring(before.Plan(6), new Random(6), 0.5);
        var input = scored with
        {
            Panel = [.. scored.Panel, .. Enumerable.Range(61, 5).Select(j => Judge(j, 1 + (j % 13)))],
        };

        var plan = input.Plan(7);

        PlanChecks.AssertSound(input, plan);
        Assert.True(plan.Spread <= 1, $"Spread {plan.Spread}");
        var newJudgesLoad = plan.LoadByJudge.Where(l => l.Key > 60).Sum(l => l.Value);
        Assert.All(plan.LoadByJudge.Values, load => Assert.InRange(load, 92, 93));
        Assert.Equal(newJudgesLoad, plan.Added.Count);
        Assert.Equal(plan.Added.Count, plan.Removed.Count);
        Assert.All(plan.Removed, p => Assert.DoesNotContain(new CurrentAssignment(p.EntryId, p.JudgeId, true), input.Current));
        Assert.All(plan.Added, p => Assert.True(p.JudgeId > 60));
    }

    [Fact]
    public void Plan_AfterJudgesLeaveAndEntriesAreWithdrawn_KeepsEveryGuarantee()
    {
        var before = RoundGenerator.Contest(8, declaredConflictShare: 0.05);
        var scored = before.AfterScoring(before.Plan(8), new Random(8), 0.5);
        var random = new Random(9);
        var input = scored with
        {
            Entries = [.. scored.Entries
                .Where(e => e.EntryId % 20 != 0)
                .Select(e => random.NextDouble() < 0.02 ? e with { ConflictedJudgeIds = [.. e.ConflictedJudgeIds, random.Next(1, 61)] } : e)],
            Panel = [.. scored.Panel.Where(j => j.JudgeId % 12 != 0)],
        };

        var plan = input.Plan(9);

        PlanChecks.AssertSound(input, plan);
        PlanChecks.AssertMostEven(input, plan);
        PlanChecks.AssertStable(input, plan, 10);
        Assert.Empty(plan.ShortEntryIds);
    }
}
