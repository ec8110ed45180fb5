using System.Globalization;
using Awards.Core.Exports;
using Awards.Core.Judging;
using Awards.Core.Ranking;
using Awards.Web.Data.Generate;

namespace Awards.Benchmarks;

/// <summary>Province-scale inputs for the benchmarks, from a fixed seed, with the generator's essay text.</summary>
internal static class Synthetic
{
    public static readonly ExportContest Contest = new("2026年清河市扶贫日表彰暨征文活动", "清河市扶贫开发领导小组办公室", new DateTime(2026, 10, 17), IsFinal: true);

    private static readonly string[] Themes = ["征文：我的帮扶故事", "征文：我的脱贫历程"];

    private static readonly string[] Levels = ["一等奖", "二等奖", "三等奖", "优秀奖"];

    public const string Preface = "扶贫日征文活动自启动以来，共收到来稿两万余篇。\n\n本书收录获奖作品，按主题和奖项编排。";

    /// <summary>Entries spread over <paramref name="units"/> units; a third of the judges are outside experts.</summary>
    public static (List<CandidateEntry> Entries, List<PanelJudge> Panel) Round(int entries, int judges, int units)
    {
        var random = new Random(1);
        return ([.. Enumerable.Range(1, entries).Select(i => new CandidateEntry(i, random.Next(units), []))],
                [.. Enumerable.Range(1, judges).Select(j => new PanelJudge(100_000 + j, j % 3 == 0 ? null : random.Next(units)))]);
    }

    /// <summary>Three whole-point totals on 0–100 per entry, from 300 judges.</summary>
    public static List<JudgeScore> Scores(int entries, int perEntry = 3, int judges = 300)
    {
        var random = new Random(2);
        var scores = new List<JudgeScore>(entries * perEntry);
        for (var e = 1; e <= entries; e++)
        {
            var quality = 60 + random.Next(35);
            var first = random.Next(judges);
            for (var k = 0; k < perEntry; k++)
            {
                var judge = string.Create(CultureInfo.InvariantCulture, $"judge{(first + k * 7) % judges:D4}@generated.example");
                scores.Add(new JudgeScore(e, judge, Math.Clamp(quality + random.Next(-8, 9), 0, 100)));
            }
        }

        return scores;
    }

    public static RankingSettings Settings(AggregationMethod method) =>
        new(method, null, [new LevelQuota(1, 5), new LevelQuota(2, 10), new LevelQuota(3, 20), new LevelQuota(4, 50)], new ScoreScale(0, 100));

    /// <summary>
    /// <paramref name="count"/> essays of 1,000 to 6,000 characters in two themes and four levels,
    /// made as the writer reads them (as the export reads them from the database).
    /// </summary>
    public static List<AnthologyTheme> Anthology(int count)
    {
        return [.. Themes.Select((theme, t) => new AnthologyTheme(theme, [.. Levels.Select((level, l) =>
        {
            var perTheme = count / Themes.Length + (t < count % Themes.Length ? 1 : 0);
            var share = perTheme / Levels.Length + (l < perTheme % Levels.Length ? 1 : 0);
            return new AnthologyLevel(level, new LazyEssays(share, (t * 4 + l) * 10_000, level));
        })]))];
    }

    public static List<PrizeTrack> PrizeList(int rows)
    {
        var random = new Random(3);
        return [.. Enumerable.Range(0, 8).Select(t => new PrizeTrack(
            string.Create(CultureInfo.InvariantCulture, $"track-{t}"),
            string.Create(CultureInfo.InvariantCulture, $"奖项{t + 1}"),
            [.. Enumerable.Range(1, rows / 8).Select(i => new PrizeRow(i, 1 + (i * 4 / (rows / 8 + 1)), "一等奖", string.Create(CultureInfo.InvariantCulture, $"7K3M-{i % 10_000:D4}"),
                SyntheticText.Title(random), SyntheticText.PersonName(random), "清河市第一中学", 60 + random.Next(4000) / 100m))]))];
    }
}
