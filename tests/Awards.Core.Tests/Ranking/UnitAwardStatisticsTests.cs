using Awards.Core.Ranking;

namespace Awards.Core.Tests.Ranking;

/// <summary>How <see cref="UnitAwardStatistics.Rank"/> counts, orders and places the units.</summary>
public class UnitAwardStatisticsTests
{
    private static readonly IReadOnlyDictionary<int, decimal> Weights = UnitAwardStatistics.DefaultLevelWeights;

    [Fact]
    public void DefaultLevelWeights_AreFourThreeTwoOne()
    {
        Assert.Equal(
            new Dictionary<int, decimal> { [1] = 4, [2] = 3, [3] = 2, [4] = 1 },
            Weights.OrderBy(w => w.Key).ToDictionary());
    }

    [Fact]
    public void Rank_OrdersByPointsPrizesAverageAndEntries_AndSharesPlaces()
    {
        UnitEntryResult[] results =
        [
            new(4, 7, null, null),   // unit 4: 1 entry, none scored, no prize
            new(1, 1, 90, 1),        // unit 1: 4 points, 1 prize, average 85
            new(1, 2, 80, null),
            new(2, 3, 85, 2),        // unit 2: 3 points, 1 prize, average 85 (1 of 2 scored), 2 entries
            new(2, 4, null, null),
            new(3, 5, 70, 3),        // unit 3: 2 + 1 = 3 points, 2 prizes
            new(3, 6, 70, 4),
            new(5, 8, 60, null),     // unit 5: nothing, average 60
            new(6, 9, 75, 2),        // unit 6: as unit 2 but both scored: (75 + 95) / 2 = 85
            new(6, 10, 95, null),
            new(7, 11, 50, 5),       // unit 7: a level without weight: 0 points, but 1 prize
        ];

        var standings = UnitAwardStatistics.Rank(results, Weights);

        Assert.Equal(
            [
                new UnitStanding(1, 2, 2, 85, 1, 4, 1),
                new UnitStanding(3, 2, 2, 70, 2, 3, 2),
                new UnitStanding(2, 2, 1, 85, 1, 3, 3),
                new UnitStanding(6, 2, 2, 85, 1, 3, 3),
                new UnitStanding(7, 1, 1, 50, 1, 0, 5),
                new UnitStanding(5, 1, 1, 60, 0, 0, 6),
                new UnitStanding(4, 1, 0, null, 0, 0, 7),
            ],
            standings);
    }

    [Fact]
    public void Rank_WithEqualPointsPrizesAndAverages_PutsTheUnitWithMoreEntriesFirst()
    {
        UnitEntryResult[] results = [new(1, 1, 80, null), new(2, 2, 80, null), new(2, 3, null, null)];

        var standings = UnitAwardStatistics.Rank(results, Weights);

        Assert.Equal([2, 1], standings.Select(s => s.UnitId));
        Assert.Equal([1, 2], standings.Select(s => s.Place));
    }

    [Fact]
    public void Rank_RoundsTheAverageToTwoPlaces()
    {
        UnitEntryResult[] results = [new(1, 1, 80, null), new(1, 2, 80, null), new(1, 3, 81, null), new(2, 4, 80.125m, null)];

        var standings = UnitAwardStatistics.Rank(results, Weights);

        // 241 / 3 = 80.333… → 80.33; 80.125 → 80.13 (half away from zero).
        Assert.Equal([80.33m, 80.13m], standings.Select(s => s.AverageScore));
        Assert.Equal([1, 2], standings.Select(s => s.Place));
    }

    [Fact]
    public void Rank_UsesTheGivenWeights()
    {
        var weights = new Dictionary<int, decimal> { [1] = 10, [2] = 2.5m };
        UnitEntryResult[] results = [new(1, 1, 90, 1), new(2, 2, 80, 2), new(2, 3, 80, 2), new(2, 4, 80, 2), new(2, 5, 80, 2)];

        var standings = UnitAwardStatistics.Rank(results, weights);

        // Unit 1: 10 points from one first prize; unit 2: 4 × 2.5 = 10 points from four prizes, so first.
        Assert.Equal([(2, 10m, 4), (1, 10m, 1)], standings.Select(s => (s.UnitId, s.PrizePoints, s.Prizes)));
        Assert.Equal([1, 2], standings.Select(s => s.Place));
    }

    [Fact]
    public void Rank_WithNoResults_IsEmpty() => Assert.Empty(UnitAwardStatistics.Rank([], Weights));
}
