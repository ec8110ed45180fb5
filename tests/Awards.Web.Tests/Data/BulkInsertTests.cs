using Awards.Core.Identity;
using Awards.Core.Results;
using Awards.Core.Scoring;
using Awards.Web.Data;
using Awards.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Data;

/// <summary>
/// Assignment, the shortlist and publishing write their rows with BulkInsert instead of EF's
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

        var stored = Strings(
            "SELECT quote(RoundId) || '|' || quote(JudgeUserId) || '|' || quote(AssignedAt) || '|' || quote(QueueKey) FROM Assignments " +
            $"WHERE RoundId = {roundId} AND JudgeUserId = {judgeId} AND EntryId IN ({entryIds[0]}, {entryIds[1]}) ORDER BY EntryId = {entryIds[0]} DESC");
        Assert.Equal(2, stored.Count);
        Assert.Equal(stored[1], stored[0]);

        var back = factory.WithDb(db => db.Assignments.AsNoTracking().Single(a => a.RoundId == roundId && a.JudgeUserId == judgeId && a.EntryId == entryIds[0]));
        Assert.Equal(at, back.AssignedAt);
        Assert.Equal(DateTimeKind.Utc, back.AssignedAt.Kind);
        Assert.True(back.Id > 0);
    }

    [Fact]
    public async Task ABulkInsertedPlacement_IsStoredAsEfStoresIt_DecimalsBooleansAndNulls()
    {
        _ = factory.Server;
        var (trackId, entryIds) = factory.WithDb(db =>
        {
            var track = db.Tracks.Where(t => !db.TrackResults.Any(r => r.TrackId == t.Id) && db.Entries.Count(e => e.TrackId == t.Id) >= 2).OrderBy(t => t.Id).First().Id;
            return (track, db.Entries.Where(e => e.TrackId == track).OrderBy(e => e.Id).Select(e => e.Id).Take(2).ToList());
        });
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AwardsDbContext>();
            var result = new TrackResult(trackId);
            db.TrackResults.Add(result);
            await db.SaveChangesAsync();
            await ImmediateTransaction.RunAsync(db, async ct =>
            {
                db.Placements.Add(new Placement(result.Id, entryIds[0], 1, 1, 87.35m, null, overridden: true));
                return await BulkInsert.RunAsync(db, [new Placement(result.Id, entryIds[1], 2, 1, 87.35m, null, overridden: true)], ct);
            });
        }

        var stored = Strings(
            "SELECT quote(TrackResultId) || '|' || quote(UnitId) || '|' || quote(Place) || '|' || quote(Score) || '|' || quote(LevelRank) || '|' || quote(Overridden) || '|' || length(VerifyCode) " +
            $"FROM Placements WHERE EntryId IN ({entryIds[0]}, {entryIds[1]}) ORDER BY Position");
        Assert.Equal(2, stored.Count);
        Assert.Equal(stored[0], stored[1]);
        var back = factory.WithDb(db => db.Placements.AsNoTracking().Single(p => p.EntryId == entryIds[1]));
        Assert.Equal(87.35m, back.Score);
        Assert.True(back.Overridden);
        Assert.Null(back.LevelRank);
    }

    [Fact]
    public async Task ADuplicatePair_IsRefusedAsEfRefusesIt_AndNothingOfTheBatchStays()
    {
        _ = factory.Server;
        var (roundId, judgeId, entryIds) = Free();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AwardsDbContext>();
        await ImmediateTransaction.RunAsync(db, ct => BulkInsert.RunAsync(db, [new JudgeAssignment(roundId, entryIds[0], judgeId, DateTime.UtcNow)], ct));

        // ImmediateTransaction retries a unique violation twice, then lets it through.
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => ImmediateTransaction.RunAsync(db, ct => BulkInsert.RunAsync(
            db,
            [new JudgeAssignment(roundId, entryIds[1], judgeId, DateTime.UtcNow), new JudgeAssignment(roundId, entryIds[0], judgeId, DateTime.UtcNow)],
            ct)));
        Assert.True(ImmediateTransaction.IsUniqueViolation(refused));
        Assert.False(factory.WithDb(d => d.Assignments.Any(a => a.RoundId == roundId && a.JudgeUserId == judgeId && a.EntryId == entryIds[1])));
        Assert.Equal(1, factory.WithDb(d => d.Assignments.Count(a => a.RoundId == roundId && a.JudgeUserId == judgeId && a.EntryId == entryIds[0])));
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

    private List<string> Strings(string sql) => factory.WithDb(db => SqlText.Column(db, sql));

    // A round, a judge and two entries of the round's track that the judge is not assigned yet
    // (each test takes some: the next judge serves when one has none left).
    private (int RoundId, int JudgeId, List<int> EntryIds) Free() => factory.WithDb(db =>
    {
        var round = db.Rounds.OrderByDescending(r => db.Entries.Count(e => e.TrackId == r.TrackId)).ThenBy(r => r.Id).First();
        var judges = db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Judge))).OrderBy(u => u.Id).Select(u => u.Id).ToList();
        foreach (var judge in judges)
        {
            var entries = db.Entries.Where(e => e.TrackId == round.TrackId && !db.Assignments.Any(a => a.RoundId == round.Id && a.JudgeUserId == judge && a.EntryId == e.Id))
                .OrderByDescending(e => e.Id).Select(e => e.Id).Take(2).ToList();
            if (entries.Count == 2)
            {
                return (round.Id, judge, entries);
            }
        }

        throw new InvalidOperationException("No judge has two entries left to assign.");
    });
}
