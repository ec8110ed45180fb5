using Awards.Core.Common;
using Awards.Core.Judging;
using static Awards.Core.Tests.Judging.PlanInput;

namespace Awards.Core.Tests.Judging;

/// <summary>Each guarantee of <see cref="Assigner.Plan"/> on small hand-made rounds.</summary>
public class AssignerTests
{
    private const int Seed = 2026;

    // 1. Eligibility

    [Fact]
    public void Plan_NeverAssignsAJudgeFromTheEntrysUnit()
    {
        var input = new PlanInput(
            [Entry(1, 1), Entry(2, 1), Entry(3, 2), Entry(4, 2)],
            [Judge(1, 1), Judge(2, 1), Judge(3, 2), Judge(4)],
            [],
            2);

        var plan = input.Plan(Seed);

        PlanChecks.AssertSound(input, plan);
        Assert.Equal([3, 4], JudgesOf(plan, 1));
        Assert.Equal([3, 4], JudgesOf(plan, 2));
        Assert.DoesNotContain(3, JudgesOf(plan, 3));
        Assert.DoesNotContain(3, JudgesOf(plan, 4));
        Assert.All(plan.LoadByJudge.Values, load => Assert.Equal(2, load));
    }

    [Fact]
    public void Plan_NeverAssignsAJudgeWhoDeclaredAConflict()
    {
        var input = new PlanInput(
            [Entry(1, 1, 1, 2), Entry(2, 1, 1), Entry(3, 1), Entry(4, 1, 99)],
            [Judge(1), Judge(2), Judge(3), Judge(4)],
            [],
            2);

        var plan = input.Plan(Seed);

        PlanChecks.AssertSound(input, plan);
        Assert.Equal([3, 4], JudgesOf(plan, 1));
        Assert.DoesNotContain(1, JudgesOf(plan, 2));
        Assert.Empty(plan.ShortEntryIds);
        Assert.Equal(0, plan.Spread);
    }

    // 2. Coverage

    [Fact]
    public void Plan_GivesEveryEntryKJudges()
    {
        var input = new PlanInput(
            [.. Enumerable.Range(1, 6).Select(e => Entry(e, 1 + (e % 3)))],
            [Judge(1), Judge(2), Judge(3), Judge(4)],
            [],
            3);

        var plan = input.Plan(Seed);

        PlanChecks.AssertSound(input, plan);
        Assert.All(input.Entries, e => Assert.Equal(3, JudgesOf(plan, e.EntryId).Count));
        Assert.Empty(plan.ShortEntryIds);
        Assert.Equal(18, plan.Added.Count);
        Assert.Equal(1, plan.Spread);
    }

    [Fact]
    public void Plan_ListsEntriesWithTooFewEligibleJudgesAsShort()
    {
        var input = new PlanInput(
            [Entry(1, 1), Entry(2, 2), Entry(3, 3), Entry(4, 3, 1)],
            [Judge(1, 1), Judge(2, 1), Judge(3, 2)],
            [],
            3);

        var plan = input.Plan(Seed);

        PlanChecks.AssertSound(input, plan);
        Assert.Equal([3], JudgesOf(plan, 1));
        Assert.Equal([1, 2], JudgesOf(plan, 2));
        Assert.Equal([1, 2, 3], JudgesOf(plan, 3));
        Assert.Equal([2, 3], JudgesOf(plan, 4));
        Assert.Equal([1, 2, 4], plan.ShortEntryIds);
    }

    [Fact]
    public void Plan_WithAnEmptyPanel_ListsEveryEntryAsShort()
    {
        var input = new PlanInput([Entry(3, 1), Entry(1, 1), Entry(2, 2)], [], [Unscored(1, 7)], 3);

        var plan = input.Plan(Seed);

        PlanChecks.AssertSound(input, plan);
        Assert.Empty(plan.Assignments);
        Assert.Equal([new Pair(1, 7)], plan.Removed);
        Assert.Equal([1, 2, 3], plan.ShortEntryIds);
        Assert.Empty(plan.LoadByJudge);
        Assert.Equal(0, plan.Spread);
    }

