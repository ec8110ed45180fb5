using Awards.Core.Exports;
using Awards.Core.Exports.Anthology;
using Awards.Core.Exports.Sheets;
using BenchmarkDotNet.Attributes;

namespace Awards.Benchmarks;

/// <summary>The anthology for 85 winners and for 2,000 essays, and the prize list of 20,000 rows, written to a file.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ExportBenchmarks
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"awards-bench-{Environment.ProcessId}.out");
    private List<AnthologyTheme> _winners = [];
    private List<AnthologyTheme> _essays = [];
    private List<PrizeTrack> _prizes = [];

    [GlobalSetup]
    public void Setup()
    {
        _winners = Synthetic.Anthology(85);
        _essays = Synthetic.Anthology(2_000);
        _prizes = Synthetic.PrizeList(20_000);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    /// <summary>Target: under 1 s.</summary>
    [Benchmark]
    public long Anthology85() => Write(s => AnthologyDocument.Write(s, Synthetic.Contest, Synthetic.Preface, _winners));

    /// <summary>Target: under 20 s, peak memory under 400 MB (see <see cref="PeakMemory"/>).</summary>
    [Benchmark]
    public long Anthology2000() => Write(s => AnthologyDocument.Write(s, Synthetic.Contest, Synthetic.Preface, _essays));

    /// <summary>Target: under 3 s.</summary>
    [Benchmark]
    public long PrizeList20000() => Write(s => PrizeListWorkbook.Write(s, Synthetic.Contest, _prizes));

    private long Write(Action<Stream> write)
    {
        using var file = File.Create(_path);
        write(file);
        return file.Length;
    }
}
