using System.Data.Common;
using Awards.Web.Data;
using Awards.Web.Infrastructure;
using Awards.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Data;

/// <summary>Counts the process's busy waits, so it runs alone: another class's writers must not add to the count.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BusyWaitCounting
{
    public const string Name = "Busy-wait counting";
}

/// <summary>
/// The site's own writers take turns in the process instead of polling SQLite's lock on a blocked
/// thread (WriteGate), and the log is copied into the database file in the background, not inside
/// a writer's turn (WalCheckpointer; ADR 0001).
/// </summary>
[Collection(BusyWaitCounting.Name)]
public sealed class WriteGateTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task TwentyWritersAtOnce_AllCommit_AndNoneWaitsOnSQLitesLock()
    {
        _ = factory.Server;
        var key = Guid.NewGuid().ToString("N");
        using var start = new ManualResetEventSlim();
        var waitsBefore = SqliteBusyWait.Waits;

        // Half save directly, half check-then-write in an immediate transaction; each writes enough
        // rows that the transactions overlap.
        var writers = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AwardsDbContext>();
            var rows = Enumerable.Range(0, 200).Select(n => new AuditEntry { At = DateTime.UtcNow, Action = "Test write", EntityType = "Test", EntityKey = $"{key}/{i}/{n}" }).ToList();
            start.Wait();
            if (i % 2 == 0)
            {
                db.AuditLog.AddRange(rows);
                await db.SaveChangesAsync();
            }
            else
            {
                await ImmediateTransaction.RunAsync(db, async ct =>
                {
                    var before = await db.AuditLog.CountAsync(a => a.EntityKey.StartsWith(key), ct);
                    db.AuditLog.AddRange(rows);
                    return before;
                });
            }
        })).ToList();
        start.Set();
        await Task.WhenAll(writers);

        Assert.Equal(20 * 200, factory.WithDb(db => db.AuditLog.Count(a => a.EntityKey.StartsWith(key))));
        Assert.Equal(waitsBefore, SqliteBusyWait.Waits);
    }

    [Fact]
    public async Task TheSitesConnections_LeaveCheckpointsToTheBackground_WhichCopiesEverySave()
    {
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AwardsDbContext>();
        await db.Database.OpenConnectionAsync();
        Assert.Equal(0L, Pragma(db.Database.GetDbConnection(), "wal_autocheckpoint"));
        Assert.Equal(WalCheckpointer.LogLimitBytes, Pragma(db.Database.GetDbConnection(), "journal_size_limit"));
        await db.Database.CloseConnectionAsync();

        // Some megabytes of rows, which no save of theirs copies into the database file any more.
        var key = Guid.NewGuid().ToString("N");
        for (var batch = 0; batch < 5; batch++)
        {
            db.AuditLog.AddRange(Enumerable.Range(0, 1_000).Select(n => new AuditEntry { At = DateTime.UtcNow, Action = "Test write", EntityType = "Test", EntityKey = $"{key}/{batch}/{n}", After = new string('x', 500) }));
            await db.SaveChangesAsync();
        }

        // The checkpointer does, within a few of its half-second ticks: wait for two that began after
        // the last save (the bound is only so that a broken checkpointer fails the test instead of hanging it).
        var path = db.Database.GetDbConnection().DataSource;
        var after = WalCheckpointer.Checkpoints;
        for (var wait = 0; wait < 100 && WalCheckpointer.Checkpoints < after + 2; wait++)
        {
            await Task.Delay(100);
        }

        var last = WalCheckpointer.LastCheckpoint(path);
        Assert.NotNull(last);
        Assert.True(last.Value.Log > 0 && last.Value.Copied == last.Value.Log, $"last checkpoint: {last}");
    }

    [Fact]
    public async Task ALogLargerThanTheLimit_IsCutBack_OnceCopied_AsSavesGoOn()
    {
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AwardsDbContext>();
        var log = db.Database.GetDbConnection().DataSource + "-wal";

        // One save of about 20 MiB, as a province's score import writes: the log is past the limit when it commits.
        var key = Guid.NewGuid().ToString("N");
        db.AuditLog.AddRange(Enumerable.Range(0, 8_000).Select(n => new AuditEntry { At = DateTime.UtcNow, Action = "Test write", EntityType = "Test", EntityKey = $"{key}/{n}", After = new string('y', 2_500) }));
        await db.SaveChangesAsync();
        var grown = new FileInfo(log).Length;

        // Judges go on saving: the checkpointer copies the log, the next writer starts it over and
        // cuts the file back. Bounded so that a log that never shrinks fails the test instead of hanging it.
        for (var wait = 0; wait < 100 && new FileInfo(log).Length > WalCheckpointer.LogLimitBytes; wait++)
        {
            await Task.Delay(100);
            db.AuditLog.Add(new AuditEntry { At = DateTime.UtcNow, Action = "Test write", EntityType = "Test", EntityKey = $"{key}/after/{wait}" });
            await db.SaveChangesAsync();
        }

        Assert.True(grown > WalCheckpointer.LogLimitBytes, $"the save left a log of {grown} bytes");
        Assert.True(new FileInfo(log).Length <= WalCheckpointer.LogLimitBytes, $"the log is still {new FileInfo(log).Length} bytes");
        Assert.Equal(8_000, factory.WithDb(d => d.AuditLog.Count(a => a.EntityKey.StartsWith(key + "/") && !a.EntityKey.Contains("/after/"))));
    }

    [Fact]
    public async Task ADatabaseNoSiteRuns_KeepsSQLitesOwnCheckpoints()
    {
        // What the CLI opens: no site's checkpointer runs for that file, so its commits checkpoint as SQLite does by itself.
        var path = Path.Combine(factory.Root, "cli.db");
        var builder = new DbContextOptionsBuilder<AwardsDbContext>();
        DatabaseSetup.Configure(builder, new AwardsOptions { DatabasePath = path });
        await using var db = new AwardsDbContext(builder.Options);
        await db.Database.OpenConnectionAsync();
        Assert.Equal(1_000L, Pragma(db.Database.GetDbConnection(), "wal_autocheckpoint"));
        await db.Database.CloseConnectionAsync();
    }

    private static long Pragma(DbConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return (long)command.ExecuteScalar()!;
    }
}
