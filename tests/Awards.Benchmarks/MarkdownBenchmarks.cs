using Awards.Web.Data.Generate;
using Awards.Web.Infrastructure.Markdown;
using BenchmarkDotNet.Attributes;

namespace Awards.Benchmarks;

/// <summary>
/// One essay's text from Markdown to the safe HTML that the judge's entry page shows (Markdig, then
/// the allowlist over AngleSharp's parse), at the shortest, a typical and the longest essay length.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class MarkdownBenchmarks
{
    private string _text = string.Empty;

    [Params(1000, 3500, 6000)]
    public int Characters { get; set; }

    [GlobalSetup]
    public void Setup() => _text = SyntheticText.Body(new Random(1), Characters, Characters);

    [Benchmark]
    public string SafeHtml() => MarkdownRenderer.ToSafeHtml(_text);
}
