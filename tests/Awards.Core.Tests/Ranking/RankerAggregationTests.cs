using Awards.Core.Ranking;
using static Awards.Core.Tests.Ranking.RankingInput;

namespace Awards.Core.Tests.Ranking;

/// <summary>Rules 1 and 2 of <see cref="Ranker"/>: normalized totals and each method's numbers, by hand.</summary>
public class RankerAggregationTests
{
    [Fact]
    public void RawMean_IsTheMeanOfTheRawTotals_WithMedianSpreadAndTopScores()
    {
        // Entry 1: 80, 70, 90 → mean 240/3 = 80, median 80, spread 20, top scores (≥ 90) 1.
        // Entry 2: 85.5, 70.25 → mean 155.75/2 = 77.875 → 77.88 (half away from zero), median the same, spread 15.25.
        var ranking = Rank([.. Scores(1, 80, 70, 90), .. Scores(2, 85.5m, 70.25m)], Settings());

        var first = Of(ranking, 1);
        Assert.Equal((80m, 80m, 80m, 20m, 1), (first.Score, first.Mean, first.Median, first.Spread, first.TopScores));
        var second = Of(ranking, 2);
        Assert.Equal((77.88m, 77.88m, 77.88m, 15.25m, 0), (second.Score, second.Mean, second.Median, second.Spread, second.TopScores));
        Assert.Equal([1, 2], Order(ranking));
    }

    [Fact]
    public void Spread_IsZeroWithOneJudge()
    {
        var entry = Of(Rank(Scores(1, 64.5m), Settings()), 1);

        Assert.Equal(0m, entry.Spread);
        Assert.Equal(64.5m, entry.Median);
    }

    [Fact]
    public void TopScores_CountsTotalsInTheTopBandOfTheScale()
    {
        // Scale 50–150, band 0.8: a top score is ≥ 50 + 0.8 × 100 = 130.
        var settings = new RankingSettings(AggregationMethod.RawMean, null, [], new ScoreScale(50, 150)) { TopBand = 0.8m };

        var entry = Of(Rank(Scores(1, 129.99m, 130, 150, 90), settings), 1);

        Assert.Equal(2, entry.TopScores);
    }

    [Fact]
    public void TrimmedMean_WithFourJudges_IsThePlainMean()
    {
        // 40, 70, 80, 100: fewer than 5 judges, nothing dropped: 290 / 4 = 72.5; median (70 + 80) / 2 = 75.
        var entry = Of(Rank(Scores(1, 40, 70, 80, 100), Settings(AggregationMethod.TrimmedMean, null)), 1);

        Assert.Equal(72.5m, entry.Score);
        Assert.Equal(72.5m, entry.Mean);
        Assert.Equal(75m, entry.Median);
    }

    [Fact]
    public void TrimmedMean_WithFiveJudges_DropsOneHighestAndOneLowest()
    {
        // 40, 70, 75, 80, 100: drop 40 and 100 → (70 + 75 + 80) / 3 = 75; the raw mean is 365 / 5 = 73.
        var entry = Of(Rank(Scores(1, 100, 75, 40, 80, 70), Settings(AggregationMethod.TrimmedMean, null)), 1);

        Assert.Equal(75m, entry.Score);
        Assert.Equal(73m, entry.Mean);
        Assert.Equal(75m, entry.Median);
    }

    [Fact]
    public void TrimmedMean_WithSixJudges_DropsOnlyOneAtEachEnd()
    {
        // 40, 40, 70, 80, 100, 100: drop one 40 and one 100 → (40 + 70 + 80 + 100) / 4 = 72.5;
        // raw mean 430 / 6 = 71.666… → 71.67; median over all six (70 + 80) / 2 = 75.
        var entry = Of(Rank(Scores(1, 40, 100, 70, 40, 80, 100), Settings(AggregationMethod.TrimmedMean, null)), 1);

        Assert.Equal(72.5m, entry.Score);
        Assert.Equal(71.67m, entry.Mean);
        Assert.Equal(75m, entry.Median);
    }

