using Awards.Core.Judging;
using Awards.Core.Ranking;
using BenchmarkDotNet.Attributes;

namespace Awards.Benchmarks;

/// <summary>Assignment, and aggregation with ranking and quota allocation, at province scale.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class DomainBenchmarks
{
    private List<CandidateEntry> _entries = [];
    private List<PanelJudge> _panel = [];
    private List<JudgeScore> _scores = [];

    [Params(2_000, 20_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_entries, _panel) = Synthetic.Round(Entries, Entries == 2_000 ? 60 : 300, Entries == 2_000 ? 20 : 200);
        _scores = Synthetic.Scores(Entries);
    }

    /// <summary>Target: 20,000 entries to 300 judges, 3 each, under 2 s.</summary>
    [Benchmark]
    public AssignmentPlan Assign() => Assigner.Plan(_entries, _panel, [], 3, seed: 42);

    /// <summary>Target: 20,000 entries with 3 scores each under 200 ms.</summary>
    [Benchmark]
    public Ranking RankRawMean() => Ranker.Rank(_scores, Synthetic.Settings(AggregationMethod.RawMean), [], []);

    [Benchmark]
    public Ranking RankZScore() => Ranker.Rank(_scores, Synthetic.Settings(AggregationMethod.ZScore), [], []);
}