    [Fact]
    public void Plan_WithNoEntries_LeavesEveryJudgeWithNothing()
    {
        var input = new PlanInput([], [Judge(1), Judge(2)], [Scored(5, 1)], 3);

        var plan = input.Plan(Seed);

        Assert.Empty(plan.Assignments);
        Assert.Equal([new Pair(5, 1)], plan.Removed);
        Assert.Equal(new Dictionary<int, int> { [1] = 0, [2] = 0 }, plan.LoadByJudge);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Plan_RejectsFewerThanOneJudgePerEntry(int judgesPerEntry)
    {
        var error = Assert.Throws<DomainException>(() => Assigner.Plan([Entry(1, 1)], [Judge(1)], [], judgesPerEntry, Seed));

        Assert.Equal("Every entry needs at least one judge per round.", error.MessageKey);
    }

    [Fact]
    public void Plan_RejectsAnEntryOrAJudgeListedTwice()
    {
        Assert.Throws<ArgumentException>(() => Assigner.Plan([Entry(1, 1), Entry(1, 2)], [Judge(1)], [], 1, Seed));
        Assert.Throws<ArgumentException>(() => Assigner.Plan([Entry(1, 1)], [Judge(1), Judge(1, 2)], [], 1, Seed));
    }

    // 3. Keeping work

    [Fact]
    public void Plan_KeepsAScoreEvenWhenTheJudgeHasLeftThePanel()
    {
        var input = new PlanInput(
            [Entry(1, 1), Entry(2, 1)],
            [Judge(1), Judge(2)],
            [Scored(1, 9), Unscored(2, 9), Scored(1, 1)],
            2);

        var plan = input.Plan(Seed);

        PlanChecks.AssertSound(input, plan);
        Assert.Equal([new Pair(1, 1), new Pair(1, 9)], plan.Kept);
        Assert.Equal([new Pair(2, 9)], plan.Removed);
        Assert.Equal([new Pair(2, 1), new Pair(2, 2)], plan.Added);
        Assert.False(plan.LoadByJudge.ContainsKey(9));
        Assert.Empty(plan.ShortEntryIds);
    }

    [Fact]
    public void Plan_ReplacesAScoredAssignmentWhenTheJudgeDeclaresAConflictLater()
    {
        var input = new PlanInput(
            [Entry(1, 1, 1, 9), Entry(2, 1)],
            [Judge(1), Judge(2), Judge(3)],
            [Scored(1, 1), Scored(1, 2), Scored(1, 9), Scored(2, 1), Scored(2, 3)],
            2);

        var plan = input.Plan(Seed);

        PlanChecks.AssertSound(input, plan);
        Assert.Equal([new Pair(1, 1), new Pair(1, 9)], plan.Removed);
        Assert.Equal([new Pair(1, 3)], plan.Added);
        Assert.Equal([new Pair(1, 2), new Pair(2, 1), new Pair(2, 3)], plan.Kept);
    }

    [Fact]
    public void Plan_ReplacesAnAssignmentWhenTheJudgesUnitBecomesTheEntrys()
    {
        var input = new PlanInput(
            [Entry(1, 5)],
            [Judge(1, 5), Judge(2, 6), Judge(3)],
            [Scored(1, 1), Unscored(1, 2)],
            2);

        var plan = input.Plan(Seed);

        PlanChecks.AssertSound(input, plan);
        Assert.Equal([new Pair(1, 1)], plan.Removed);
        Assert.Equal([new Pair(1, 2)], plan.Kept);
        Assert.Equal([new Pair(1, 3)], plan.Added);
    }

    [Fact]
    public void Plan_RemovesEveryAssignmentOfAWithdrawnEntry()
    {
        var input = new PlanInput(
            [Entry(1, 1)],
            [Judge(1), Judge(2)],
            [Scored(1, 1), Unscored(1, 2), Scored(2, 1), Unscored(2, 2)],
            2);

        var plan = input.Plan(Seed);

        PlanChecks.AssertSound(input, plan);
        Assert.Equal([new Pair(2, 1), new Pair(2, 2)], plan.Removed);
        Assert.Equal([new Pair(1, 1), new Pair(1, 2)], plan.Kept);
        Assert.Empty(plan.Added);
    }

    [Fact]
    public void Plan_KeepsEligibleUnscoredAssignmentsWhenTheLoadsAllowIt()
    {
        // Not what a fresh plan would give for this seed, but eligible and even: it stays as it is.
        var current = new[] { (1, 1), (1, 2), (2, 1), (2, 2), (3, 3), (3, 4), (4, 3), (4, 4) }
            .Select(p => Unscored(p.Item1, p.Item2))
            .ToList();
        var input = new PlanInput(
            [Entry(1, 1), Entry(2, 1), Entry(3, 2), Entry(4, 2)],
            [Judge(1), Judge(2), Judge(3), Judge(4)],
            current,
            2);

        var plan = input.Plan(Seed);

        PlanChecks.AssertSound(input, plan);
        Assert.Equal(8, plan.Kept.Count);
        Assert.Empty(plan.Added);
        Assert.Empty(plan.Removed);
    }

    [Fact]
    public void Plan_WhenKIsLowered_DropsUnscoredJudgesFromTheBusiestFirst()
    {
        var input = new PlanInput(
            [Entry(1, 1), Entry(2, 1), Entry(3, 1)],
            [Judge(1), Judge(2), Judge(3), Judge(4)],
            [Unscored(1, 1), Unscored(1, 2), Unscored(1, 3), Unscored(2, 1), Unscored(2, 2), Unscored(2, 4),
                Unscored(3, 1), Unscored(3, 3), Unscored(3, 4)],
            2);

        var plan = input.Plan(Seed);

        PlanChecks.AssertSound(input, plan);
        Assert.Empty(plan.Added);
        Assert.Equal(3, plan.Removed.Count);
        Assert.Contains(new Pair(1, 1), plan.Removed);
        Assert.Equal(1, plan.Spread);
    }

    [Fact]
    public void Plan_KeepsEveryScoreOfAnEntryWithMoreThanKAndDropsItsUnscoredJudges()
    {
        // An organizer added a third judge to a disputed entry; k is 2.
        var input = new PlanInput(
            [Entry(1, 1), Entry(2, 1)],
            [Judge(1), Judge(2), Judge(3), Judge(4)],
            [Scored(1, 1), Scored(1, 2), Scored(1, 3), Unscored(1, 4)],
            2);

        var plan = input.Plan(Seed);

        PlanChecks.AssertSound(input, plan);
        Assert.Equal([1, 2, 3], JudgesOf(plan, 1));
        Assert.Equal([new Pair(1, 4)], plan.Removed);
        Assert.Contains(4, JudgesOf(plan, 2));
    }

    [Fact]
    public void Plan_MergesDuplicateCurrentAssignments()
    {
        var input = new PlanInput(
            [Entry(1, 1)],
            [Judge(1), Judge(2)],
            [Unscored(1, 1), Scored(1, 1), Unscored(1, 1)],
            1);

        var plan = input.Plan(Seed);

        PlanChecks.AssertSound(input, plan);
        Assert.Equal([new Pair(1, 1)], plan.Kept);
        Assert.Empty(plan.Removed);
        Assert.Empty(plan.Added);
    }

    [Fact]
    public void Plan_OnItsOwnResult_AddsAndRemovesNothing()
    {
        var input = new PlanInput(
            [.. Enumerable.Range(1, 12).Select(e => Entry(e, 1 + (e % 3), e % 4 == 0 ? new[] { e % 5 } : []))],
            [Judge(1, 1), Judge(2, 2), Judge(3, 3), Judge(4), Judge(5, 1)],
            [Scored(1, 2), Scored(2, 1), Unscored(3, 4), Scored(4, 9)],
            3);

        var plan = input.Plan(Seed);

        PlanChecks.AssertSound(input, plan);
        PlanChecks.AssertStable(input, plan, Seed);
        PlanChecks.AssertStable(input, plan, Seed + 1);
    }

    // 4. Balance

    [Fact]
    public void Plan_MovesWorkAlongAChainWhenNoSingleMoveEvensTheLoads()
    {
        // Judge 1 holds two entries judge 3 may not take; judge 2 holds one judge 3 may. Moving one
        // pair from 1 to 2 or from 2 to 3 alone leaves the loads as uneven as before.
        var input = new PlanInput(
            [Entry(1, 1, 3), Entry(2, 1, 3), Entry(3, 1)],
            [Judge(1), Judge(2), Judge(3)],
            [Unscored(1, 1), Unscored(2, 1), Unscored(3, 2)],
            1);

        var plan = input.Plan(Seed);

        PlanChecks.AssertSound(input, plan);
        Assert.Equal(0, plan.Spread);
        Assert.Equal([3], JudgesOf(plan, 3));
        Assert.Equal(2, plan.Removed.Count);
        Assert.Equal(2, plan.Added.Count);
    }

    [Fact]
    public void Plan_WhenConflictsForbidEvenLoads_GivesTheMostEvenLoadsPossible()
    {
        // Judge 1 may only judge entries 3 and 4: 12 judge places, at most 2 of them judge 1's.
        var input = new PlanInput(
            [Entry(1, 1, 1), Entry(2, 1, 1), Entry(3, 1), Entry(4, 1)],
            [Judge(1), Judge(2), Judge(3), Judge(4)],
            [],
            3);

        var plan = input.Plan(Seed);

        PlanChecks.AssertSound(input, plan);
        PlanChecks.AssertMostEven(input, plan);
        Assert.Equal(2, plan.LoadByJudge[1]);
        Assert.Equal([3, 3, 4], plan.LoadByJudge.Where(l => l.Key != 1).Select(l => l.Value).Order());
        Assert.Equal(2, plan.Spread);
    }

    [Fact]
    public void Plan_WhenScoresPinTheLoads_GivesTheNewWorkToTheOthers()
    {
        var input = new PlanInput(
            [.. Enumerable.Range(1, 10).Select(e => Entry(e, 1))],
            [Judge(1), Judge(2), Judge(3)],
            [Scored(1, 1), Scored(2, 1), Scored(3, 1), Scored(4, 1)],
            1);

        var plan = input.Plan(Seed);

        PlanChecks.AssertSound(input, plan);
        Assert.DoesNotContain(plan.Added, p => p.JudgeId == 1);
        Assert.Equal(new Dictionary<int, int> { [1] = 4, [2] = 3, [3] = 3 }, plan.LoadByJudge);
    }

    [Fact]
    public void Plan_WhenScoresMakeEvenLoadsImpossible_KeepsThemAndGivesTheSmallestSpread()
    {
        var input = new PlanInput(
            [.. Enumerable.Range(1, 7).Select(e => Entry(e, 1))],
            [Judge(1), Judge(2), Judge(3)],
            [.. Enumerable.Range(1, 5).Select(e => Scored(e, 1)), Unscored(6, 1)],
            1);

        var plan = input.Plan(Seed);

        PlanChecks.AssertSound(input, plan);
        Assert.Equal(new Dictionary<int, int> { [1] = 5, [2] = 1, [3] = 1 }, plan.LoadByJudge);
        Assert.Equal(4, plan.Spread);
        Assert.Equal([new Pair(6, 1)], plan.Removed);
    }

    [Fact]
    public void Plan_MovesUnscoredWorkToJudgesWhoJoin()
    {
        var input = new PlanInput(
            [.. Enumerable.Range(1, 6).Select(e => Entry(e, 1))],
            [Judge(1), Judge(2), Judge(3)],
            [.. Enumerable.Range(1, 6).SelectMany(e => new[] { Unscored(e, 1 + (e % 2)) })],
            1);

        var plan = input.Plan(Seed);

        PlanChecks.AssertSound(input, plan);
        Assert.Equal(new Dictionary<int, int> { [1] = 2, [2] = 2, [3] = 2 }, plan.LoadByJudge);
        Assert.Equal(2, plan.Removed.Count);
    }

    // 5. Randomness

    [Fact]
    public void Plan_IsTheSameForTheSameSeedWhateverTheInputOrder()
    {
        var random = new Random(17);
        var input = RoundGenerator.ChangedRound(random, 40, 10);
        var shuffled = new PlanInput(
            [.. input.Entries.Select(e => e with { ConflictedJudgeIds = [.. e.ConflictedJudgeIds.Reverse()] }).Reverse()],
            [.. input.Panel.OrderBy(_ => random.Next())],
            [.. input.Current.OrderBy(_ => random.Next())],
            input.K);

        PlanChecks.AssertSamePlan(input.Plan(Seed), input.Plan(Seed));
        PlanChecks.AssertSamePlan(input.Plan(Seed), shuffled.Plan(Seed));
    }

    [Fact]
    public void Plan_WithDifferentSeeds_SpreadsThePairsDifferently()
    {
        var input = new PlanInput(
            [.. Enumerable.Range(1, 12).Select(e => Entry(e, 1))],
            [.. Enumerable.Range(1, 6).Select(j => Judge(j))],
            [],
            1);

        var plans = Enumerable.Range(1, 30).Select(input.Plan).ToList();

        Assert.All(plans, plan => Assert.Equal(0, plan.Spread));
        Assert.True(plans.Select(p => string.Join(' ', p.Added)).Distinct().Count() > 20);
        var firstEntryJudges = plans.Select(p => JudgesOf(p, 1).Single()).ToHashSet();
        Assert.Equal(6, firstEntryJudges.Count);
    }

    [Fact]
    public void Plan_WithFewerEntriesThanJudges_GivesTheWorkToDifferentJudgesForDifferentSeeds()
    {
        var input = new PlanInput(
            [Entry(1, 1), Entry(2, 1), Entry(3, 1)],
            [.. Enumerable.Range(1, 6).Select(j => Judge(j))],
            [],
            1);

        var plans = Enumerable.Range(1, 30).Select(input.Plan).ToList();

        Assert.All(plans, plan => Assert.Equal(3, plan.LoadByJudge.Values.Count(load => load == 1)));
        Assert.Equal([1, 2, 3, 4, 5, 6], plans.SelectMany(p => p.Added.Select(a => a.JudgeId)).Distinct().Order());
    }

    private static List<int> JudgesOf(AssignmentPlan plan, int entryId) =>
        [.. plan.Assignments.Where(p => p.EntryId == entryId).Select(p => p.JudgeId).Order()];
}
