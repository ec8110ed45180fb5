using Awards.Core.Entries;
using Awards.Web.Features.Judging;
using Awards.Web.Features.Users;
using Awards.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Features.Judging;

/// <summary>
/// A conflict recorded and the judge stepping aside are one change: when handing the entries on
/// fails (a full disk, a locked database), nothing of it is kept, so the organizer's second try
/// does it all, instead of finding the conflict "already recorded" while the judge still holds the
/// entry, or an entry left with a judge short.
/// </summary>
public sealed class StepAsideFailureTests(HookedSite factory) : IClassFixture<HookedSite>
{
    // The new judge's mail is the last thing handing an entry on writes.
    private static readonly Func<string, bool> MailToNewJudge = sql => sql.Contains("INSERT INTO \"MailOutbox\"", StringComparison.Ordinal);

    [Fact]
    public async Task AConflictOnOneEntry_WhoseHandingOnFails_IsNotRecorded_AndRecordingItAgainHandsTheEntryOn()
    {
        var (round, code) = await AssignedEntryAsync("innovation");
        var judge = JudgesOf(round, code).Order().First();
        var organizer = factory.WithDb(db => db.Users.Single(u => u.Email == "organizer@demo.example").Id);
        Task<SteppedAside?> RecordAsync() => InScopeAsync(s => s.GetRequiredService<ConflictRecords>().RecordEntryAsync(judge, code, "评委与被推荐人系同村亲属", organizer, default));

        factory.Hook.FailOnce(MailToNewJudge);
        await Assert.ThrowsAsync<DbUpdateException>(RecordAsync);
        Assert.False(factory.WithDb(db => db.Conflicts.Any(c => c.JudgeUserId == judge)));
        Assert.Contains(judge, JudgesOf(round, code));
        Assert.Equal(0, factory.WithDb(db => db.AuditLog.Count(a => a.Action == "Conflict recorded" || a.Action == "Judge stepped aside (recorded conflict)")));

        var done = await RecordAsync();
        Assert.Equal(1, done?.HandedOn);
        Assert.DoesNotContain(judge, JudgesOf(round, code));
        Assert.Equal(3, JudgesOf(round, code).Count);
        Assert.Equal(1, factory.WithDb(db => db.Conflicts.Count(c => c.JudgeUserId == judge)));
    }

    [Fact]
    public async Task AJudgeMovedIntoAnEntrysUnit_WhenHandingItOnFails_KeepsTheirUnit_AndTheEntryItsJudges_UntilTheOrganizerTriesAgain()
    {
        var (round, code) = await AssignedEntryAsync("dedication");
        var judge = JudgesOf(round, code).Order().First();
        var unit = factory.WithDb(db => db.Entries.Single(e => e.Code == code).UnitId);
        var formerUnit = factory.WithDb(db => db.Users.Single(u => u.Id == judge).UnitId);
        Task<UnitCorrection> MoveAsync() => InScopeAsync(async s =>
        {
            var user = await s.GetRequiredService<Awards.Web.Data.AwardsDbContext>().Users.SingleAsync(u => u.Id == judge);
            return await s.GetRequiredService<UnitCorrections>().ChangeAsync(user, Awards.Core.Identity.Roles.Judge, unit, "评委调入该县", default);
        });

        factory.Hook.FailOnce(MailToNewJudge);
        await Assert.ThrowsAsync<DbUpdateException>(MoveAsync);
        Assert.Equal(formerUnit, factory.WithDb(db => db.Users.Single(u => u.Id == judge).UnitId));
        Assert.Contains(judge, JudgesOf(round, code));
        Assert.Equal(3, JudgesOf(round, code).Count);

        var moved = await MoveAsync();
        Assert.True(moved.AssignmentsHandedOn >= 1);
        Assert.Equal(unit, factory.WithDb(db => db.Users.Single(u => u.Id == judge).UnitId));
        Assert.DoesNotContain(judge, JudgesOf(round, code));
        Assert.Equal(3, JudgesOf(round, code).Count);
    }

    [Fact]
    public async Task AUnitCorrection_RetriedAfterAUniqueIndexRefusedItsFirstTry_StillChangesTheUnit()
    {
        var judge = factory.WithDb(db => db.Users.Single(u => u.Email == "judge.lin@demo.example"));
        var unit = factory.WithDb(db => db.Units.First(u => u.Id != judge.UnitId && u.Kind != Awards.Core.Units.UnitKind.City).Id);

        // The first try's save of the account is refused as a unique index would refuse it;
        // ImmediateTransaction then tries again with a cleared change tracker.
        factory.Hook.FailOnce(sql => sql.Contains("UPDATE \"AspNetUsers\"", StringComparison.Ordinal), sqliteErrorCode: 19);
        var moved = await InScopeAsync(async s =>
        {
            var user = await s.GetRequiredService<Awards.Web.Data.AwardsDbContext>().Users.SingleAsync(u => u.Id == judge.Id);
            return await s.GetRequiredService<UnitCorrections>().ChangeAsync(user, Awards.Core.Identity.Roles.Judge, unit, "评委调往新单位", default);
        });

        Assert.Equal(unit, factory.WithDb(db => db.Users.Single(u => u.Id == judge.Id).UnitId));
        var row = factory.WithDb(db => db.AuditLog.Single(a => a.Action == "Unit corrected" && a.After!.Contains("评委调往新单位")));
        Assert.Equal(judge.UnitId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, row.Before);
    }

    /// <summary>An entry of the award accepted for judging, and the award's first round with the demo judges assigned.</summary>
    private async Task<(int Round, string Code)> AssignedEntryAsync(string track)
    {
        var code = factory.WithDb(db =>
        {
            var entry = db.Entries.First(e => db.Tracks.Any(t => t.Id == e.TrackId && t.Code == track) && e.Status == EntryStatus.Submitted);
            entry.Accept(DateTime.UtcNow);
            db.SaveChanges();
            return entry.Code;
        });
        var round = factory.WithDb(db => db.Rounds.Single(r => r.Sequence == 1 && db.Tracks.Any(t => t.Id == r.TrackId && t.Code == track)).Id);
        var judgeIds = factory.WithDb(db => db.Users.Where(u => Judged.Judges.Contains(u.Email!)).Select(u => u.Id).ToList());
        await InScopeAsync(async s =>
        {
            var setup = s.GetRequiredService<JudgingSetup>();
            await setup.SetPanelAsync(round, judgeIds, default);
            await setup.ApplyAsync(round, seed: 5, default);
            return 0;
        });
        Assert.Equal(3, JudgesOf(round, code).Count);
        return (round, code);
    }

    private List<int> JudgesOf(int round, string code) =>
        factory.WithDb(db => db.Assignments.Where(a => a.RoundId == round && db.Entries.Any(e => e.Id == a.EntryId && e.Code == code)).Select(a => a.JudgeUserId).ToList());

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = factory.Services.CreateScope();
        return await action(scope.ServiceProvider);
    }
}
