using System.Diagnostics;
using Awards.Core.Exports.Anthology;

namespace Awards.Benchmarks;

/// <summary>The process's peak working set while it writes the 2,000-essay anthology once.</summary>
internal static class PeakMemory
{
    public static void Run(TextWriter output)
    {
        var path = Path.Combine(Path.GetTempPath(), $"awards-peak-{Environment.ProcessId}.docx");
        var themes = Synthetic.Anthology(2_000);
        var before = Process.GetCurrentProcess().PeakWorkingSet64;
        var watch = Stopwatch.StartNew();
        using (var file = File.Create(path))
        {
            AnthologyDocument.Write(file, Synthetic.Contest, Synthetic.Preface, themes);
        }

        watch.Stop();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        output.WriteLine($"anthology of 2,000 essays: {watch.Elapsed.TotalSeconds:F1} s, {new FileInfo(path).Length / 1024.0 / 1024:F1} MB file, " +
                         $"peak working set {process.PeakWorkingSet64 / 1024 / 1024} MB (before writing: {before / 1024 / 1024} MB)");
        File.Delete(path);
    }
}
