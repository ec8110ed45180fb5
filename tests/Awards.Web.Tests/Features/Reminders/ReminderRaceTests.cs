using System.Globalization;
using Awards.Web.Features.Dashboard;
using Awards.Web.Features.Judging;
using Awards.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Features.Reminders;

/// <summary>
/// The organizer's reminder button and the site's automatic reminder at the same moment (ADR 0022):
/// one of them reminds the late judges (or the entrants with entries not submitted), the other finds
/// that they were just reminded, so nobody gets the same reminder twice.
/// </summary>
public sealed class ReminderRaceTests(HookedRemindersSite factory) : IClassFixture<HookedRemindersSite>
{
    [Fact]
    public async Task AnAutomaticReminderDuringAClick_WaitsForIt_AndEachLateJudgeIsMailedOnce()
    {
        var round = await JudgeDeadlineRemindersTests.AssignedRoundAsync(factory, "help-story");
        var behind = factory.WithDb(db => db.Assignments.Where(a => a.RoundId == round).Select(a => a.JudgeUserId).Distinct().Count());
        var closes = factory.WithDb(db => db.Rounds.Single(r => r.Id == round).ClosesAt);
        factory.Clock.Set(closes.AddDays(-2));
        var mailsBefore = factory.WithDb(db => db.MailOutbox.Count());

        // The organizer's click has read when the judges were last reminded (never) when the site's automatic pass comes.
        int? automatic = null;
        var pass = factory.Hook.After(
            sql => sql.Contains("FROM \"AuditLog\"", StringComparison.Ordinal) && sql.Contains("DESC", StringComparison.Ordinal),
            async () =>
            {
                using var scope = factory.Services.CreateScope();
                automatic = await scope.ServiceProvider.GetRequiredService<JudgeReminders>().RemindBeforeDeadlineAsync(round, default);
            });
        using (var scope = factory.Services.CreateScope())
        {
            Assert.Equal(behind, await scope.ServiceProvider.GetRequiredService<JudgeReminders>().RemindAsync(round, default));
        }

        // The click reminded them; the pass found that and waits (ADR 0022), so each late judge has one mail.
        await pass;
        var key = round.ToString(CultureInfo.InvariantCulture);
        Assert.Equal([JudgeReminders.Action], factory.WithDb(db => db.AuditLog.Where(a => a.EntityKey == key && (a.Action == JudgeReminders.Action || a.Action == JudgeReminders.AutomaticAction)).Select(a => a.Action).ToList()));
        Assert.Equal(behind, factory.WithDb(db => db.MailOutbox.Count()) - mailsBefore);
        Assert.Equal(0, automatic);
    }

    [Fact]
    public async Task AnAutomaticReminderDuringAClickToRemindEntrants_WaitsForIt_AndEachEntrantIsMailedOnce()
    {
        var contest = factory.WithDb(db => db.Contests.Single());
        factory.Clock.Set(contest.Schedule.SubmissionClosesAt.AddHours(-62));
        var mailsBefore = factory.WithDb(db => db.MailOutbox.Count());

        int? automatic = null;
        var pass = factory.Hook.After(
            sql => sql.Contains("FROM \"AuditLog\"", StringComparison.Ordinal) && sql.Contains("DESC", StringComparison.Ordinal),
            async () =>
            {
                using var scope = factory.Services.CreateScope();
                automatic = await scope.ServiceProvider.GetRequiredService<EntrantReminders>().RemindBeforeDeadlineAsync(default);
            });
        int people;
        using (var scope = factory.Services.CreateScope())
        {
            people = await scope.ServiceProvider.GetRequiredService<EntrantReminders>().RemindAsync(default);
        }

        await pass;
        Assert.True(people > 0);
        var key = contest.Id.ToString(CultureInfo.InvariantCulture);
        Assert.Equal([EntrantReminders.Action], factory.WithDb(db => db.AuditLog.Where(a => a.EntityKey == key && (a.Action == EntrantReminders.Action || a.Action == EntrantReminders.AutomaticAction)).Select(a => a.Action).ToList()));
        Assert.Equal(people, factory.WithDb(db => db.MailOutbox.Count()) - mailsBefore);
        Assert.Equal(0, automatic);
    }
}
