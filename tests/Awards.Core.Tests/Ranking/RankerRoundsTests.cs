using Awards.Core.Ranking;
using static Awards.Core.Tests.Ranking.RankingInput;

namespace Awards.Core.Tests.Ranking;

/// <summary>Rule 8 of <see cref="Ranker"/>: a ranking that draws on earlier rounds for the prizes the ranked round leaves.</summary>
public class RankerRoundsTests
{
    private static readonly HashSet<int> None = [];

    // Preliminary: entries 1-6; 1 and 2 went on to the final. Entry 3 beat both of them there.
    private static readonly JudgeScore[] Preliminary =
        [.. Scores(1, 80, 82), .. Scores(2, 84, 86), .. Scores(3, 95, 93), .. Scores(4, 70, 72), .. Scores(5, 60, 64), .. Scores(6, 50, 40)];

    private static readonly JudgeScore[] Final = [.. Scores(1, 88, 90, 92), .. Scores(2, 70, 75, 80)];

    [Fact]
    public void EarlierRoundEntries_ArePlacedBelowEveryFinalist_AndFillTheLevelsLeft()
    {
        var ranking = Ranker.Rank(
            [new RankingTier(Final, None), new RankingTier(Preliminary, None)],
            Settings(Level(1, 1), Level(2, 2), Level(3, 2)),
            [],
            []);

        Assert.Equal([1, 2, 3, 4, 5, 6], Order(ranking));
        Assert.Equal([1, 2, 3, 4, 5, 6], Places(ranking));
        Assert.Equal([1, 2, 2, 3, 3, null], Levels(ranking));
        Assert.Equal([0, 0, 1, 1, 1, 1], ranking.Entries.Select(e => e.Tier));
        Assert.All(ranking.Entries.Where(e => e.Tier == 1), e => Assert.True(e.Flags.HasFlag(RankFlags.EarlierRound)));
        Assert.All(ranking.Entries.Where(e => e.Tier == 0), e => Assert.False(e.Flags.HasFlag(RankFlags.EarlierRound)));
        Assert.Equal(94m, Of(ranking, 3).Score);
        Assert.Equal(3, Of(ranking, 1).Judges.Count);
        Assert.Equal(0, ranking.UnfilledPrizes);
        Assert.Equal(6, ranking.QualifiedCount);
    }

    [Fact]
    public void WithOneRoundOnly_TheRankingIsTheSingleRoundRanking()
    {
        var tiered = Ranker.Rank([new RankingTier(Preliminary, None)], Settings(Level(1, 1), Level(2, 2)), [], []);
        var plain = Rank(Preliminary, Settings(Level(1, 1), Level(2, 2)));

        Assert.Equal(Order(plain), Order(tiered));
        Assert.Equal(Levels(plain), Levels(tiered));
        Assert.DoesNotContain(tiered.Entries, e => e.Flags.HasFlag(RankFlags.EarlierRound));
    }

    [Fact]
    public void AnEntryThatWentOnButWasNotScored_IsNotRankedOnItsEarlierScores()
    {
        // Entry 2 was shortlisted but the final panel never scored it: the results page names it
        // unscored, and its preliminary score must not slip it in among the earlier-round entries.
        var final = Final.Where(s => s.EntryId == 1).ToList();
        var ranking = Ranker.Rank(
            [new RankingTier(final, None), new RankingTier(Preliminary, new HashSet<int> { 1, 2 })],
            Settings(Level(1, 1), Level(2, 5)),
            [],
            []);

        Assert.Equal([1, 3, 4, 5, 6], Order(ranking));
    }

