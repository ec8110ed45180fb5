using Awards.Core.Ranking;
using RankingResult = Awards.Core.Ranking.Ranking;

namespace Awards.Core.Tests.Ranking;

/// <summary>Short ways to write scores and settings, and to read a ranking, in the ranking tests.</summary>
internal static class RankingInput
{
    public static readonly ScoreScale Hundred = new(0, 100);

    public static RankingSettings Settings(AggregationMethod method, decimal? minimum, params LevelQuota[] levels) =>
        new(method, minimum, levels, Hundred);

    public static RankingSettings Settings(params LevelQuota[] levels) => Settings(AggregationMethod.RawMean, null, levels);

    public static LevelQuota Level(int rank, int quota) => new(rank, quota);

    /// <summary>One entry's totals from judges J1, J2, … in turn.</summary>
    public static IEnumerable<JudgeScore> Scores(int entryId, params decimal[] totals) =>
        totals.Select((total, i) => new JudgeScore(entryId, $"J{i + 1}", total));

    public static JudgeScore Score(int entryId, string judge, decimal total) => new(entryId, judge, total);

    public static RankingResult Rank(
        IEnumerable<JudgeScore> scores,
        RankingSettings settings,
        IReadOnlyList<EntryOverride>? overrides = null,
        IReadOnlyList<int>? tieOrder = null) =>
        Ranker.Rank([.. scores], settings, overrides ?? [], tieOrder ?? []);

    public static RankedEntry Of(RankingResult ranking, int entryId) => ranking.Entries.Single(e => e.EntryId == entryId);

    public static int[] Order(RankingResult ranking) => [.. ranking.Entries.Select(e => e.EntryId)];

    public static int[] Places(RankingResult ranking) => [.. ranking.Entries.Select(e => e.Place)];

    public static int?[] Levels(RankingResult ranking) => [.. ranking.Entries.Select(e => e.Level)];

    public static string Csv(RankingResult ranking)
    {
        using var writer = new StringWriter();
        RankingCsv.Write(
            writer,
            ranking,
            ranking.Entries.ToDictionary(e => e.EntryId, e => $"E-{e.EntryId:D3}"),
            new Dictionary<int, string> { [1] = "First", [2] = "Second", [3] = "Third" });
        return writer.ToString();
    }
}
