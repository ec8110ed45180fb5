using Awards.Core.Ranking;

namespace Awards.Core.Tests.Ranking;

/// <summary>A random track's scores and settings for the property tests.</summary>
internal sealed record RankingCase(
    IReadOnlyList<JudgeScore> Scores, RankingSettings Settings, IReadOnlyList<int> TieOrder)
{
    /// <summary>
    /// Up to 40 entries scored by 1–7 of up to 7 judges; half the totals on a coarse grid so that
    /// ties are common; any method, minimum score, levels (some with quota 0) and a partial tie order.
    /// </summary>
    public static RankingCase Random(Random random)
    {
        var judges = Enumerable.Range(1, random.Next(1, 8)).Select(j => j % 3 == 0 ? $"judge {j}" : $"J{j}").ToArray();
        var coarse = random.NextDouble() < 0.5;
        var entryIds = Enumerable.Range(1, random.Next(0, 41)).Select(i => i * 3).ToArray();
        var scores = new List<JudgeScore>();
        foreach (var entryId in entryIds)
        {
            var panel = judges.OrderBy(_ => random.Next()).Take(random.Next(1, judges.Length + 1));
            scores.AddRange(panel.Select(judge => new JudgeScore(
                entryId,
                judge,
                coarse ? random.Next(8, 21) * 5 : random.Next(3000, 10001) / 100m)));
        }

        var levels = Enumerable.Range(1, random.Next(0, 5))
            .Select(rank => new LevelQuota(rank, random.Next(0, 7)))
            .OrderBy(_ => random.Next())
            .ToList();
        var method = (AggregationMethod)random.Next(3);
        decimal? minimum = random.NextDouble() < 0.5 ? null : random.Next(50, 90);
        var settings = new RankingSettings(method, minimum, levels, new ScoreScale(0, 100))
        {
            MinScoresToNormalize = random.Next(1, 5),
            DisputeThreshold = random.Next(5, 40),
        };
        var tieOrder = entryIds.Where(_ => random.NextDouble() < 0.3).Append(999).OrderBy(_ => random.Next()).ToList();
        return new RankingCase(scores, settings, tieOrder);
    }
}