    [Fact]
    public void AnEarlierRound_IsNormalizedWithEverythingItsJudgesScoredInIt()
    {
        // Judge J1 is severe and J2 generous; with z-scores, entry 4's normalized totals depend on
        // all of each judge's preliminary totals, the finalists' included.
        var settings = Settings(AggregationMethod.ZScore, null, Level(1, 1), Level(2, 10));
        var alone = Rank(Preliminary, settings);
        var tiered = Ranker.Rank([new RankingTier(Final, None), new RankingTier(Preliminary, None)], settings, [], []);

        foreach (var entryId in new[] { 3, 4, 5, 6 })
        {
            Assert.Equal(Of(alone, entryId).Judges, Of(tiered, entryId).Judges);
            Assert.Equal(Of(alone, entryId).Score, Of(tiered, entryId).Score);
        }
    }

    [Fact]
    public void ATieInAnEarlierRound_AcrossTheLastPrize_IsABoundaryTie_WithPlacesAfterTheFinalists()
    {
        JudgeScore[] preliminary = [.. Scores(1, 90), .. Scores(2, 90), .. Scores(3, 70), .. Scores(4, 70), .. Scores(5, 50)];
        var ranking = Ranker.Rank(
            [new RankingTier([.. Scores(1, 90), .. Scores(2, 85)], None), new RankingTier(preliminary, None)],
            Settings(Level(1, 1), Level(2, 2)),
            [],
            []);

        Assert.Equal([1, 2, 3, 3, 5], Places(ranking));
        Assert.Equal([1, 2, 2, null, null], Levels(ranking));
        Assert.True(Of(ranking, 3).Flags.HasFlag(RankFlags.BoundaryTie));
        Assert.True(Of(ranking, 4).Flags.HasFlag(RankFlags.BoundaryTie));
        Assert.True(ranking.HasUnresolvedBoundaryTies);

        // The organizer's order decides it, as in one round.
        var decided = Ranker.Rank(
            [new RankingTier([.. Scores(1, 90), .. Scores(2, 85)], None), new RankingTier(preliminary, None)],
            Settings(Level(1, 1), Level(2, 2)),
            [],
            [4, 3]);
        Assert.Equal([1, 2, 4, 3, 5], Order(decided));
        Assert.Equal([1, 2, 2, null, null], Levels(decided));
        Assert.False(decided.HasUnresolvedBoundaryTies);
    }

    [Fact]
    public void TheMinimumScoreAndOverrides_ApplyToEarlierRoundEntries()
    {
        var ranking = Ranker.Rank(
            [new RankingTier(Final, None), new RankingTier(Preliminary, None)],
            Settings(AggregationMethod.RawMean, 65, Level(1, 1), Level(2, 2), Level(3, 10)),
            [new EntryOverride(4, 1, "Upheld on appeal"), new EntryOverride(1, 2, "Swap")],
            []);

        Assert.False(Of(ranking, 5).Qualified);
        Assert.True(Of(ranking, 5).Flags.HasFlag(RankFlags.BelowMinimum));
        Assert.Equal(1, Of(ranking, 4).Level);
        Assert.Equal(3, Of(ranking, 4).ComputedLevel);
        Assert.True(Of(ranking, 4).Flags.HasFlag(RankFlags.Overridden));
        Assert.Equal(2, Of(ranking, 1).Level);
        Assert.Equal(4, ranking.QualifiedCount);
        Assert.Contains("EarlierRound", Csv(ranking), StringComparison.Ordinal);
    }

    [Fact]
    public void ADisputedEarlierRoundEntry_AtTheLastPrize_IsDisputedAtTheBoundary()
    {
        // Entry 6's judges differ by 10 (threshold 5); it is the last prize overall (position 3 of quota 3).
        var ranking = Ranker.Rank(
            [new RankingTier([.. Scores(1, 90, 90), .. Scores(2, 80, 80)], None), new RankingTier([.. Scores(6, 60, 70), .. Scores(7, 40, 40)], None)],
            Settings(Level(1, 3)) with { DisputeThreshold = 5 },
            [],
            []);

        Assert.Equal(1, Of(ranking, 6).Level);
        Assert.True(Of(ranking, 6).Flags.HasFlag(RankFlags.DisputedAtBoundary));
    }
}
