using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Awards.Web.Infrastructure;

/// <summary>
/// Every few seconds, hands the memory glibc's malloc holds free back to the system
/// (<c>malloc_trim</c>). SQLite, OpenSSL, ICU and the JIT allocate natively from whichever thread
/// runs them; what they free in the middle of an arena stays in the process, since glibc only gives
/// back the free memory at an arena's end by itself. Under the judge's load that was 35 MB of the
/// site's peak; trimming every 2 seconds took the peak of the same runs from 247–248 MB to
/// 221–223 MB for no measurable CPU (docs/PERFORMANCE.md, "6 December 2026 (third session)").
/// The site only: an admin verb ends before it matters. Elsewhere than on glibc it does nothing.
/// </summary>
internal sealed class MallocTrim(IOptions<AwardsOptions> options, ILogger<MallocTrim> logger) : BackgroundService
{
    private long _trims;

    /// <summary>How many times this site has trimmed.</summary>
    public long Trims => Interlocked.Read(ref _trims);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.MallocTrimSeconds;
        if (!OperatingSystem.IsLinux() || seconds <= 0)
        {
            return;
        }

        // A period under a millisecond is one the timer refuses; it would stop the site.
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(seconds, 0.001)));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var started = Stopwatch.GetTimestamp();
                var released = Glibc.MallocTrim(0) == 1;
                Interlocked.Increment(ref _trims);
                logger.LogDebug("malloc_trim: {Released} in {Milliseconds:F2} ms", released ? "memory released" : "nothing to release", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e) when (Glibc.Missing(e))
        {
            // Not glibc: nothing to trim.
        }
    }
}
