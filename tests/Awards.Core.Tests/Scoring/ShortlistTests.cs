using Awards.Core.Ranking;
using Awards.Core.Scoring;
using RankingResult = Awards.Core.Ranking.Ranking;

namespace Awards.Core.Tests.Scoring;

public class ShortlistTests
{
    private static readonly ScoreScale Hundred = new(0, 100);

    private static RoundResult R(int id, params decimal[] totals) => new(id, totals);

    /// <summary>Entry i scored by one judge each ("j1", "j2", …) with the given totals.</summary>
    private static RankingResult Ranked(AggregationMethod method, decimal? minimum, params (int Entry, string Judge, decimal Total)[] scores) =>
        Ranker.Rank([.. scores.Select(s => new JudgeScore(s.Entry, s.Judge, s.Total))], new RankingSettings(method, minimum, [new LevelQuota(1, 1)], Hundred), [], []);

    private static RankingResult RawMeans(params (int Entry, decimal Total)[] scores) =>
        Ranked(AggregationMethod.RawMean, null, [.. scores.Select(s => (s.Entry, "j1", s.Total))]);

    [Fact]
    public void Cut_TakesTheTopN_InTheRankingsOrder()
    {
        var ranking = Ranked(AggregationMethod.RawMean, null, (1, "a", 70), (1, "b", 80), (2, "a", 90), (2, "b", 92), (3, "a", 60), (4, "a", 85), (4, "b", 85));

        Assert.Equal([2, 4], Shortlist.Cut(ranking, top: 2, percent: null).Selected);
    }

    [Fact]
    public void Cut_WithZScore_FollowsTheNormalizedRanking_NotTheRawMeans()
    {
        // A lenient judge scores entries 1-4 high, a severe one entries 5-8 low, on the same spread:
        // the raw means put the lenient judge's two best first; normalized, each judge's best leads.
        var scores = new (int, string, decimal)[]
        {
            (1, "lenient", 95), (2, "lenient", 90), (3, "lenient", 85), (4, "lenient", 80),
            (5, "severe", 65), (6, "severe", 60), (7, "severe", 55), (8, "severe", 50),
        };
        var zScore = Ranked(AggregationMethod.ZScore, null, scores);
        var rawMean = Ranked(AggregationMethod.RawMean, null, scores);

        var cut = Shortlist.Cut(zScore, top: 2, percent: null);

        Assert.Equal(zScore.Entries.Take(2).Select(e => e.EntryId), cut.Selected);
        Assert.Equal([1, 5], cut.Selected);
        Assert.Equal([1, 2], Shortlist.Cut(rawMean, top: 2, percent: null).Selected);
    }

    [Fact]
    public void Cut_KeepsEveryEntryTiedAtTheCut_AndFlagsThem()
    {
        var cut = Shortlist.Cut(RawMeans((1, 90), (2, 80), (3, 80), (4, 70)), top: 2, percent: null);

        Assert.Equal([1, 2, 3], cut.Selected);
        Assert.Equal([2, 3], cut.Lines.Where(l => l.TiedAtCut).Select(l => l.Entry.EntryId));
        Assert.Equal(2, cut.Places);
    }

    [Fact]
    public void Cut_FlagsNoTie_WhenTheTieEndsAtTheCut()
    {
        var cut = Shortlist.Cut(RawMeans((1, 80), (2, 80), (3, 70)), top: 2, percent: null);

        Assert.Equal([1, 2], cut.Selected);
        Assert.DoesNotContain(cut.Lines, l => l.TiedAtCut);
    }

    [Fact]
    public void Cut_ByPercent_RoundsUp()
    {
        var ranking = RawMeans([.. Enumerable.Range(1, 10).Select(i => (i, (decimal)(i * 5)))]);

        Assert.Equal([10, 9, 8], Shortlist.Cut(ranking, top: null, percent: 25).Selected);
    }

    [Fact]
    public void Cut_NeverSendsOnAnEntryBelowTheMinimumScore()
    {
        var ranking = Ranked(AggregationMethod.RawMean, 75, (1, "j", 90), (2, "j", 80), (3, "j", 70), (4, "j", 60));

        var cut = Shortlist.Cut(ranking, top: 3, percent: null);

        Assert.Equal([1, 2], cut.Selected);
        Assert.Equal(4, cut.Lines.Count);
    }

    [Fact]
    public void Cut_CopesWithNoEntries()
    {
        Assert.Empty(Shortlist.Cut(RawMeans(), top: 5, percent: null).Selected);
    }

    [Fact]
    public void Disputed_FlagsEntriesWhoseJudgesDifferByMoreThanTheThreshold()
    {
        var results = new[] { R(1, 60, 90), R(2, 80, 85, 70), R(3, 99) };

        var disputed = Shortlist.Disputed(results, threshold: 15);

        Assert.Equal([1], disputed.Select(d => d.EntryId));
        Assert.Equal(30, disputed[0].Range);
    }
}
