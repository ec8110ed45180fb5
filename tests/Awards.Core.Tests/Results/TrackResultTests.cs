using Awards.Core.Common;
using Awards.Core.Ranking;
using Awards.Core.Results;

namespace Awards.Core.Tests.Results;

/// <summary>The life cycle of a track's results: draft, public notice, final and frozen.</summary>
public sealed class TrackResultTests
{
    private static readonly DateTime Now = new(2026, 11, 1, 2, 0, 0, DateTimeKind.Utc);

    private static readonly ScoreScale Scale = new(0, 100);

    [Fact]
    public void Publishing_StartsTheNotice_ForTheGivenDays()
    {
        var result = new TrackResult(1);

        result.Publish(Rank([90, 80, 70], first: 1, second: 1), roundClosed: true, days: 7, Now);

        Assert.Equal(ResultStage.Notice, result.Stage);
        Assert.Equal(Now.AddDays(7), result.NoticeEndsAt);
        Assert.True(result.IsOnNoticeAt(Now));
    }

    [Fact]
    public void Publishing_IsRefused_WithAnUndecidedTieAtABoundary_ThenAllowedOnceOrdered()
    {
        var result = new TrackResult(1);
        var tied = Rank([90, 80, 80], first: 1, second: 1);

        var refused = Assert.Throws<DomainException>(() => result.Publish(tied, roundClosed: true, days: 7, Now));
        Assert.Equal(ResultMessages.UnresolvedTies, refused.MessageKey);
        Assert.Equal(ResultStage.Draft, result.Stage);

        result.OrderTie([3, 2], [3, 2]);
        result.Publish(Rank([90, 80, 80], first: 1, second: 1, tieOrder: result.TieOrder), roundClosed: true, days: 7, Now);
        Assert.Equal(ResultStage.Notice, result.Stage);
    }

    [Fact]
    public void ATie_MovedByHandForAllButOneEntry_IsDecided()
    {
        var ranking = Rank([90, 80, 80], first: 1, second: 1, overrides: [new EntryOverride(3, null, "复核后不予授奖")]);

        Assert.Empty(BoundaryTies.Undecided(ranking));
        Assert.NotEmpty(BoundaryTies.Undecided(Rank([90, 80, 80], first: 1, second: 1)));
    }

    [Fact]
    public void ATieOrder_MustPlaceEveryTiedEntryOnce()
    {
        var result = new TrackResult(1);

        Assert.Throws<DomainException>(() => result.OrderTie([2, 3], [2]));
        Assert.Throws<DomainException>(() => result.OrderTie([2, 3], [2, 2]));
        Assert.Throws<DomainException>(() => result.OrderTie([2, 3], [2, 4]));
        Assert.Empty(result.TieOrder);
    }

    [Theory]
    [InlineData(false, 7, ResultMessages.RoundOpen)]
    [InlineData(true, 0, ResultMessages.NoticeDays)]
    [InlineData(true, 31, ResultMessages.NoticeDays)]
    public void Publishing_IsRefused_WhileTheRoundIsOpen_OrWithABadPeriod(bool roundClosed, int days, string message)
    {
        var result = new TrackResult(1);

        var refused = Assert.Throws<DomainException>(() => result.Publish(Rank([90, 80], first: 1, second: 1), roundClosed, days, Now));

        Assert.Equal(message, refused.MessageKey);
        Assert.Equal(ResultStage.Draft, result.Stage);
    }

    [Fact]
    public void Publishing_WithNoPrizeAtAll_IsRefused()
    {
        var result = new TrackResult(1);
        result.Configure(AggregationMethod.RawMean, 95, null, 0, 100);

        var refused = Assert.Throws<DomainException>(() => result.Publish(Rank([90, 80], first: 1, second: 1, minimum: 95), roundClosed: true, days: 7, Now));
        Assert.Equal(ResultMessages.NothingToPublish, refused.MessageKey);
    }

    [Fact]
    public void Finalizing_WaitsForTheEndOfTheNotice_ForEveryObjection_AndForEveryWinnerToBeStillInTheContest()
    {
        var result = OnNotice();

        Assert.Equal(ResultMessages.NoticeRunning, Assert.Throws<DomainException>(() => result.Finalize(0, [], Now.AddDays(6))).MessageKey);
        Assert.Equal(ResultMessages.ObjectionUnresolved, Assert.Throws<DomainException>(() => result.Finalize(2, [], Now.AddDays(7))).MessageKey);
        var dropped = Assert.Throws<DomainException>(() => result.Finalize(0, ["E-0007", "E-0012"], Now.AddDays(7)));
        Assert.Equal(ResultMessages.WinnersDropped, dropped.MessageKey);
        Assert.Equal("E-0007、E-0012", Assert.Single(dropped.Arguments));
        Assert.Equal(ResultStage.Notice, result.Stage);
        result.Finalize(0, [], Now.AddDays(7));

        Assert.Equal(ResultStage.Final, result.Stage);
        Assert.Equal(Now.AddDays(7), result.FinalizedAt);
    }

