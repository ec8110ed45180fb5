using Awards.Core.Common;
using Awards.Core.Tracks;

namespace Awards.Core.Tests.Tracks;

public class TrackTests
{
    private static readonly DateTime ClosesAt = new(2026, 10, 10, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Constructor_RejectsABlankCode()
    {
        Assert.Throws<DomainException>(() => new Track("  ", Text("征文"), TrackKind.Essay, Entrant.Individual));
    }

    [Fact]
    public void RescheduleRound_KeepsTheRoundsInOrder()
    {
        var preliminary = new JudgingRound(1, RoundKind.Preliminary, Text("初评"), 3, ClosesAt);
        var final = new JudgingRound(2, RoundKind.Final, Text("终评"), 5, ClosesAt.AddDays(8));
        var track = NewTrack().AddRound(preliminary).AddRound(final);
        var now = ClosesAt.AddDays(-5);

        track.RescheduleRound(preliminary, ClosesAt.AddDays(7), now);
        Assert.Equal(ClosesAt.AddDays(7), preliminary.ClosesAt);

        Assert.Throws<DomainException>(() => track.RescheduleRound(preliminary, ClosesAt.AddDays(8), now));
        Assert.Throws<DomainException>(() => track.RescheduleRound(final, ClosesAt.AddDays(7), now));
        Assert.Throws<DomainException>(() => track.RescheduleRound(new JudgingRound(3, RoundKind.Final, Text("复评"), 5, ClosesAt.AddDays(9)), ClosesAt.AddDays(10), now));
        Assert.Equal((ClosesAt.AddDays(7), ClosesAt.AddDays(8)), (preliminary.ClosesAt, final.ClosesAt));

        track.RescheduleRound(final, ClosesAt.AddDays(20), now);
        Assert.Equal(ClosesAt.AddDays(20), final.ClosesAt);
    }

    [Fact]
    public void EnsureRubricIsComplete_ThrowsWhenThereAreNoCriteria()
    {
        var track = NewTrack();

        var ex = Assert.Throws<DomainException>(track.EnsureRubricIsComplete);
        Assert.Contains("help-story", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureRubricIsComplete_ThrowsWhenTheWeightsAddUpToLessThanOne()
    {
        var track = NewTrack()
            .AddCriterion(Criterion(1, 0.3m))
            .AddCriterion(Criterion(2, 0.3m))
            .AddCriterion(Criterion(3, 0.25m));

        var ex = Assert.Throws<DomainException>(track.EnsureRubricIsComplete);
        Assert.Contains("0.85", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureRubricIsComplete_ThrowsWhenTheWeightsAddUpToMoreThanOne()
    {
        var track = NewTrack()
            .AddCriterion(Criterion(1, 0.6m))
            .AddCriterion(Criterion(2, 0.5m));

        Assert.Throws<DomainException>(track.EnsureRubricIsComplete);
    }

    [Fact]
    public void EnsureRubricIsComplete_PassesWhenTheWeightsAddUpToExactlyOne()
    {
        var track = NewTrack()
            .AddCriterion(Criterion(1, 0.3m))
            .AddCriterion(Criterion(2, 0.3m))
            .AddCriterion(Criterion(3, 0.25m))
            .AddCriterion(Criterion(4, 0.15m));

        var ex = Record.Exception(track.EnsureRubricIsComplete);

        Assert.Null(ex);
    }

    [Fact]
    public void MaxWeightedScore_SumsWeightTimesMaximum()
    {
        var track = NewTrack()
            .AddCriterion(Criterion(1, 0.4m, maxScore: 20))
            .AddCriterion(Criterion(2, 0.6m, maxScore: 10));

        Assert.Equal(14m, track.MaxWeightedScore);
    }

    [Fact]
    public void AddAwardLevel_RejectsADuplicateRank()
    {
        var track = NewTrack().AddAwardLevel(new AwardLevel(1, Text("一等奖"), 5));

        Assert.Throws<DomainException>(() => track.AddAwardLevel(new AwardLevel(1, Text("特等奖"), 1)));
        Assert.Single(track.AwardLevels);
    }

    [Fact]
    public void TotalQuota_SumsTheQuotasOfAllLevels()
    {
        var track = NewTrack()
            .AddAwardLevel(new AwardLevel(1, Text("一等奖"), 5))
            .AddAwardLevel(new AwardLevel(2, Text("二等奖"), 10))
            .AddAwardLevel(new AwardLevel(3, Text("三等奖"), 20))
            .AddAwardLevel(new AwardLevel(4, Text("优秀奖"), 50));

        Assert.Equal(85, track.TotalQuota);
    }

    [Fact]
    public void TotalQuota_IsZeroWithoutLevels()
    {
        Assert.Equal(0, NewTrack().TotalQuota);
    }

    [Fact]
    public void AddRound_AddsRoundsWithDistinctNumbers()
    {
        var track = NewTrack()
            .AddRound(Round(1, RoundKind.Preliminary))
            .AddRound(Round(2, RoundKind.Final));

        Assert.Equal([1, 2], track.Rounds.Select(r => r.Sequence));
    }

    [Fact]
    public void AddRound_RejectsADuplicateSequence()
    {
        var track = NewTrack().AddRound(Round(1, RoundKind.Preliminary));

        Assert.Throws<DomainException>(() => track.AddRound(Round(1, RoundKind.Final)));
        Assert.Single(track.Rounds);
    }

    [Fact]
    public void AddRound_RejectsAPreliminaryAfterTheFinal()
    {
        var track = NewTrack().AddRound(Round(1, RoundKind.Final));

        Assert.Throws<DomainException>(() => track.AddRound(Round(2, RoundKind.Preliminary)));
        Assert.Single(track.Rounds);
    }

    [Fact]
    public void AddRound_RejectsAFinalNumberedBeforeAnExistingPreliminary()
    {
        // The same illegal order as above, only added the other way round: round 2 (preliminary)
        // would follow round 1 (final).
        var track = NewTrack().AddRound(Round(2, RoundKind.Preliminary));

        Assert.Throws<DomainException>(() => track.AddRound(Round(1, RoundKind.Final)));
        Assert.Single(track.Rounds);
    }

    [Fact]
    public void AddRound_AcceptsAPreliminaryNumberedBeforeTheFinal()
    {
        var track = NewTrack().AddRound(Round(3, RoundKind.Final));

        track.AddRound(Round(1, RoundKind.Preliminary));

        Assert.Equal(2, track.Rounds.Count);
    }

    [Fact]
    public void SetLimits_RejectsInvalidLimitsAndKeepsTheOldOnes()
    {
        var track = NewTrack();
        track.SetLimits(new TrackLimits(10, 100, null, 1));

        Assert.Throws<DomainException>(() => track.SetLimits(new TrackLimits(200, 100, null, 1)));
        Assert.Equal(new TrackLimits(10, 100, null, 1), track.Limits);
    }

    [Fact]
    public void Rename_NeedsAChineseName_AndKeepsTheOldOneOtherwise()
    {
        var track = NewTrack();

        Assert.Throws<DomainException>(() => track.Rename(new BilingualText(" ", "Story"), BilingualText.Empty));
        Assert.Equal("征文", track.Name.Zh);

        track.Rename(new BilingualText("我的帮扶故事", "My Help Story"), new BilingualText("讲述帮扶中的人和事。", string.Empty));
        Assert.Equal(("我的帮扶故事", "讲述帮扶中的人和事。"), (track.Name.Zh, track.Description.Zh));
    }

    [Fact]
    public void ReviseRubric_ChangesWordingWeightsAndRanges_WhileNobodyHasScored()
    {
        var track = NewTrack().AddCriterion(Criterion(1, 0.6m)).AddCriterion(Criterion(2, 0.4m));

        track.ReviseRubric([Revision(1, "思想性", 0.5m, 0, 20), Revision(2, "文采", 0.5m, 0, 20)], scored: false);

        Assert.Equal([("思想性", 0.5m, 20), ("文采", 0.5m, 20)], track.Criteria.Select(c => (c.Name.Zh, c.Weight, c.MaxScore)));
        Assert.Equal(20m, track.MaxWeightedScore);
    }

    [Fact]
    public void ReviseRubric_OnceScored_ChangesTheWordingOnly_AndRefusesANewScaleWithoutChangingAnything()
    {
        var track = NewTrack().AddCriterion(Criterion(1, 0.6m)).AddCriterion(Criterion(2, 0.4m));

        var ex = Assert.Throws<DomainException>(() => track.ReviseRubric([Revision(1, "思想性", 0.6m, 0, 10), Revision(2, "文采", 0.4m, 0, 20)], scored: true));
        Assert.Contains("their weights and their score ranges can no longer change", ex.MessageKey, StringComparison.Ordinal);
        Assert.Equal([("标准1", 10), ("标准2", 10)], track.Criteria.Select(c => (c.Name.Zh, c.MaxScore)));

        track.ReviseRubric([Revision(1, "思想性", 0.6m, 0, 10), Revision(2, "文采", 0.4m, 0, 10)], scored: true);
        Assert.Equal(["思想性", "文采"], track.Criteria.Select(c => c.Name.Zh));
    }

    [Fact]
    public void ReviseRubric_RefusesWeightsThatDoNotAddUpToOne_ABlankName_OrARangeThatLeavesOutALevel_AllOrNothing()
    {
        var banded = Criterion(2, 0.4m, maxScore: 20).AddLevel(new CriterionLevel(16, 20, Text("优"), BilingualText.Empty));
        var track = NewTrack().AddCriterion(Criterion(1, 0.6m)).AddCriterion(banded);

        Assert.Throws<DomainException>(() => track.ReviseRubric([Revision(1, "思想性", 0.6m, 0, 10), Revision(2, "文采", 0.3m, 0, 20)], scored: false));
        Assert.Throws<DomainException>(() => track.ReviseRubric([Revision(1, " ", 0.6m, 0, 10), Revision(2, "文采", 0.4m, 0, 20)], scored: false));
        var level = Assert.Throws<DomainException>(() => track.ReviseRubric([Revision(1, "思想性", 0.6m, 0, 10), Revision(2, "文采", 0.4m, 0, 15)], scored: false));
        Assert.Equal([16, 20], level.Arguments.Skip(1).Cast<int>());
        Assert.Throws<DomainException>(() => track.ReviseRubric([Revision(1, "思想性", 0.6m, 0, 10), Revision(1, "文采", 0.4m, 0, 20)], scored: false));
        Assert.Throws<DomainException>(() => track.ReviseRubric([Revision(1, "思想性", 0.6m, 0, 10), Revision(3, "文采", 0.4m, 0, 20)], scored: false));
        Assert.Throws<DomainException>(() => track.ReviseRubric([], scored: false));
        // 21 criteria whose weights do add up to 1: one too many.
        var tooMany = Assert.Throws<DomainException>(() => track.ReviseRubric([.. Enumerable.Range(0, 20).Select(_ => Revision(0, "项", 0.0476m, 0, 10)), Revision(0, "项", 0.048m, 0, 10)], scored: false));
        Assert.Equal("A rubric can have at most {0} criteria.", tooMany.MessageKey);
        Assert.Throws<DomainException>(() => track.ReviseRubric([Revision(1, "思想性", 0.6m, 0, 10), Revision(2, "文采", 0.2m, 0, 20), Revision(0, "新项", 0.2m, 5, 5)], scored: false));

        Assert.Equal([("标准1", 0.6m, 10), ("标准2", 0.4m, 20)], track.Criteria.Select(c => (c.Name.Zh, c.Weight, c.MaxScore)));
    }

    [Fact]
    public void ReviseRubric_AddsAndRemovesCriteria_WhileNobodyHasScored_ButNotOnceScored()
    {
        var track = NewTrack().AddCriterion(Criterion(1, 0.5m)).AddCriterion(Criterion(2, 0.3m)).AddCriterion(Criterion(3, 0.2m));
        CriterionRevision[] change = [Revision(1, "思想性", 0.5m, 0, 10), Revision(3, "结构", 0.2m, 0, 10), Revision(0, "创新", 0.3m, 0, 20)];

        Assert.Throws<DomainException>(() => track.ReviseRubric(change, scored: true));
        Assert.Equal([1, 2, 3], track.Criteria.Select(c => c.Order));

        track.ReviseRubric(change, scored: false);

        // The removed criterion 2 leaves a gap; the new one comes after the last, never reusing an order.
        Assert.Equal([(1, "思想性"), (3, "结构"), (4, "创新")], track.Criteria.OrderBy(c => c.Order).Select(c => (c.Order, c.Name.Zh)));
        Assert.Equal(20, track.Criteria.Single(c => c.Order == 4).MaxScore);
        track.EnsureRubricIsComplete();
    }

    [Fact]
    public void CopyAs_SetsUpANewTrackLikeThisOne_WithItsOwnCodeAndName()
    {
        var banded = Criterion(2, 0.4m, maxScore: 20).AddLevel(new CriterionLevel(16, 20, Text("优"), BilingualText.Empty));
        var track = NewTrack().AddCriterion(Criterion(1, 0.6m)).AddCriterion(banded)
            .AddAwardLevel(new AwardLevel(1, Text("一等奖"), 5)).AddAwardLevel(new AwardLevel(2, Text("二等奖"), 10))
            .AddRound(Round(1, RoundKind.Preliminary)).AddRound(new JudgingRound(2, RoundKind.Final, Text("终评"), 5, ClosesAt.AddDays(5)) { ShortlistTop = 30 });
        track.SetLimits(new TrackLimits(1000, 6000, null, 1));

        var copy = track.CopyAs("village-change", new BilingualText("我眼中的乡村变化", "Changes in My Village"));

        Assert.Equal(("village-change", "我眼中的乡村变化", TrackKind.Essay, Entrant.Individual), (copy.Code, copy.Name.Zh, copy.Kind, copy.Entrant));
        Assert.Equal(track.Limits, copy.Limits);
        Assert.Equal(track.Criteria.Select(c => (c.Order, c.Name.Zh, c.Weight, c.MaxScore, c.Levels.Count)), copy.Criteria.Select(c => (c.Order, c.Name.Zh, c.Weight, c.MaxScore, c.Levels.Count)));
        Assert.Equal([(1, 5), (2, 10)], copy.AwardLevels.Select(l => (l.Rank, l.Quota)));
        Assert.Equal([(1, RoundKind.Preliminary, (int?)null), (2, RoundKind.Final, 30)], copy.Rounds.Select(r => (r.Sequence, r.Kind, r.ShortlistTop)));
        Assert.NotSame(track.Criteria[0], copy.Criteria[0]);
        Assert.NotSame(track.Limits, copy.Limits);
        Assert.Throws<DomainException>(() => track.CopyAs("blank-name", new BilingualText(" ", "Blank")));
    }

    [Fact]
    public void ReviseLevels_RenamesUntilTheResultsArePublished_AllOrNothing()
    {
        var track = NewTrack().AddAwardLevel(new AwardLevel(1, Text("一等奖"), 5)).AddAwardLevel(new AwardLevel(2, Text("优秀奖"), 50));
        LevelRevision[] renamed = [new(1, Text("一等奖")), new(2, new BilingualText("优秀作品奖", "Commended"))];
        var none = new HashSet<int>();

        var published = Assert.Throws<DomainException>(() => track.ReviseLevels(renamed, published: true, none));
        Assert.Contains("are published", published.MessageKey, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => track.ReviseLevels([new(1, Text(" ")), new(2, Text("优秀作品奖"))], published: false, none));
        Assert.Throws<DomainException>(() => track.ReviseLevels([new(1, Text("一等奖")), new(1, Text("一等奖"))], published: false, none));
        Assert.Throws<DomainException>(() => track.ReviseLevels([new(1, Text("一等奖")), new(3, Text("三等奖"))], published: false, none));
        Assert.Equal(["一等奖", "优秀奖"], track.AwardLevels.Select(l => l.Name.Zh));

        track.ReviseLevels(renamed, published: false, none);
        Assert.Equal(["一等奖", "优秀作品奖"], track.AwardLevels.Select(l => l.Name.Zh));

        // The same names again change nothing, published or not.
        track.ReviseLevels(renamed, published: true, none);
    }

    [Fact]
    public void ReviseLevels_ChangesBonusesOnNotice_NotOnceFinal_AndNeverOutOfRange()
    {
        var track = NewTrack().AddAwardLevel(new AwardLevel(1, Text("一等奖"), 5, 2000)).AddAwardLevel(new AwardLevel(2, Text("二等奖"), 10, 1000));
        var none = new HashSet<int>();

        // On notice the names stay, the bonuses may change: the notice does not carry them.
        track.ReviseLevels([new(1, Text("一等奖"), Bonus: 3000), new(2, Text("二等奖"), Bonus: 0)], published: true, none);
        Assert.Equal([3000, 0], track.AwardLevels.Select(l => l.Bonus));

        var final = Assert.Throws<DomainException>(() => track.ReviseLevels([new(1, Text("一等奖"), Bonus: 5000), new(2, Text("二等奖"), Bonus: 0)], published: true, none, final: true));
        Assert.Contains("are final", final.MessageKey, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => track.ReviseLevels([new(1, Text("一等奖"), Bonus: -1), new(2, Text("二等奖"))], published: false, none));
        Assert.Throws<DomainException>(() => track.ReviseLevels([new(1, Text("一等奖"), Bonus: AwardLevel.MaxBonus + 1), new(2, Text("二等奖"))], published: false, none));

        // All or nothing: a bad bonus beside a rename renames nothing.
        Assert.Throws<DomainException>(() => track.ReviseLevels([new(1, Text("特等奖"), Bonus: -1), new(2, Text("二等奖"))], published: false, none));
        Assert.Equal([("一等奖", 3000), ("二等奖", 0)], track.AwardLevels.Select(l => (l.Name.Zh, l.Bonus)));

        // Unchanged bonuses of final results pass (a save of other settings); a new level brings its own.
        track.ReviseLevels([new(1, Text("一等奖"), Bonus: 3000), new(2, Text("二等奖"))], published: true, none, final: true);
        track.ReviseLevels([new(1, Text("一等奖")), new(2, Text("二等奖")), new(0, Text("三等奖"), 20, 500)], published: false, none);
        Assert.Equal([3000, 0, 500], track.AwardLevels.OrderBy(l => l.Rank).Select(l => l.Bonus));
        Assert.Equal([3000, 0, 500], track.CopyAs("copy", Text("副本")).AwardLevels.OrderBy(l => l.Rank).Select(l => l.Bonus));
    }

    [Fact]
    public void ReviseLevels_AddsBelowAndRemoves_RanksStayConsecutive()
    {
        var track = NewTrack().AddAwardLevel(new AwardLevel(1, Text("一等奖"), 5)).AddAwardLevel(new AwardLevel(2, Text("二等奖"), 10)).AddAwardLevel(new AwardLevel(3, Text("三等奖"), 20));

        // Second prize goes, a commendation comes below the rest with its quota.
        var ranks = track.ReviseLevels([new(1, Text("一等奖")), new(3, Text("三等奖")), new(0, Text("鼓励奖"), 30)], published: false, new HashSet<int>());

        Assert.Equal([(1, "一等奖", 5), (2, "三等奖", 20), (3, "鼓励奖", 30)], track.AwardLevels.OrderBy(l => l.Rank).Select(l => (l.Rank, l.Name.Zh, l.Quota)));
        Assert.Equal(new Dictionary<int, int> { [1] = 1, [3] = 2 }, ranks);
        Assert.Equal(35 + 20, track.TotalQuota);
    }

    [Fact]
    public void ReviseLevels_RefusesToRemoveALevelAnOverrideNames_TheLastLevel_OrPastTheMost()
    {
        var track = NewTrack().AddAwardLevel(new AwardLevel(1, Text("一等奖"), 5)).AddAwardLevel(new AwardLevel(2, Text("二等奖"), 10));

        var named = Assert.Throws<DomainException>(() => track.ReviseLevels([new(1, Text("一等奖"))], published: false, new HashSet<int> { 2 }));
        Assert.Contains("override", named.MessageKey, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => track.ReviseLevels([], published: false, new HashSet<int>()));
        var many = Enumerable.Range(1, Track.MaxLevels - 1).Select(i => new LevelRevision(0, Text("奖" + i), 1)).Prepend(new(1, Text("一等奖"))).Prepend(new(2, Text("二等奖")));
        Assert.Throws<DomainException>(() => track.ReviseLevels([.. many], published: false, new HashSet<int>()));
        var published = Assert.Throws<DomainException>(() => track.ReviseLevels([new(1, Text("一等奖")), new(2, Text("二等奖")), new(0, Text("三等奖"), 20)], published: true, new HashSet<int>()));
        Assert.Contains("are published", published.MessageKey, StringComparison.Ordinal);
        Assert.Equal([(1, 5), (2, 10)], track.AwardLevels.Select(l => (l.Rank, l.Quota)));

        // The Outstanding Organization Award keeps its one level.
        var unitAward = new Track("outstanding-organization", Text("优秀组织奖"), TrackKind.UnitAward, Entrant.Organisation).AddAwardLevel(new AwardLevel(1, Text("优秀组织奖"), 5));
        Assert.Throws<DomainException>(() => unitAward.ReviseLevels([new(1, Text("优秀组织奖")), new(0, Text("鼓励奖"), 3)], published: false, new HashSet<int>()));
    }

    [Fact]
    public void ReviseRounds_ChangesJudgesAndShortlists_UntilJudgesAreAssigned_AllOrNothing()
    {
        var track = NewTrack().AddRound(Round(1, RoundKind.Preliminary)).AddRound(new JudgingRound(2, RoundKind.Final, Text("终评"), 5, ClosesAt.AddDays(5)) { ShortlistTop = 30 });
        RoundRevision First(int k, int? top, decimal? percent = null) => new(1, Text("初评"), k, top, percent);
        RoundRevision Final(int k) => new(2, Text("终评"), k, null, null);

        track.ReviseRounds([First(5, null, 20m), Final(7)], new HashSet<int>());
        Assert.Equal([(5, (int?)null, (decimal?)20m), (7, null, null)], track.Rounds.Select(r => (r.JudgesPerEntry, r.ShortlistTop, r.ShortlistPercent)));

        // Judges assigned in round 1: its k stays, its shortlist can still change.
        Assert.Throws<DomainException>(() => track.ReviseRounds([First(3, null, 20m), Final(7)], new HashSet<int> { 1 }));
        track.ReviseRounds([First(5, 40, null), Final(7)], new HashSet<int> { 1 });
        Assert.Equal(40, track.Rounds[0].ShortlistTop);

        // Round 2 has judges: the shortlist went on and stays.
        var gone = Assert.Throws<DomainException>(() => track.ReviseRounds([First(5, 50, null), Final(7)], new HashSet<int> { 1, 2 }));
        Assert.Contains("shortlist", gone.MessageKey, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => track.ReviseRounds([First(0, 40, null), Final(7)], new HashSet<int>()));
        Assert.Throws<DomainException>(() => track.ReviseRounds([First(5, 40, 10m), Final(7)], new HashSet<int>()));
        Assert.Throws<DomainException>(() => track.ReviseRounds([First(5, null, 120m), Final(7)], new HashSet<int>()));
        Assert.Throws<DomainException>(() => track.ReviseRounds([First(5, 40, null)], new HashSet<int> { 1, 2 }));
        Assert.Equal([(5, (int?)40), (7, null)], track.Rounds.Select(r => (r.JudgesPerEntry, r.ShortlistTop)));
    }

    [Fact]
    public void ReviseRounds_AddsAFinalRoundAfterTheLast_ClosingAheadAndAfterIt()
    {
        var track = NewTrack().AddRound(Round(1, RoundKind.Preliminary));
        var now = ClosesAt.AddDays(-10);
        RoundRevision First(int? top) => new(1, Text("初评"), 3, top, null);

        Assert.Throws<DomainException>(() => track.ReviseRounds([First(20), new(0, Text("终评"), 5, null, null, ClosesAt)], new HashSet<int>(), null, now));
        Assert.Throws<DomainException>(() => track.ReviseRounds([First(20), new(0, Text("终评"), 5, null, null, null)], new HashSet<int>(), null, now));
        Assert.Throws<DomainException>(() => track.ReviseRounds([First(20), new(0, Text(" "), 5, null, null, ClosesAt.AddDays(7))], new HashSet<int>(), null, now));
        Assert.Throws<DomainException>(() => track.ReviseRounds([First(20), new(0, Text("终评"), 0, null, null, ClosesAt.AddDays(7))], new HashSet<int>(), null, now));
        Assert.Single(track.Rounds);

        var published = Assert.Throws<DomainException>(() => track.ReviseRounds([First(20), new(0, Text("终评"), 5, null, null, ClosesAt.AddDays(7))], new HashSet<int>(), null, now, published: true));
        Assert.Contains("are published", published.MessageKey, StringComparison.Ordinal);
        Assert.Single(track.Rounds);

        track.ReviseRounds([First(20), new(0, Text("终评"), 5, 99, null, ClosesAt.AddDays(7))], new HashSet<int>(), null, now);

        Assert.Equal([(1, RoundKind.Preliminary, (int?)20, ClosesAt), (2, RoundKind.Final, null, ClosesAt.AddDays(7))], track.Rounds.Select(r => (r.Sequence, r.Kind, r.ShortlistTop, r.ClosesAt)));
        Assert.Equal(5, track.Rounds[1].JudgesPerEntry);
    }

    [Fact]
    public void ReviseRounds_RemovesOnlyTheLastRounds_WhileNobodyIsOnTheirPanel()
    {
        var track = NewTrack().AddRound(Round(1, RoundKind.Preliminary)).AddRound(new JudgingRound(2, RoundKind.Final, Text("终评"), 5, ClosesAt.AddDays(5)));
        track.Rounds[0].ShortlistTop = 20;
        var final = new RoundRevision(2, Text("终评"), 5, null, null);
        var first = new RoundRevision(1, Text("初评"), 3, 20, null);

        Assert.Throws<DomainException>(() => track.ReviseRounds([final], new HashSet<int>()));
        var staffed = Assert.Throws<DomainException>(() => track.ReviseRounds([first], new HashSet<int>(), new HashSet<int> { 2 }));
        Assert.Contains("panel", staffed.MessageKey, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => track.ReviseRounds([], new HashSet<int>()));
        Assert.Equal(2, track.Rounds.Count);

        Assert.Throws<DomainException>(() => track.ReviseRounds([first], new HashSet<int>(), null, null, published: true));
        track.ReviseRounds([first], new HashSet<int>());

        // The first round is the last now: it has no shortlist.
        Assert.Equal([(1, (int?)null)], track.Rounds.Select(r => (r.Sequence, r.ShortlistTop)));
    }

    [Fact]
    public void SetBlind_OnlyANominationUntilJudgesAreAssigned()
    {
        var nomination = new Track("dedication", Text("奉献奖"), TrackKind.Nomination, Entrant.Individual);

        var assigned = Assert.Throws<DomainException>(() => nomination.SetBlind(false, assigned: true));
        Assert.Contains("assigned", assigned.MessageKey, StringComparison.Ordinal);
        Assert.True(nomination.IsBlind);
        nomination.SetBlind(false, assigned: false);
        Assert.False(nomination.IsBlind);

        // An essay is always judged blind; asking for what it is changes nothing.
        var essay = NewTrack();
        Assert.Throws<DomainException>(() => essay.SetBlind(false, assigned: false));
        essay.SetBlind(true, assigned: true);
        Assert.True(essay.IsBlind);
    }

    private static CriterionRevision Revision(int order, string name, decimal weight, int min, int max) =>
        new(order, Text(name), BilingualText.Empty, weight, min, max);

    private static Track NewTrack() => new("help-story", new BilingualText("征文", "Essay"), TrackKind.Essay, Entrant.Individual);

    private static BilingualText Text(string zh) => new(zh, string.Empty);

    private static RubricCriterion Criterion(int order, decimal weight, int maxScore = 10) =>
        new(order, Text("标准" + order), BilingualText.Empty, weight, 0, maxScore);

    private static JudgingRound Round(int sequence, RoundKind kind) =>
        new(sequence, kind, Text("第" + sequence + "轮"), 3, ClosesAt);
}