    [Fact]
    public void ZScore_PutsEachJudgesTotalsOnThePool()
    {
        // J1: 60, 70, 80 on entries 1–3 → mean 70, SD √((100 + 0 + 100) / 3) = √(200/3).
        // J2: 70, 80, 90 → mean 80, the same SD. So z = −√1.5, 0, +√1.5 for both judges.
        // Pool: 60, 70, 80, 70, 80, 90 → mean 75, SD √((225 + 25 + 25 + 25 + 25 + 225) / 6) = √(550/6).
        // z × pool SD = √(1.5 × 550/6) = √137.5 = 11.72604… → 75 ∓ 11.726 = 63.27 and 86.73.
        var scores = new[]
        {
            Score(1, "J1", 60), Score(2, "J1", 70), Score(3, "J1", 80),
            Score(1, "J2", 70), Score(2, "J2", 80), Score(3, "J2", 90),
        };

        var ranking = Rank(scores, Settings(AggregationMethod.ZScore, null));

        Assert.Equal([3, 2, 1], Order(ranking));
        var low = Of(ranking, 1);
        Assert.Equal(
            [new JudgeTotal("J1", 60, 63.27m, true), new JudgeTotal("J2", 70, 63.27m, true)],
            low.Judges);
        Assert.Equal((63.27m, 63.27m, 65m), (low.Score, low.Median, low.Mean));
        Assert.Equal((75m, 75m), (Of(ranking, 2).Score, Of(ranking, 2).Mean));
        Assert.Equal((86.73m, 86.73m, 85m), (Of(ranking, 3).Score, Of(ranking, 3).Median, Of(ranking, 3).Mean));
    }

    [Fact]
    public void ZScore_OnAScaleBelowZero_NormalizesTheNegativeTotalsToo()
    {
        // J1: −6, 0, 6 → mean 0, SD √24; J2: −3, 0, 3 → mean 0, SD √6: z = −√1.5, 0, +√1.5 for both.
        // Pool: −6, 0, 6, −3, 0, 3 → mean 0, SD √(90/6) = √15. z × pool SD = √22.5 = 4.74342… → ∓4.74.
        var scores = new[]
        {
            Score(1, "J1", -6), Score(2, "J1", 0), Score(3, "J1", 6),
            Score(1, "J2", -3), Score(2, "J2", 0), Score(3, "J2", 3),
        };
        var settings = new RankingSettings(AggregationMethod.ZScore, null, [], new ScoreScale(-10, 10));

        var ranking = Ranker.Rank(scores, settings, [], []);

        Assert.Equal([3, 2, 1], Order(ranking));
        Assert.Equal([-4.74m, -4.74m], Of(ranking, 1).Judges.Select(j => j.Normalized));
        Assert.Equal((4.74m, 4.5m, 3m), (Of(ranking, 3).Score, Of(ranking, 3).Mean, Of(ranking, 3).Spread));
        Assert.Equal((-4.74m, -4.5m), (Of(ranking, 1).Score, Of(ranking, 1).Mean));
        Assert.Equal(0m, Of(ranking, 2).Score);
    }

    [Fact]
    public void Normalized_IsShownForEveryMethod()
    {
        var scores = new[]
        {
            Score(1, "J1", 60), Score(2, "J1", 70), Score(3, "J1", 80),
            Score(1, "J2", 70), Score(2, "J2", 80), Score(3, "J2", 90),
        };

        var ranking = Rank(scores, Settings(AggregationMethod.RawMean, null));

        Assert.Equal(65m, Of(ranking, 1).Score);
        Assert.Equal([63.27m, 63.27m], Of(ranking, 1).Judges.Select(j => j.Normalized));
        Assert.All(ranking.Entries.SelectMany(e => e.Judges), j => Assert.True(j.WasNormalized));
    }

    /// <summary>
    /// Harsh H: 63, 69, 63, 69 on entries 1–4 (mean 66, SD 3); lenient L: 71, 77, 71, 77 on entries
    /// 5–8 (mean 74, SD 3). Pool: mean 70, SD √((4 × 49 + 4 × 1) / 8) = √25 = 5. Every z is ±1, so
    /// every normalized total is 70 ± 5: 65 or 75, whoever judged.
    /// </summary>
    private static readonly JudgeScore[] HarshAndLenient =
    [
        Score(1, "H", 63), Score(2, "H", 69), Score(3, "H", 63), Score(4, "H", 69),
        Score(5, "L", 71), Score(6, "L", 77), Score(7, "L", 71), Score(8, "L", 77),
    ];

    [Fact]
    public void ZScore_MakesTheEntriesOfAHarshAndALenientJudgeEqual()
    {
        var raw = Rank(HarshAndLenient, Settings(AggregationMethod.RawMean, null));
        var normalized = Rank(HarshAndLenient, Settings(AggregationMethod.ZScore, null));

        // Raw: the lenient judge's entries all come first.
        Assert.Equal([6, 8, 5, 7, 2, 4, 1, 3], Order(raw));
        // Normalized: each judge's best entries are equal at 75, their worst at 65.
        Assert.Equal([2, 4, 6, 8, 1, 3, 5, 7], Order(normalized));
        Assert.Equal([75m, 75m, 75m, 75m, 65m, 65m, 65m, 65m], normalized.Entries.Select(e => e.Score));
        Assert.Equal([1, 1, 1, 1, 5, 5, 5, 5], Places(normalized));
        Assert.All(normalized.Entries, e => Assert.True(e.Flags.HasFlag(RankFlags.Tie)));
        Assert.Equal(new JudgeTotal("L", 71, 65, true), Of(normalized, 5).Judges.Single());
    }

