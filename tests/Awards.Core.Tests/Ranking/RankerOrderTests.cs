using Awards.Core.Ranking;
using static Awards.Core.Tests.Ranking.RankingInput;

namespace Awards.Core.Tests.Ranking;

/// <summary>Rule 3 of <see cref="Ranker"/>: each tie-break step, ties and places.</summary>
public class RankerOrderTests
{
    [Fact]
    public void Order_IsByScoreFirst()
    {
        var ranking = Rank([.. Scores(1, 70), .. Scores(2, 90), .. Scores(3, 80)], Settings());

        Assert.Equal([2, 3, 1], Order(ranking));
        Assert.Equal([1, 2, 3], ranking.Entries.Select(e => e.Position));
        Assert.Equal([1, 2, 3], Places(ranking));
        Assert.All(ranking.Entries, e => Assert.Equal(RankFlags.None, e.Flags));
    }

    [Fact]
    public void EqualScores_AreOrderedByMedian()
    {
        // Entry 1: 90, 90, 70, 70 → mean 80, median 80, top scores 2.
        // Entry 2: 60, 82, 82, 96 → mean 80, median 82, top scores 1: the median decides before top scores.
        var ranking = Rank([.. Scores(1, 90, 90, 70, 70), .. Scores(2, 60, 82, 82, 96)], Settings());

        Assert.Equal([2, 1], Order(ranking));
        Assert.Equal([1, 2], Places(ranking));
        Assert.All(ranking.Entries, e => Assert.False(e.Flags.HasFlag(RankFlags.Tie)));
    }

    [Fact]
    public void EqualScoresAndMedians_AreOrderedByTopScores()
    {
        // Entry 1: 80, 80, 80 → mean 80, median 80, no top score. Entry 2: 60, 80, 100 → the same, one top score.
        var ranking = Rank([.. Scores(1, 80, 80, 80), .. Scores(2, 60, 80, 100)], Settings());

        Assert.Equal([2, 1], Order(ranking));
        Assert.Equal([1, 2], Places(ranking));
        Assert.Equal(RankFlags.Disputed, Of(ranking, 2).Flags);
        Assert.Equal(RankFlags.None, Of(ranking, 1).Flags);
    }

    [Fact]
    public void ARemainingTie_IsFlaggedAndSharesThePlace()
    {
        var ranking = Rank(
            [.. Scores(3, 80, 70), .. Scores(1, 75, 75), .. Scores(2, 70, 80), .. Scores(4, 60)],
            Settings());

        // 1, 2 and 3: 75, median 75, no top scores. The entry id orders them but decides nothing.
        Assert.Equal([1, 2, 3, 4], Order(ranking));
        Assert.Equal([1, 1, 1, 4], Places(ranking));
        Assert.Equal([RankFlags.Tie, RankFlags.Tie, RankFlags.Tie, RankFlags.None], ranking.Entries.Select(e => e.Flags));
    }

    [Fact]
    public void TheTieOrder_OrdersEqualEntries_AsResolvedByTheOrganizer()
    {
        var ranking = Rank(
            [.. Scores(1, 80, 80), .. Scores(2, 80, 80), .. Scores(3, 90)],
            Settings(),
            tieOrder: [2, 1]);

        Assert.Equal([3, 2, 1], Order(ranking));
        Assert.Equal([1, 2, 3], Places(ranking));
        Assert.Equal(RankFlags.ResolvedByOrganizer, Of(ranking, 2).Flags);
        Assert.Equal(RankFlags.ResolvedByOrganizer, Of(ranking, 1).Flags);
        Assert.Equal(RankFlags.None, Of(ranking, 3).Flags);
    }

    [Fact]
    public void TheTieOrder_DoesNotReorderEntriesThatDiffer()
    {
        var ranking = Rank([.. Scores(1, 90), .. Scores(2, 80)], Settings(), tieOrder: [2, 1]);

        Assert.Equal([1, 2], Order(ranking));
        Assert.All(ranking.Entries, e => Assert.Equal(RankFlags.None, e.Flags));
    }

    [Fact]
    public void AnEntryInTheTieOrder_GoesBeforeOneNotInIt_ButTheyStayTied()
    {
        var ranking = Rank([.. Scores(1, 80), .. Scores(2, 80)], Settings(), tieOrder: [2, 99]);

        Assert.Equal([2, 1], Order(ranking));
        Assert.Equal([1, 1], Places(ranking));
        Assert.All(ranking.Entries, e => Assert.Equal(RankFlags.Tie, e.Flags));
    }

    [Fact]
    public void APartlyOrderedTie_KeepsTheUnorderedEntriesTied()
    {
        // 4 entries equal; the organizer ordered 3 before 1 only. 3 and 1 are resolved; 1 and the
        // entries not in the order (2, 4) still tie, sharing 1's place.
        var ranking = Rank(
            [.. Scores(1, 80), .. Scores(2, 80), .. Scores(3, 80), .. Scores(4, 80)],
            Settings(),
            tieOrder: [3, 1]);

        Assert.Equal([3, 1, 2, 4], Order(ranking));
        Assert.Equal([1, 2, 2, 2], Places(ranking));
        Assert.Equal(
            [RankFlags.ResolvedByOrganizer, RankFlags.ResolvedByOrganizer | RankFlags.Tie, RankFlags.Tie, RankFlags.Tie],
            ranking.Entries.Select(e => e.Flags));
    }

    [Fact]
    public void ScoresEqualOnlyBeforeRounding_AreEqual()
    {
        // 80.004 and 80.001 both round to 80.00.
        var ranking = Rank([.. Scores(1, 80.004m), .. Scores(2, 80.001m)], Settings());

        Assert.Equal([1, 1], Places(ranking));
    }

    [Fact]
    public void TheRanking_DoesNotDependOnTheOrderOfTheScores()
    {
        JudgeScore[] scores = [.. Scores(1, 80, 70), .. Scores(2, 75, 75), .. Scores(3, 90, 60), .. Scores(4, 60)];

        var forward = Rank(scores, Settings(AggregationMethod.ZScore, null, Level(1, 1)) with { MinScoresToNormalize = 2 });
        var backward = Rank(scores.Reverse(), Settings(AggregationMethod.ZScore, null, Level(1, 1)) with { MinScoresToNormalize = 2 });

        Assert.Equal(Csv(forward), Csv(backward));
    }
}
