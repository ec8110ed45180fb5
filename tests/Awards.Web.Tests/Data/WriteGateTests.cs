using Awards.Web.Data;
using Awards.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Data;

/// <summary>Counts the process's busy waits, so it runs alone: another class's writers must not add to the count.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BusyWaitCounting
{
    public const string Name = "Busy-wait counting";
}

/// <summary>The site's own writers take turns in the process instead of polling SQLite's lock (WriteGate, ADR 0001).</summary>
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

        var writers = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AwardsDbContext>();
            // Each save is a transaction of some length, so that two of them overlap.
            db.AuditLog.AddRange(Enumerable.Range(0, 200).Select(n => new AuditEntry { At = DateTime.UtcNow, Action = "Test write", EntityType = "Test", EntityKey = $"{key}/{i}/{n}" }));
            start.Wait();
            await db.SaveChangesAsync();
        })).ToList();
        start.Set();
        await Task.WhenAll(writers);

        Assert.Equal(20 * 200, factory.WithDb(db => db.AuditLog.Count(a => a.EntityKey.StartsWith(key))));
        Assert.Equal(waitsBefore, SqliteBusyWait.Waits);
    }
}
