using Awards.Core.Common;
using Awards.Core.Ranking;
using static Awards.Core.Tests.Ranking.RankingInput;

namespace Awards.Core.Tests.Ranking;

/// <summary>Rules 4–9 of <see cref="Ranker"/>: levels, boundary ties, disputes, overrides and validation.</summary>
public class RankerLevelTests
{
    // 4. Levels

    [Fact]
    public void Levels_GoDownTheRankingByQuota()
    {
        var ranking = Rank(
            [.. Scores(1, 95), .. Scores(2, 90), .. Scores(3, 85), .. Scores(4, 80), .. Scores(5, 75)],
            Settings(Level(2, 2), Level(1, 1)));

        Assert.Equal([1, 2, 2, null, null], Levels(ranking));
        Assert.Equal([1, 2, 2, null, null], ranking.Entries.Select(e => e.ComputedLevel));
        Assert.Equal([new LevelFill(1, 1, 1), new LevelFill(2, 2, 2)], ranking.Levels);
        Assert.Equal(5, ranking.QualifiedCount);
        Assert.Equal(0, ranking.UnfilledPrizes);
    }

    [Fact]
    public void AnEntryBelowTheMinimumScore_GetsNoLevel()
    {
        var ranking = Rank(
            [.. Scores(1, 90), .. Scores(2, 75), .. Scores(3, 74.99m)],
            Settings(AggregationMethod.RawMean, 75, Level(1, 1), Level(2, 5)));

        Assert.Equal([1, 2, null], Levels(ranking));
        Assert.True(Of(ranking, 2).Qualified);
        var below = Of(ranking, 3);
        Assert.False(below.Qualified);
        Assert.Null(below.ComputedLevel);
        Assert.Equal(RankFlags.BelowMinimum, below.Flags);
        Assert.Equal(2, ranking.QualifiedCount);
    }

    [Fact]
    public void FewerQualifiedEntriesThanPrizes_LeaveLevelsPartlyUnfilled()
    {
        var ranking = Rank(
            [.. Scores(1, 90), .. Scores(2, 80), .. Scores(3, 70), .. Scores(4, 40)],
            Settings(AggregationMethod.RawMean, 60, Level(1, 1), Level(2, 3), Level(3, 2)));

        Assert.Equal([1, 2, 2, null], Levels(ranking));
        Assert.Equal([new LevelFill(1, 1, 1), new LevelFill(2, 3, 2), new LevelFill(3, 2, 0)], ranking.Levels);
        Assert.Equal([0, 1, 2], ranking.Levels.Select(l => l.Unfilled));
        Assert.Equal(3, ranking.UnfilledPrizes);
        Assert.Equal(3, ranking.QualifiedCount);
    }

    [Fact]
    public void ALevelWithQuotaZero_IsSkipped()
    {
        var ranking = Rank(
            [.. Scores(1, 90), .. Scores(2, 80), .. Scores(3, 70), .. Scores(4, 60)],
            Settings(Level(1, 1), Level(2, 0), Level(3, 2)));

        Assert.Equal([1, 3, 3, null], Levels(ranking));
        Assert.Equal(new LevelFill(2, 0, 0), ranking.Levels[1]);
        Assert.Equal(0, ranking.UnfilledPrizes);
    }

    // 5. Boundary ties

    [Fact]
    public void ATieAcrossTwoLevels_IsABoundaryTie()
    {
        var ranking = Rank([.. Scores(1, 80), .. Scores(2, 80), .. Scores(3, 70)], Settings(Level(1, 1), Level(2, 2)));

        Assert.Equal([1, 2, 2], Levels(ranking));
        Assert.Equal(RankFlags.Tie | RankFlags.BoundaryTie, Of(ranking, 1).Flags);
        Assert.Equal(RankFlags.Tie | RankFlags.BoundaryTie, Of(ranking, 2).Flags);
        Assert.Equal(RankFlags.None, Of(ranking, 3).Flags);
        Assert.True(ranking.HasUnresolvedBoundaryTies);
    }

