using Awards.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Awards.Web.Data.Backups;

/// <summary>
/// Holds the database lock shared from before the migrations run until the site has stopped, so
/// that <c>restore</c> refuses while the site runs, and the site refuses to start during a restore.
/// Registered before <see cref="DatabaseInitializer"/>: lifecycle hooks run in registration order.
/// </summary>
internal sealed class SiteLockService(IOptions<AwardsOptions> options) : IHostedLifecycleService, IDisposable
{
    private DatabaseLock? _lock;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var database = AppPaths.Resolve(options.Value.DatabasePath);
        _lock = DatabaseLock.TryShared(database)
            ?? throw new InvalidOperationException($"A restore of {database} is in progress ({DatabaseLock.PathFor(database)} is locked); start the site when it has finished.");
        return Task.CompletedTask;
    }

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