    [Fact]
    public void FinalResults_AreFrozen()
    {
        var result = OnNotice();
        result.Finalize(0, [], Now.AddDays(8));
        var version = result.Version;

        Assert.Equal(ResultMessages.Frozen, Assert.Throws<DomainException>(() => result.Configure(AggregationMethod.ZScore, null, null, 0, 100)).MessageKey);
        Assert.Equal(ResultMessages.Frozen, Assert.Throws<DomainException>(() => result.OrderTie([1, 2], [2, 1])).MessageKey);
        Assert.Equal(ResultMessages.Frozen, Assert.Throws<DomainException>(() => result.Pick([1], 5, [], null)).MessageKey);
        Assert.Equal(ResultMessages.Frozen, Assert.Throws<DomainException>(result.Withdraw).MessageKey);
        Assert.Equal(ResultMessages.Frozen, Assert.Throws<DomainException>(() => result.Finalize(0, [], Now.AddDays(9))).MessageKey);
        Assert.Equal(ResultMessages.Frozen, Assert.Throws<DomainException>(() => result.Publish(Rank([90], first: 1, second: 0), true, 7, Now)).MessageKey);
        Assert.Equal((ResultStage.Final, AggregationMethod.RawMean, version), (result.Stage, result.Method, result.Version));
    }

