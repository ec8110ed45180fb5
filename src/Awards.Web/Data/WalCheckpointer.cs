using System.Collections.Concurrent;
using Awards.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Awards.Web.Data;

/// <summary>
/// Copies the write-ahead log into the database file in the background while the site runs
/// (ADR 0001). SQLite does this by itself inside the commit that takes the log past 1,000 pages,
/// so that one save also writes megabytes and waits for their fsync. With writers taking turns
/// (<see cref="WriteGate"/>), every writer behind it would wait too. The site's connections turn
/// that off (<c>wal_autocheckpoint = 0</c>, set by <see cref="SqlitePragmas"/> for a database this
/// service looks after), and this service runs a passive checkpoint twice a second instead: it
/// never waits for a lock and never blocks a reader or a writer. The CLI, which does not run the
/// site's services, keeps SQLite's own.
/// </summary>
internal sealed class WalCheckpointer(IOptions<AwardsOptions> options, ILogger<WalCheckpointer> logger) : BackgroundService, IHostedLifecycleService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    /// <summary>The size the log's file is cut back to (<c>journal_size_limit</c>), and the log's size past which writers are made to start it over.</summary>
    public const long LogLimitBytes = 16 * 1024 * 1024;

    private static readonly ConcurrentDictionary<string, byte> Running = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, (long Log, long Copied)> Last = new(StringComparer.Ordinal);

    private static long _checkpoints;

    private readonly string _connectionString = DatabaseSetup.ConnectionString(options.Value);

    // The database's page size, in which the log counts its pages: read once, not at every tick.
    private long? _pageSize;

    // As the site's connections report it (SqliteConnection.DataSource), the key of Manages.
    private readonly string _dataSource = new SqliteConnectionStringBuilder(DatabaseSetup.ConnectionString(options.Value)).DataSource;

    /// <summary>How many checkpoints this process's sites have run.</summary>
    public static long Checkpoints => Interlocked.Read(ref _checkpoints);

    /// <summary>Whether a running site checkpoints this database (a connection's DataSource) itself.</summary>
    public static bool Manages(string dataSource) => Running.ContainsKey(dataSource);

    /// <summary>The last checkpoint of the database here: the log's pages, and how many of them are in the database file.</summary>
    public static (long Log, long Copied)? LastCheckpoint(string dataSource) => Last.TryGetValue(dataSource, out var last) ? last : null;

    // Before the database initializer opens the first connection (this service is registered
    // ahead of it), so that every connection of the site leaves the checkpoints here: the pool
    // keeps native connections, and their settings are made once (SqlitePragmas). Its own
    // connection opens through the millisecond VFS too, whoever opens first.
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        SqliteSleep.EnsureInstalled();
        Running[_dataSource] = 0;
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Running.TryRemove(_dataSource, out _);
        await CheckpointAsync(CancellationToken.None);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckpointAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_dataSource + "-wal"))
        {
            return;
        }

        try
        {
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // One row: busy (0 or 1), the log's pages, and how many of them are now in the database file.
            var (log, copied) = await RunAsync(command, "PRAGMA wal_checkpoint(PASSIVE);", cancellationToken);
            Last[_dataSource] = (log, copied);
            Interlocked.Increment(ref _checkpoints);

            // A writer starts the log over only if no reader still reads from it when it begins, so
            // under a steady stream of saves the log grew by every save (826-908 MB in a minute of the
            // load script's POSTs) and stayed that large. Once all of a large log is copied, a RESTART
            // checkpoint makes the next writer start it over, cutting the file back to the limit
            // (journal_size_limit) and writing over it in place. It takes the writers' lock only for
            // as long as that takes: this connection has no busy handler, so a reader still in the
            // log makes it give up at once, and it tries again at the next tick.
            if (copied == log && log * (_pageSize ??= PageSize(connection)) >= LogLimitBytes)
            {
                await RunAsync(command, "PRAGMA wal_checkpoint(RESTART);", cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A full disk or an I/O error: the next tick tries again, and the log stays valid
            // meanwhile. Never let it out: a background service's exception would stop the site.
            logger.LogWarning(e, "The checkpoint of {Database} did not run", _dataSource);
        }
    }

    private static async Task<(long Log, long Copied)> RunAsync(SqliteCommand command, string text, CancellationToken cancellationToken)
    {
        command.CommandText = text;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(1), reader.GetInt64(2)) : (0, 0);
    }

    private static long PageSize(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size;";
        return (long)command.ExecuteScalar()!;
    }
}
