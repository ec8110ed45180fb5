using Awards.Core.Identity;
using Awards.Core.Scoring;
using Awards.Web.Data;
using Awards.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Data;

/// <summary>
/// Assignment and the shortlist write their judge-entry pairs with BulkInsert instead of EF's
/// one-command-per-row save. A row written that way must be stored exactly as EF stores it, every
/// column, and read back the same.
/// </summary>
public sealed class BulkInsertTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task ABulkInsertedAssignment_IsStoredAsEfStoresIt_EveryColumn()
    {
        _ = factory.Server;
        var (roundId, judgeId, entryIds) = Free();
        var at = new DateTime(2026, 12, 3, 9, 30, 15, 123, DateTimeKind.Utc).AddTicks(4567);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AwardsDbContext>();
            var bulk = new JudgeAssignment(roundId, entryIds[0], judgeId, at);
            var tracked = new JudgeAssignment(roundId, entryIds[1], judgeId, at);
            var written = await ImmediateTransaction.RunAsync(db, async ct =>
            {
                db.Assignments.Add(tracked);
                db.Entry(tracked).Property(a => a.QueueKey).CurrentValue = bulk.QueueKey;
                return await BulkInsert.RunAsync(db, [bulk], ct);
            });
            Assert.Equal(1, written);
        }

        var stored = factory.WithDb(db =>
        {
            db.Database.OpenConnection();
            using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT quote(RoundId) || '|' || quote(JudgeUserId) || '|' || quote(AssignedAt) || '|' || quote(QueueKey) FROM Assignments " +
                $"WHERE RoundId = {roundId} AND JudgeUserId = {judgeId} AND EntryId IN ({entryIds[0]}, {entryIds[1]}) ORDER BY EntryId = {entryIds[0]} DESC";
            using var reader = command.ExecuteReader();
            var values = new List<string>();
            while (reader.Read())
            {
                values.Add(reader.GetString(0));
            }

            return values;
        });
        Assert.Equal(2, stored.Count);
        Assert.Equal(stored[1], stored[0]);

        var back = factory.WithDb(db => db.Assignments.AsNoTracking().Single(a => a.RoundId == roundId && a.JudgeUserId == judgeId && a.EntryId == entryIds[0]));
        Assert.Equal(at, back.AssignedAt);
        Assert.Equal(DateTimeKind.Utc, back.AssignedAt.Kind);
        Assert.True(back.Id > 0);
    }

    [Fact]
    public async Task OutsideATransaction_ItRefuses_AndWritesNothing()
    {
        _ = factory.Server;
        var (roundId, judgeId, entryIds) = Free();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AwardsDbContext>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => BulkInsert.RunAsync(db, [new JudgeAssignment(roundId, entryIds[0], judgeId, DateTime.UtcNow)], default));
        Assert.False(factory.WithDb(d => d.Assignments.Any(a => a.RoundId == roundId && a.JudgeUserId == judgeId && a.EntryId == entryIds[0])));
    }

    // A round, a judge and two entries of the round's track that the judge is not assigned yet.
    private (int RoundId, int JudgeId, List<int> EntryIds) Free() => factory.WithDb(db =>
    {
        var round = db.Rounds.OrderByDescending(r => db.Entries.Count(e => e.TrackId == r.TrackId)).ThenBy(r => r.Id).First();
        var judge = db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Judge))).OrderBy(u => u.Id).Select(u => u.Id).First();
        var entries = db.Entries.Where(e => e.TrackId == round.TrackId && !db.Assignments.Any(a => a.RoundId == round.Id && a.JudgeUserId == judge && a.EntryId == e.Id))
            .OrderByDescending(e => e.Id).Select(e => e.Id).Take(2).ToList();
        Assert.Equal(2, entries.Count);
        return (round.Id, judge, entries);
    });
}