    [Fact]
    public void ATieInsideALevel_IsNoBoundaryTie()
    {
        var ranking = Rank(
            [.. Scores(1, 90), .. Scores(2, 80), .. Scores(3, 80), .. Scores(4, 70)],
            Settings(Level(1, 1), Level(2, 2)));

        Assert.Equal([1, 2, 2, null], Levels(ranking));
        Assert.Equal(RankFlags.Tie, Of(ranking, 2).Flags);
        Assert.Equal(RankFlags.Tie, Of(ranking, 3).Flags);
        Assert.False(ranking.HasUnresolvedBoundaryTies);
    }

    [Fact]
    public void ATieAtTheCutAfterTheLastPrize_IsABoundaryTie_UntilTheOrganizerOrdersIt()
    {
        JudgeScore[] scores = [.. Scores(1, 90), .. Scores(2, 80), .. Scores(3, 80), .. Scores(4, 80)];
        var settings = Settings(Level(1, 1), Level(2, 1));

        var tied = Rank(scores, settings);

        Assert.Equal([1, 2, null, null], Levels(tied));
        Assert.Equal([1, 2, 2, 2], Places(tied));
        Assert.All(tied.Entries.Skip(1), e => Assert.Equal(RankFlags.Tie | RankFlags.BoundaryTie, e.Flags));
        Assert.True(tied.HasUnresolvedBoundaryTies);

        var ordered = Rank(scores, settings, tieOrder: [4, 2, 3]);

        Assert.Equal([1, 4, 2, 3], Order(ordered));
        Assert.Equal([1, 2, null, null], Levels(ordered));
        Assert.Equal([1, 2, 3, 4], Places(ordered));
        Assert.All(ordered.Entries.Skip(1), e => Assert.Equal(RankFlags.ResolvedByOrganizer, e.Flags));
        Assert.False(ordered.HasUnresolvedBoundaryTies);
    }

    [Fact]
    public void ATieOrderThatSettlesTheCut_ResolvesTheBoundaryTie_EvenWhenEntriesBelowItStayTied()
    {
        // 2, 3 and 4 tie across the cut after position 2. The organizer puts 3 before 2 only.
        JudgeScore[] scores = [.. Scores(1, 90), .. Scores(2, 80), .. Scores(3, 80), .. Scores(4, 80)];

        var ranking = Rank(scores, Settings(Level(1, 2)), tieOrder: [3, 2]);

        // 3 then 2 resolved across the cut; 2 and 4 still tie, but both below it.
        Assert.Equal([1, 3, 2, 4], Order(ranking));
        Assert.Equal([1, 1, null, null], Levels(ranking));
        Assert.Equal([1, 2, 3, 3], Places(ranking));
        Assert.Equal(RankFlags.ResolvedByOrganizer, Of(ranking, 3).Flags);
        Assert.Equal(RankFlags.ResolvedByOrganizer | RankFlags.Tie, Of(ranking, 2).Flags);
        Assert.False(ranking.HasUnresolvedBoundaryTies);
    }

    [Fact]
    public void ATieOfEntriesBelowTheMinimum_IsNoBoundaryTie()
    {
        var ranking = Rank(
            [.. Scores(1, 90), .. Scores(2, 50), .. Scores(3, 50)],
            Settings(AggregationMethod.RawMean, 60, Level(1, 2)));

        Assert.Equal(RankFlags.Tie | RankFlags.BelowMinimum, Of(ranking, 2).Flags);
        Assert.False(ranking.HasUnresolvedBoundaryTies);
        Assert.Equal(1, ranking.UnfilledPrizes);
    }

    // 6. Disputes

