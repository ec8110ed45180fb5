using Awards.Web.Data;
using Awards.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Data;

/// <summary>A second writer waits for the first one's lock instead of failing (ADR 0001).</summary>
public sealed class BusyWaitTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public void TheMillisecondBusyHandler_InstallsOnTheSitesConnections()
    {
        using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        _ = factory.Server;
        connection.Open();

        // Without it every collision of two writers costs a whole second (busy_timeout's sleep here).
        Assert.True(SqliteBusyWait.TryInstall(connection));
    }

    [Fact]
    public async Task APooledConnection_KeepsItsSettings_EveryTimeItIsOpenedAgain()
    {
        _ = factory.Server;
        for (var open = 0; open < 5; open++)
        {
            // Each scope's context opens a connection from the pool; the settings are run once per
            // native connection (SqlitePragmas) and must hold on every later open of it.
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AwardsDbContext>();
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            Assert.Equal(1L, Pragma(connection, "foreign_keys"));
            Assert.Equal(1L, Pragma(connection, "synchronous"));
            await db.Database.CloseConnectionAsync();
        }

        static long Pragma(System.Data.Common.DbConnection connection, string name)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {name};";
            return (long)command.ExecuteScalar()!;
        }
    }

    [Fact]
    public async Task AWriterBlockedByAnother_WaitsAndThenCommits()
    {
        _ = factory.Server;
        using var scope = factory.Services.CreateScope();
        var first = scope.ServiceProvider.GetRequiredService<AwardsDbContext>();
        using var otherScope = factory.Services.CreateScope();
        var second = otherScope.ServiceProvider.GetRequiredService<AwardsDbContext>();

        await first.Database.OpenConnectionAsync();
        await using var holding = ((SqliteConnection)first.Database.GetDbConnection()).BeginTransaction(deferred: false);
        await first.Database.ExecuteSqlRawAsync("UPDATE Contests SET Name = Name");
        var release = Task.Run(async () =>
        {
            await Task.Delay(300);
            await holding.CommitAsync();
        });

        var waitsBefore = SqliteBusyWait.Waits;

        // Through the site's interceptor: the handler installed on open keeps retrying until the lock is free.
        await second.Database.OpenConnectionAsync();
        await using (var waiting = ((SqliteConnection)second.Database.GetDbConnection()).BeginTransaction(deferred: false))
        {
            await second.Database.ExecuteSqlRawAsync("UPDATE Contests SET Name = Name");
            await waiting.CommitAsync();
        }

        // The wait ended because the first writer committed, not because the second gave up.
        await release;
        Assert.True(release.IsCompletedSuccessfully);

        // And the handler did the waiting, not Microsoft.Data.Sqlite's 150 ms retry nor busy_timeout's second.
        Assert.True(SqliteBusyWait.Waits > waitsBefore);
    }
}
