using Awards.Core.Scoring;

namespace Awards.Core.Tests.Scoring;

public class ShortlistTests
{
    private static RoundResult R(int id, params decimal[] totals) => new(id, totals);

    [Fact]
    public void Select_TakesTheTopN_ByMeanTotal()
    {
        var results = new[] { R(1, 70, 80), R(2, 90, 92), R(3, 60), R(4, 85, 85) };

        Assert.Equal([2, 4], Shortlist.Select(results, top: 2, percent: null));
    }

    [Fact]
    public void Select_KeepsEveryEntryTiedAtTheCut()
    {
        var results = new[] { R(1, 90), R(2, 80), R(3, 80), R(4, 70) };

        Assert.Equal([1, 2, 3], Shortlist.Select(results, top: 2, percent: null));
    }

    [Fact]
    public void Select_ByPercent_RoundsUp()
    {
        var results = Enumerable.Range(1, 10).Select(i => R(i, i * 5)).ToList();

        Assert.Equal([10, 9, 8], Shortlist.Select(results, top: null, percent: 25));
    }

    [Fact]
    public void Select_LeavesOutEntriesWithNoSubmittedScore_AndCopesWithTooFew()
    {
        var results = new[] { R(1), R(2, 50) };

        Assert.Equal([2], Shortlist.Select(results, top: 5, percent: null));
        Assert.Empty(Shortlist.Select([], top: 5, percent: null));
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