    [Fact]
    public void ZScore_LeavesAJudgeWithTooFewScoresRaw()
    {
        // C scores only entries 1 and 5 (65 and 75), fewer than 3: its totals stay raw. The pool
        // gains 65 and 75: mean still 700 / 10 = 70, SD √((200 + 25 + 25) / 10) = √25 = 5, so H's and
        // L's normalized totals stay 65 / 75. Entry 1: (65 + 65) / 2 = 65; entry 5: (65 + 75) / 2 = 70.
        var scores = HarshAndLenient.Concat([Score(1, "C", 65), Score(5, "C", 75)]);

        var ranking = Rank(scores, Settings(AggregationMethod.ZScore, null));

        Assert.Equal(
            [new JudgeTotal("C", 65, 65, false), new JudgeTotal("H", 63, 65, true)],
            Of(ranking, 1).Judges);
        Assert.Equal(
            [new JudgeTotal("C", 75, 75, false), new JudgeTotal("L", 71, 65, true)],
            Of(ranking, 5).Judges);
        Assert.Equal(65m, Of(ranking, 1).Score);
        Assert.Equal(70m, Of(ranking, 5).Score);
        Assert.Equal(70m, Of(ranking, 5).Median);
        Assert.Equal(73m, Of(ranking, 5).Mean);
    }

    [Fact]
    public void ZScore_NormalizesAJudgeWithFewScoresWhenTheSettingAllowsIt()
    {
        var settings = Settings(AggregationMethod.ZScore, null) with { MinScoresToNormalize = 2 };

        var ranking = Rank(HarshAndLenient.Concat([Score(1, "C", 65), Score(5, "C", 75)]), settings);

        // C: mean 70, SD 5, z = ±1 → 70 ± 5: its totals are unchanged but now normalized.
        Assert.Equal(new JudgeTotal("C", 65, 65, true), Of(ranking, 1).Judges[0]);
    }

    [Fact]
    public void ZScore_LeavesAJudgeWhoseTotalsAreAllEqualRaw()
    {
        var scores = new[] { Score(1, "A", 80), Score(2, "A", 80), Score(3, "A", 80), Score(1, "B", 50) };

        var ranking = Rank(scores, Settings(AggregationMethod.ZScore, null));

        Assert.All(ranking.Entries.SelectMany(e => e.Judges), j => Assert.Equal(j.Raw, j.Normalized));
        Assert.All(ranking.Entries.SelectMany(e => e.Judges), j => Assert.False(j.WasNormalized));
        Assert.Equal(65m, Of(ranking, 1).Score);
    }

    [Fact]
    public void Normalized_IsKeptWithinTheScale()
    {
        // J1: 98, 99, 100 → mean 99, SD √(2/3), z = ∓√1.5. J2 (2 scores, raw): 50, 100.
        // Pool: 98, 99, 100, 50, 100 → mean 89.4, SD √388.64 = 19.71395…; √1.5 × 19.71395 = 24.14457.
        // 89.4 − 24.14457 = 65.25543 → 65.26; 89.4 + 24.14457 = 113.54 → the scale's 100.
        var scores = new[]
        {
            Score(1, "J1", 98), Score(2, "J1", 99), Score(3, "J1", 100), Score(4, "J2", 50), Score(5, "J2", 100),
        };

        var ranking = Rank(scores, Settings(AggregationMethod.ZScore, null));

        Assert.Equal(65.26m, Of(ranking, 1).Score);
        Assert.Equal(89.4m, Of(ranking, 2).Score);
        Assert.Equal(100m, Of(ranking, 3).Judges.Single().Normalized);
        Assert.Equal(100m, Of(ranking, 5).Score);
    }

    [Fact]
    public void Judges_AreListedByNameOrdinally()
    {
        var scores = new[] { Score(1, "bob", 70), Score(1, "Zed", 80), Score(1, "Ann", 90) };

        var entry = Of(Rank(scores, Settings()), 1);

        Assert.Equal(["Ann", "Zed", "bob"], entry.Judges.Select(j => j.Judge));
    }

    [Fact]
    public void Rank_WithNoScores_IsEmptyWithEveryLevelUnfilled()
    {
        var ranking = Rank([], Settings(Level(2, 3), Level(1, 1)));

        Assert.Empty(ranking.Entries);
        Assert.Equal([new LevelFill(1, 1, 0), new LevelFill(2, 3, 0)], ranking.Levels);
        Assert.Equal(0, ranking.QualifiedCount);
        Assert.Equal(4, ranking.UnfilledPrizes);
        Assert.False(ranking.HasUnresolvedBoundaryTies);
    }
}
