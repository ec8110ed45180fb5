using System.Threading.Channels;
using Awards.Web.Data;
using Awards.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Awards.Web.Features.Exports;

/// <summary>The ids of export jobs waiting to run.</summary>
public sealed class ExportBacklog
{
    private readonly Channel<int> _jobs = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(int jobId) => _jobs.Writer.TryWrite(jobId);

    public IAsyncEnumerable<int> ReadAllAsync(CancellationToken cancellationToken) => _jobs.Reader.ReadAllAsync(cancellationToken);
}

/// <summary>
/// Runs export jobs one after the other, each in a scope of its own, writing to a temporary file
/// that is renamed when complete: a download never sees half a file. Jobs that a restart
/// interrupted are marked failed, so the page never shows one running for ever.
/// </summary>
public sealed class ExportWorker(IServiceScopeFactory scopes, ExportBacklog queue, IOptions<AwardsOptions> options, ILogger<ExportWorker> logger) : BackgroundService
{
    public string Folder => AppPaths.Resolve(options.Value.ExportsPath);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await FailInterruptedAsync(stoppingToken);
        await foreach (var id in queue.ReadAllAsync(stoppingToken))
        {
            await RunAsync(id, stoppingToken);
        }
    }

    private async Task FailInterruptedAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AwardsDbContext>();
            var clock = scope.ServiceProvider.GetRequiredService<Core.Common.IClock>();
            foreach (var job in await db.ExportJobs.Where(j => j.Status == ExportStatus.Queued || j.Status == ExportStatus.Running).ToListAsync(cancellationToken))
            {
                job.Status = ExportStatus.Failed;
                job.Error = "Interrupted by a restart of the site; start it again.";
                job.FinishedAt = clock.UtcNow;
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or Microsoft.Data.Sqlite.SqliteException)
        {
            // The database may not exist yet (first start); nothing was interrupted then.
            logger.LogDebug(ex, "No interrupted exports to mark.");
        }
    }

    private async Task RunAsync(int id, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AwardsDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<Core.Common.IClock>();
        var job = await db.ExportJobs.FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (job is not { Status: ExportStatus.Queued })
        {
            return;
        }

        job.Status = ExportStatus.Running;
        job.Progress = 1;
        await db.SaveChangesAsync(cancellationToken);
        Directory.CreateDirectory(Folder);
        var stored = $"{job.Id}-{Guid.NewGuid():N}{ExportKinds.Extension(job.Kind)}";
        var temporary = Path.Combine(Folder, stored + ".part");
        try
        {
            string name;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024))
            {
                var progress = new SyncProgress(p =>
                {
                    job.Progress = Math.Clamp(p, job.Progress, 99);
                    db.SaveChanges();
                });
                name = await scope.ServiceProvider.GetRequiredService<ExportRunner>().WriteAsync(job.Kind, job.Proposed, file, progress, cancellationToken);
                job.Bytes = file.Length;
            }

            File.Move(temporary, Path.Combine(Folder, stored));
            job.StoredAs = stored;
            job.FileName = name;
            job.Status = ExportStatus.Done;
            job.Progress = 100;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Export {Id} ({Kind}) failed.", job.Id, job.Kind);
            File.Delete(temporary);
            job.Status = ExportStatus.Failed;
            job.Error = ex is Core.Common.DomainException ? ex.Message : "The export failed; the site's log has the details.";
        }

        job.FinishedAt = clock.UtcNow;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Progress reported on the caller's thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
