using Awards.Core.Contests;
using Awards.Web.Data;
using Awards.Web.Data.Generate;
using Awards.Web.Features.Scoring;
using Awards.Web.Infrastructure;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Benchmarks;

/// <summary>
/// What a page costs before any HTML: the current contest that every page's layout reads, and the
/// judge's queue, on a generated city contest, through the site's own services without HTTP.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class RequestBenchmarks
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"awards-bench-{Environment.ProcessId}");
    private WebApplication? _site;
    private int _judgeId;
    private int _roundId;

    [GlobalSetup]
    public void Setup()
    {
        string[] settings = [$"--Awards:DatabasePath={Path.Combine(_folder, "city.db")}", $"--Awards:KeysPath={Path.Combine(_folder, "keys")}", "--Awards:Mode=Demo", "--Logging:LogLevel:Default=Warning"];
        if (Awards.Web.Cli.CommandLine.RunAsync(["generate", "city", .. settings], TextWriter.Null).GetAwaiter().GetResult() != 0)
        {
            throw new InvalidOperationException("generate city failed");
        }

        _site = SiteSetup.CreateBuilder(settings).Build();
        using var scope = _site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AwardsDbContext>();
        _judgeId = db.Users.Where(u => u.Email == GeneratedAccounts.Judge(1)).Select(u => u.Id).Single();
        _roundId = db.Rounds.Where(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "help-story")).Select(r => r.Id).Min();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _site?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Five queries (a split query) and the JSON of names, rubrics and rules: paid by every page.</summary>
    [Benchmark]
    public async Task<ContestEdition?> CurrentContest()
    {
        await using var scope = _site!.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteContext>().CurrentContestAsync();
    }

    [Benchmark]
    public async Task<int> JudgeQueue()
    {
        await using var scope = _site!.Services.CreateAsyncScope();
        var queue = await scope.ServiceProvider.GetRequiredService<JudgeWork>().QueueAsync(_judgeId, _roundId, CancellationToken.None);
        return queue!.Rows.Count;
    }

    /// <summary>One trivial query, for scale: what the EF and SQLite round trip alone costs.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> OneQuery()
    {
        await using var scope = _site!.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AwardsDbContext>().Units.AsNoTracking().CountAsync();
    }
}