    [Fact]
    public void ResultsOnNotice_CannotChange_UntilWithdrawnToDraft()
    {
        var result = OnNotice();

        Assert.Equal(ResultMessages.OnNotice, Assert.Throws<DomainException>(() => result.Configure(AggregationMethod.ZScore, null, null, 0, 100)).MessageKey);
        result.Withdraw();

        Assert.Equal(ResultStage.Draft, result.Stage);
        Assert.Null(result.NoticeEndsAt);
        result.Configure(AggregationMethod.ZScore, null, null, 0, 100);
        Assert.Equal(AggregationMethod.ZScore, result.Method);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void AMinimumScore_OutsideTheScale_IsRefused(int minimum)
    {
        var result = new TrackResult(1);

        Assert.Throws<DomainException>(() => result.Configure(AggregationMethod.RawMean, minimum, null, 0, 100));
        Assert.Null(result.MinimumScore);
    }

    [Fact]
    public void UnitPicks_AreAtMostTheQuota()
    {
        var result = new TrackResult(1);

        Assert.Equal(ResultMessages.UnitPickCount, Assert.Throws<DomainException>(() => result.Pick([1, 2, 3], 2, [], "其他")).MessageKey);
        result.Pick([3, 1, 3], 2, [], "其他");

        Assert.Equal([3, 1], result.Picks);
    }

    [Fact]
    public void ThePlaceAtTheCut_IsTheOneTheQuotaSplits()
    {
        // Units 1-5 placed 1, 2, 3, 3, 5: a quota of 3 splits place 3; 2 and 4 fall between places.
        List<UnitStanding> standings = [Standing(1, 1), Standing(2, 2), Standing(3, 3), Standing(4, 3), Standing(5, 5)];

        Assert.Equal(3, TrackResult.PlaceAtTheCut(standings, 3));
        Assert.Null(TrackResult.PlaceAtTheCut(standings, 2));
        Assert.Null(TrackResult.PlaceAtTheCut(standings, 4));
        Assert.Null(TrackResult.PlaceAtTheCut(standings, 5));
        Assert.Null(TrackResult.PlaceAtTheCut(standings, 0));
    }

    [Fact]
    public void UnitPicks_OutsideTheSuggestedOrder_NeedAReason_AsDoesOneOfATie()
    {
        // Units 1-4 placed 1, 2, 3, 3 (3 and 4 tied); unit 9 has no standing.
        List<UnitStanding> standings = [Standing(1, 1), Standing(2, 2), Standing(3, 3), Standing(4, 3)];
        var result = new TrackResult(1);

        result.Pick([1, 2], 2, standings, "  ");
        Assert.Null(result.PickReason);
        Assert.Empty(TrackResult.PickedOutOfOrder(standings, [1, 2, 3, 4]));

        foreach (var picks in new List<int>[] { [1, 3], [1, 2, 3], [1, 9] })
        {
            Assert.Equal(ResultMessages.PickReasonNeeded, Assert.Throws<DomainException>(() => result.Pick(picks, 3, standings, " ")).MessageKey);
        }

        Assert.Equal([1, 2], result.Picks);
        Assert.Equal([3], TrackResult.PickedOutOfOrder(standings, [1, 2, 3]));
        result.Pick([1, 2, 3], 3, standings, " 青山县参与面更广。 ");
        Assert.Equal(("青山县参与面更广。", 3), (result.PickReason, result.Picks.Count));
        Assert.Equal(ResultMessages.PickReasonTooLong, Assert.Throws<DomainException>(() => result.Pick([1, 3], 3, standings, new string('理', 1001))).MessageKey);

        // Publishing checks the picks against the standings as they are then.
        var unexplained = new TrackResult(2);
        unexplained.Pick([2], 1, [Standing(2, 1), Standing(1, 2)], null);
        Assert.Equal(ResultMessages.PickReasonNeeded, Assert.Throws<DomainException>(() => unexplained.PublishPick(1, 7, Now, standings)).MessageKey);
        unexplained.PublishPick(1, 7, Now, [Standing(2, 1), Standing(1, 2)]);
        Assert.Equal(ResultStage.Notice, unexplained.Stage);
    }

    private static UnitStanding Standing(int unitId, int place) => new(unitId, 10, 10, 80m, 1, 1m, place);

    [Fact]
    public void AnOverride_NeedsAReason()
    {
        Assert.Equal(ResultMessages.ReasonRequired, Assert.Throws<DomainException>(() => new ResultOverride(1, 2, 1, "  ", 9, Now)).MessageKey);
        Assert.Equal("复核后调整", new ResultOverride(1, 2, 1, " 复核后调整 ", 9, Now).Reason);
    }

    [Fact]
    public void AnObjection_IsResolvedOnlyWithAnOutcomeAndANote_AndOnlyOnce()
    {
        var objection = new Objection(1, " abcd-efgh ", "王明", "13800001111", "请核实。", Now);

        Assert.Throws<DomainException>(() => objection.Resolve(ObjectionOutcome.Dismissed, " ", 9, Now));
        Assert.Equal("Please choose the outcome: upheld, partly upheld or dismissed.", Assert.Throws<DomainException>(() => objection.Resolve(null, "已核实。", 9, Now)).MessageKey);
        Assert.Throws<DomainException>(() => objection.Resolve((ObjectionOutcome)7, "已核实。", 9, Now));
        Assert.False(objection.IsResolved);
        objection.Resolve(ObjectionOutcome.PartlyUpheld, "已核实。", 9, Now);

        Assert.True(objection.IsResolved);
        Assert.Equal(ObjectionOutcome.PartlyUpheld, objection.Outcome);
        Assert.Equal("ABCD-EFGH", objection.EntryCode);
        Assert.Equal("This objection was already resolved.", Assert.Throws<DomainException>(() => objection.Resolve(ObjectionOutcome.Upheld, "改判。", 9, Now)).MessageKey);
        Assert.Equal(("已核实。", ObjectionOutcome.PartlyUpheld), (objection.Resolution, objection.Outcome));
    }

    [Fact]
    public void EachObjection_GetsARandomReference_NotAnEntryCode()
    {
        var references = Enumerable.Range(0, 200).Select(_ => new Objection(1, null, "王明", "a@b.cn", "请核实。", Now).Reference).ToList();

        Assert.Equal(references.Count, references.Distinct().Count());
        Assert.All(references, r => Assert.Matches("^YY-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", r));
        Assert.Equal("YY-7K3M-9Q2X", ObjectionReference.Normalize(" yy-7k3m-9q2x "));
    }

    private static TrackResult OnNotice()
    {
        var result = new TrackResult(1);
        result.Publish(Rank([90, 80, 70], first: 1, second: 1), roundClosed: true, days: 7, Now);
        return result;
    }

    /// <summary>Entries 1, 2, … with one judge's total each.</summary>
    private static Awards.Core.Ranking.Ranking Rank(decimal[] totals, int first, int second, IReadOnlyList<int>? tieOrder = null, IReadOnlyList<EntryOverride>? overrides = null, decimal? minimum = null) =>
        Ranker.Rank(
            [.. totals.Select((t, i) => new JudgeScore(i + 1, "judge", t))],
            new RankingSettings(AggregationMethod.RawMean, minimum, [new LevelQuota(1, first), new LevelQuota(2, second)], Scale),
            overrides ?? [],
            tieOrder ?? []);
}
