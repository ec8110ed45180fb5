using Awards.Core.Ranking;
using RankingResult = Awards.Core.Ranking.Ranking;

namespace Awards.Core.Tests.Ranking;

/// <summary>
/// Random tracks (seeded, so failures repeat): every ranking keeps the rules, checked from the
/// input alone, whatever the order of the input.
/// </summary>
public class RankerPropertyTests
{
    private const int RoundsPerSeed = 20;

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 50)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Rank_OnRandomTracks_KeepsEveryRule(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < RoundsPerSeed; round++)
        {
            var input = RankingCase.Random(random);

            var ranking = Ranker.Rank(input.Scores, input.Settings, [], input.TieOrder);

            AssertNumbers(input, ranking);
            AssertOrderAndPlaces(ranking);
            AssertLevels(input, ranking);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Rank_OnShuffledInput_GivesTheSameCsv(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < RoundsPerSeed; round++)
        {
            var input = RankingCase.Random(random);
            var shuffledScores = input.Scores.OrderBy(_ => random.Next()).ToList();
            var shuffledLevels = input.Settings.Levels.OrderBy(_ => random.Next()).ToList();

            var ranking = Ranker.Rank(input.Scores, input.Settings, [], input.TieOrder);
            var shuffled = Ranker.Rank(shuffledScores, input.Settings with { Levels = shuffledLevels }, [], input.TieOrder);

            Assert.Equal(RankingInput.Csv(ranking), RankingInput.Csv(shuffled));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Rank_WithRandomOverrides_ChangesOnlyTheOverriddenLevels(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < RoundsPerSeed; round++)
        {
            var input = RankingCase.Random(random);
            var ranks = input.Settings.Levels.Select(l => (int?)l.Rank).Append(null).ToList();
            var overrides = input.Scores.Select(s => s.EntryId).Distinct()
                .Where(_ => random.NextDouble() < 0.2)
                .Select(id => new EntryOverride(id, ranks[random.Next(ranks.Count)], "Decided by the jury"))
                .ToList();

            var plain = Ranker.Rank(input.Scores, input.Settings, [], input.TieOrder);
            var overridden = Ranker.Rank(input.Scores, input.Settings, overrides, input.TieOrder);

            var byEntry = overrides.ToDictionary(o => o.EntryId);
            Assert.Equal(plain.Entries.Count, overridden.Entries.Count);
            foreach (var (before, after) in plain.Entries.Zip(overridden.Entries))
            {
                Assert.Equal(before.Judges, after.Judges);
                var decided = byEntry.TryGetValue(after.EntryId, out var decision);
                Assert.Equal(
                    decided
                        ? before with { Level = decision!.LevelRank, OverrideReason = decision.Reason, Flags = before.Flags | RankFlags.Overridden }
                        : before,
                    after with { Judges = before.Judges });
            }

            Assert.All(overridden.Levels, l => Assert.Equal(overridden.Entries.Count(e => e.Level == l.Rank), l.Filled));
        }
    }

    /// <summary>Rules 1 and 2, recomputed plainly from the input.</summary>
    private static void AssertNumbers(RankingCase input, RankingResult ranking)
    {
        var settings = input.Settings;
        var byEntry = input.Scores.ToLookup(s => s.EntryId);
        Assert.Equal(byEntry.Select(g => g.Key).Order(), ranking.Entries.Select(e => e.EntryId).Order());
        var topScore = settings.Scale.Min + (settings.TopBand * (settings.Scale.Max - settings.Scale.Min));
        foreach (var entry in ranking.Entries)
        {
            var raw = byEntry[entry.EntryId].Select(s => s.Total).ToList();
            var mean = Round(raw.Sum() / raw.Count);
            Assert.Equal(mean, entry.Mean);
            Assert.Equal(raw.Max() - raw.Min(), entry.Spread);
            Assert.Equal(raw.Count(t => t >= topScore), entry.TopScores);
            Assert.Equal(
                byEntry[entry.EntryId].Select(s => s.Judge).Order(StringComparer.Ordinal),
                entry.Judges.Select(j => j.Judge));
            Assert.All(entry.Judges, j =>
            {
                Assert.InRange(j.Normalized, settings.Scale.Min, settings.Scale.Max);
                Assert.True(j.WasNormalized || j.Normalized == j.Raw);
            });

            var normalized = entry.Judges.Select(j => j.Normalized).ToList();
            var trimmed = raw.Count >= 5 ? raw.Order().Skip(1).SkipLast(1).ToList() : raw;
            var expected = settings.Method switch
            {
                AggregationMethod.RawMean => mean,
                AggregationMethod.TrimmedMean => Round(trimmed.Sum() / trimmed.Count),
                _ => Round(normalized.Sum() / normalized.Count),
            };
            Assert.Equal(expected, entry.Score);
            Assert.Equal(entry.Spread > settings.DisputeThreshold, entry.Flags.HasFlag(RankFlags.Disputed));
        }
    }

    /// <summary>Rule 3: positions, order by the three keys, ties and places.</summary>
    private static void AssertOrderAndPlaces(RankingResult ranking)
    {
        var entries = ranking.Entries;
        Assert.Equal(Enumerable.Range(1, entries.Count), entries.Select(e => e.Position));
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            Assert.InRange(entry.Place, 1, entry.Position);
            var tiedWithPrevious = i > 0 && entries[i - 1].Place == entry.Place;
            if (i > 0)
            {
                var previous = entries[i - 1];
                Assert.True(Keys(previous).CompareTo(Keys(entry)) >= 0, $"{previous.EntryId} before {entry.EntryId}");
                if (tiedWithPrevious)
                {
                    Assert.Equal(Keys(previous), Keys(entry));
                    Assert.True(previous.Flags.HasFlag(RankFlags.Tie) && entry.Flags.HasFlag(RankFlags.Tie));
                }
            }

            Assert.Equal(tiedWithPrevious ? entries[i - 1].Place : entry.Position, entry.Place);
            var tiedWithNext = i + 1 < entries.Count && entries[i + 1].Place == entry.Place;
            Assert.Equal(tiedWithPrevious || tiedWithNext, entry.Flags.HasFlag(RankFlags.Tie));
        }
    }

    /// <summary>Rules 4–6: qualification, quotas, levels by score, boundary ties and disputes at a cut.</summary>
    private static void AssertLevels(RankingCase input, RankingResult ranking)
    {
        var settings = input.Settings;
        var entries = ranking.Entries;
        var qualified = entries.Where(e => e.Qualified).ToList();
        Assert.Equal(qualified.Count, ranking.QualifiedCount);
        Assert.Equal(qualified, entries.Take(qualified.Count));
        Assert.All(entries, e =>
        {
            Assert.Equal(settings.MinimumScore is null || e.Score >= settings.MinimumScore, e.Qualified);
            Assert.Equal(!e.Qualified, e.Flags.HasFlag(RankFlags.BelowMinimum));
            Assert.Equal(e.ComputedLevel, e.Level);
            Assert.True(e.Qualified || e.Level is null);
            Assert.True(!e.Flags.HasFlag(RankFlags.BoundaryTie) || e.Flags.HasFlag(RankFlags.Tie));
        });

        Assert.Equal(settings.Levels.Select(l => l.Rank).Order(), ranking.Levels.Select(l => l.Rank));
        Assert.All(ranking.Levels, l =>
        {
            Assert.InRange(l.Filled, 0, l.Quota);
            Assert.Equal(entries.Count(e => e.Level == l.Rank), l.Filled);
        });

        // A level's entries all score at least as high as any entry of a lower level or none.
        foreach (var higher in entries.Where(e => e.Level is not null))
        {
            Assert.All(
                entries.Where(e => e.Level is null || e.Level > higher.Level),
                lower => Assert.True(higher.Score >= lower.Score, $"{higher.EntryId} below {lower.EntryId}"));
        }

        // Every qualified entry above the last cut gets a level (unless a boundary tie), none below it.
        var prizes = settings.Levels.Sum(l => l.Quota);
        Assert.All(qualified, e =>
        {
            if (e.Position <= prizes && !e.Flags.HasFlag(RankFlags.BoundaryTie))
            {
                Assert.NotNull(e.Level);
            }

            if (e.Position > prizes)
            {
                Assert.Null(e.Level);
            }
        });

        // A tie whose members' levels differ is a boundary tie.
        foreach (var tie in entries.GroupBy(e => e.Place).Where(g => g.Count() > 1))
        {
            var differ = tie.Select(e => e.ComputedLevel).Distinct().Count() > 1;
            Assert.All(tie, e => Assert.Equal(differ, e.Flags.HasFlag(RankFlags.BoundaryTie)));
        }

        // Disputed at a boundary: next to the end of a level's quota.
        var cuts = new List<int>();
        var end = 0;
        foreach (var level in settings.Levels.OrderBy(l => l.Rank).Where(l => l.Quota > 0))
        {
            end += level.Quota;
            cuts.Add(end);
        }

        Assert.All(entries, e => Assert.Equal(
            e.Qualified && e.Flags.HasFlag(RankFlags.Disputed) && cuts.Any(c => e.Position == c || e.Position == c + 1),
            e.Flags.HasFlag(RankFlags.DisputedAtBoundary)));
    }

    private static (decimal, decimal, int) Keys(RankedEntry entry) => (entry.Score, entry.Median, entry.TopScores);

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