    [Fact]
    public void ADisputedEntry_IsFlaggedAtBoundaryOnlyNextToACut()
    {
        // Levels: 1 → position 1; 2 → positions 2–4; cuts after 1 and after 4.
        var ranking = Rank(
            [
                .. Scores(1, 95, 95),  // 95, position 1: last of level 1
                .. Scores(2, 90, 90),  // 90, position 2: first after the cut, not disputed
                .. Scores(3, 100, 70), // 85, spread 30, position 3: inside level 2
                .. Scores(4, 90, 70),  // 80, spread 20: not above the threshold
                .. Scores(5, 90, 60),  // 75, spread 30, position 5: first after the last prize
                .. Scores(6, 85, 55),  // 70, spread 30, position 6
                .. Scores(7, 70, 20),  // 45, spread 50, below the minimum
                .. Scores(8, 30, 10),  // 20, spread 20
            ],
            Settings(AggregationMethod.RawMean, 50, Level(1, 1), Level(2, 3)));

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], Order(ranking));
        Assert.Equal(RankFlags.None, Of(ranking, 1).Flags);
        Assert.Equal(RankFlags.None, Of(ranking, 2).Flags);
        Assert.Equal(RankFlags.Disputed, Of(ranking, 3).Flags);
        Assert.Equal(RankFlags.None, Of(ranking, 4).Flags);
        Assert.Equal(RankFlags.Disputed | RankFlags.DisputedAtBoundary, Of(ranking, 5).Flags);
        Assert.Equal(RankFlags.Disputed, Of(ranking, 6).Flags);
        Assert.Equal(RankFlags.Disputed | RankFlags.BelowMinimum, Of(ranking, 7).Flags);
        Assert.Equal(RankFlags.BelowMinimum, Of(ranking, 8).Flags);
        Assert.Equal(30m, Of(ranking, 5).Spread);
    }

    [Fact]
    public void AnEntryWithFewerScoresThanJudgesGiven_IsFlaggedShortOfScores_AndRankedOnWhatItHas()
    {
        // Entry 1 was given three judges and has one total, 98: it leads, flagged. Entry 2 has all
        // three; entry 3 is not in the list of judges given (unknown): no flag either way.
        var settings = Settings(AggregationMethod.RawMean, null, Level(1, 1), Level(2, 2)) with
        {
            Assigned = new Dictionary<int, int> { [1] = 3, [2] = 3 },
        };
        var ranking = Rank([.. Scores(1, 98), .. Scores(2, 90, 90, 90), .. Scores(3, 80)], settings);

        Assert.Equal([1, 2, 3], Order(ranking));
        Assert.Equal(RankFlags.ShortOfScores, Of(ranking, 1).Flags);
        Assert.Equal(1, Of(ranking, 1).Level);
        Assert.Equal(RankFlags.None, Of(ranking, 2).Flags);
        Assert.Equal(RankFlags.None, Of(ranking, 3).Flags);
        Assert.Equal(RankFlags.None, Of(Rank([.. Scores(1, 98), .. Scores(2, 90, 90, 90)], settings with { Assigned = null }), 1).Flags);
    }

    [Fact]
    public void ADisputedEntry_OnEitherSideOfACut_IsAtBoundary()
    {
        var settings = Settings(Level(1, 1), Level(2, 1)) with { DisputeThreshold = 10 };

        var ranking = Rank(
            [.. Scores(1, 100, 80), .. Scores(2, 95, 75), .. Scores(3, 90, 70), .. Scores(4, 85, 65)],
            settings);

        Assert.All(
            ranking.Entries.Take(3),
            e => Assert.Equal(RankFlags.Disputed | RankFlags.DisputedAtBoundary, e.Flags));
        Assert.Equal(RankFlags.Disputed, Of(ranking, 4).Flags);
    }

    // 7. Overrides

    [Fact]
    public void AnOverride_SetsTheLevel_AndKeepsTheComputedOne()
    {
        var ranking = Rank(
            [.. Scores(1, 90), .. Scores(2, 80), .. Scores(3, 70)],
            Settings(Level(1, 1), Level(2, 1)),
            [new EntryOverride(3, 2, "first draft"), new EntryOverride(3, 1, "Best local history piece")]);

        var overridden = Of(ranking, 3);
        Assert.Equal(1, overridden.Level);
        Assert.Null(overridden.ComputedLevel);
        Assert.Equal("Best local history piece", overridden.OverrideReason);
        Assert.Equal(RankFlags.Overridden, overridden.Flags);
        Assert.Null(Of(ranking, 1).OverrideReason);
        Assert.Equal([new LevelFill(1, 1, 2), new LevelFill(2, 1, 1)], ranking.Levels);
        Assert.Equal(0, ranking.UnfilledPrizes);
    }

    [Fact]
    public void AnOverride_ToNoPrize_FreesThePrize()
    {
        var ranking = Rank(
            [.. Scores(1, 90), .. Scores(2, 80)],
            Settings(Level(1, 1), Level(2, 1)),
            [new EntryOverride(1, null, "Plagiarism found after judging")]);

        Assert.Equal([null, 2], Levels(ranking));
        Assert.Equal(1, Of(ranking, 1).ComputedLevel);
        Assert.Equal(RankFlags.Overridden, Of(ranking, 1).Flags);
        Assert.Equal(1, ranking.UnfilledPrizes);
    }

    [Fact]
    public void AnOverride_DoesNotClearABoundaryTie()
    {
        var ranking = Rank(
            [.. Scores(1, 80), .. Scores(2, 80)],
            Settings(Level(1, 1)),
            [new EntryOverride(2, 1, "Both deserve it")]);

        Assert.Equal([1, 1], Levels(ranking));
        Assert.Equal(RankFlags.Tie | RankFlags.BoundaryTie | RankFlags.Overridden, Of(ranking, 2).Flags);
        Assert.True(ranking.HasUnresolvedBoundaryTies);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void AnOverride_WithoutAReason_IsRefused(string reason)
    {
        var error = Assert.Throws<DomainException>(() =>
            Rank(Scores(1, 90), Settings(Level(1, 1)), [new EntryOverride(1, 1, reason)]));

        Assert.Equal("An override needs a written reason.", error.MessageKey);
    }

    [Fact]
    public void AnOverride_ToAnUnknownLevel_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() =>
            Rank(Scores(1, 90), Settings(Level(1, 1)), [new EntryOverride(1, 3, "Why not")]));

        Assert.Equal("The override of entry {0} names level {1}, which the track does not have.", error.MessageKey);
        Assert.Equal([1, 3], error.Arguments);
    }

    [Fact]
    public void AnOverride_ForAnEntryWithoutScores_IsIgnored()
    {
        var ranking = Rank(
            Scores(1, 90),
            Settings(Level(1, 1)),
            [new EntryOverride(2, 1, "Withdrawn later"), new EntryOverride(3, 9, "")]);

        Assert.Equal([1], Levels(ranking));
        Assert.Equal(RankFlags.None, Of(ranking, 1).Flags);
    }

    // 9. Validation

    [Theory]
    [InlineData(100, 100)]
    [InlineData(100, 0)]
    public void AScaleWhoseMaximumIsNotAboveItsMinimum_IsRefused(int min, int max)
    {
        var settings = new RankingSettings(AggregationMethod.RawMean, null, [], new ScoreScale(min, max));

        var error = Assert.Throws<DomainException>(() => Rank(Scores(1, 90), settings));

        Assert.Equal("The scale's maximum must be above its minimum.", error.MessageKey);
    }

    [Fact]
    public void ANegativeQuota_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Rank(Scores(1, 90), Settings(Level(1, -1))));

        Assert.Equal("A quota cannot be negative.", error.MessageKey);
    }

    [Fact]
    public void ALevelListedTwice_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Rank(Scores(1, 90), Settings(Level(1, 1), Level(1, 2))));

        Assert.Equal("Level {0} is listed more than once.", error.MessageKey);
    }

    [Fact]
    public void AJudgeScoringAnEntryTwice_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() =>
            Rank([Score(1, "Ann", 90), Score(2, "Ann", 80), Score(1, "Ann", 70)], Settings()));

        Assert.Equal("Judge {0} has more than one score for entry {1}.", error.MessageKey);
        Assert.Equal(["Ann", 1], error.Arguments);
    }

    [Fact]
    public void JudgesWhoseNamesDifferOnlyInCase_AreDifferentJudges()
    {
        var ranking = Rank([Score(1, "ann", 90), Score(1, "Ann", 70)], Settings());

        Assert.Equal(80m, Of(ranking, 1).Score);
    }
}
