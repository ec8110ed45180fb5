using System.Globalization;
using Awards.Web.Features.Dashboard;
using Awards.Web.Features.Judging;
using Awards.Web.Features.Reminders;
using Awards.Web.Features.Scoring;
using Awards.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Features.Reminders;

/// <summary>
/// The site reminds the judges who are behind by itself, 3 days and 1 day before their round
/// closes: once per lead time whatever how often it looks, never the judge who finished, never
/// after the round closes or in a round closed early; not again after a restart; a round moved
/// later gets only the lead times not reminded yet.
/// </summary>
public sealed class JudgeDeadlineRemindersTests(AutomaticRemindersFactory factory) : IClassFixture<AutomaticRemindersFactory>
{
    [Fact]
    public async Task JudgesBehind_AreRemindedThreeDaysAndOneDayBefore_OnceEach_AndTheRoundPageSaysWhenTheyWentAndWhenTheNextGoes()
    {
        // The other test of the class may have left the clock after the rounds closed.
        factory.Clock.Offset = TimeSpan.Zero;
        var round = await AssignedRoundAsync(factory, "help-story");
        var judges = factory.WithDb(db => db.Users.Where(u => Judged.Judges.Contains(u.Email!)).ToDictionary(u => u.Id, u => u.Email!));
        var work = factory.WithDb(db => db.Assignments.Where(a => a.RoundId == round).Select(a => new { a.JudgeUserId, Code = db.Entries.Where(e => e.Id == a.EntryId).Select(e => e.Code).First() }).ToList());
        var done = work[0].JudgeUserId;
        var criteria = factory.WithDb(db => db.RubricCriteria.Where(c => db.Tracks.Any(t => t.Id == c.TrackId && t.Code == "help-story")).Select(c => c.Id).ToList());
        foreach (var w in work.Where(w => w.JudgeUserId == done))
        {
            using var scope = factory.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<JudgeWork>().SaveAsync(done, round, w.Code, criteria.ToDictionary(c => c, _ => (decimal?)80m), null, submit: true, version: 0, default);
        }

        var behind = work.Select(w => w.JudgeUserId).Where(j => j != done).Distinct().Select(j => judges[j]).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(behind);

        // Two days before the round closes: the 3-day reminder, once however often the site looks.
        var closes = factory.WithDb(db => db.Rounds.Single(r => r.Id == round).ClosesAt);
        factory.Clock.Set(closes.AddDays(-2));
        var before = (await Mails.InAsync(factory)).Select(m => m.Id).ToHashSet();
        await RunAsync(factory);
        await RunAsync(factory);
        var sent = (await Mails.InAsync(factory)).Where(m => !before.Contains(m.Id)).ToList();
        Assert.Equal(behind, sent.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.All(sent, m => Assert.Contains($"/judge/rounds/{round}", m.Body, StringComparison.Ordinal));
        var key = round.ToString(CultureInfo.InvariantCulture);
        var row = Assert.Single(factory.WithDb(db => db.AuditLog.Where(a => a.Action == JudgeReminders.AutomaticAction && a.EntityKey == key).ToList()));
        Assert.Null(row.UserId);
        Assert.StartsWith("lead=72;", row.After, StringComparison.Ordinal);

        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var page = await organizer.GetStringAsync($"/organizer/judging/{round}");
        Assert.Contains("自动提醒（截止前 3 天）。", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"last-reminder\"", page, StringComparison.Ordinal);
        Assert.Contains("（评审截止前 1 天），发给届时尚未完成评分的评委。", page, StringComparison.Ordinal);
        Assert.Contains("评审截止前自动提醒评委", await organizer.GetStringAsync("/organizer/audit"), StringComparison.Ordinal);

        // A restart: a new service reads the audit log and sends nothing again.
        await ActivatorUtilities.CreateInstance<DeadlineReminders>(factory.Services).RunOnceAsync(default);
        Assert.Equal(sent.Count, (await Mails.InAsync(factory)).Count(m => !before.Contains(m.Id)));

        // The day before: the 1-day reminder, once; then nothing until the round closes, nor after.
        factory.Clock.Set(closes.AddHours(-23));
        await RunAsync(factory);
        await RunAsync(factory);
        Assert.Equal(2 * sent.Count, (await Mails.InAsync(factory)).Count(m => !before.Contains(m.Id)));
        Assert.Contains("截止前已没有待发的自动提醒。", await organizer.GetStringAsync($"/organizer/judging/{round}"), StringComparison.Ordinal);
        factory.Clock.Set(closes.AddHours(-1));
        await RunAsync(factory);
        factory.Clock.Set(closes.AddHours(1));
        await RunAsync(factory);
        Assert.Equal(2 * sent.Count, (await Mails.InAsync(factory)).Count(m => !before.Contains(m.Id)));
    }

    [Fact]
    public async Task ARoundMovedLater_GetsOnlyTheLeadTimesNotRemindedYet()
    {
        // The other test of the class may have left the clock after the rounds closed.
        factory.Clock.Offset = TimeSpan.Zero;
        var round = await AssignedRoundAsync(factory, "journey");
        var key = round.ToString(CultureInfo.InvariantCulture);
        var closes = factory.WithDb(db => db.Rounds.Single(r => r.Id == round).ClosesAt);
        factory.Clock.Set(closes.AddDays(-2));
        await RunAsync(factory);
        Assert.Single(factory.WithDb(db => db.AuditLog.Where(a => a.Action == JudgeReminders.AutomaticAction && a.EntityKey == key).ToList()));

        // Moved a week later: the 3-day reminder went already and does not go again; the 1-day one does.
        var moved = closes.AddDays(7);
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<JudgingSetup>().RescheduleAsync(round, moved, default);
        }

        factory.Clock.Set(moved.AddDays(-2));
        await RunAsync(factory);
        Assert.Single(factory.WithDb(db => db.AuditLog.Where(a => a.Action == JudgeReminders.AutomaticAction && a.EntityKey == key).ToList()));
        factory.Clock.Set(moved.AddHours(-20));
        await RunAsync(factory);
        Assert.Equal(["lead=72;", "lead=24;"], factory.WithDb(db => db.AuditLog.Where(a => a.Action == JudgeReminders.AutomaticAction && a.EntityKey == key).OrderBy(a => a.Id).Select(a => a.After!.Substring(0, 8)).ToList()));
    }

    internal static async Task RunAsync(AwardsFactory factory) =>
        await factory.Services.GetRequiredService<DeadlineReminders>().RunOnceAsync(default);

    /// <summary>The first round of the award or theme, with the demo judges on its panel and its entries assigned.</summary>
    internal static async Task<int> AssignedRoundAsync(AwardsFactory factory, string track)
    {
        var round = factory.WithDb(db => db.Rounds.Single(r => r.Sequence == 1 && db.Tracks.Any(t => t.Id == r.TrackId && t.Code == track)).Id);
        var judges = factory.WithDb(db => db.Users.Where(u => Judged.Judges.Contains(u.Email!)).Select(u => u.Id).ToList());
        using var scope = factory.Services.CreateScope();
        var setup = scope.ServiceProvider.GetRequiredService<JudgingSetup>();
        await setup.SetPanelAsync(round, judges, default);
        await setup.ApplyAsync(round, seed: 5, default);
        Assert.True(factory.WithDb(db => db.Assignments.Any(a => a.RoundId == round)), $"no entry of {track} to assign");
        return round;
    }
}

/// <summary>
/// The site reminds those with entries to submit by itself, 3 days and 1 day before submissions
/// close, once each; a reminder by hand shortly before postpones the automatic one by 12 hours
/// instead of dropping it; none after submissions close. The dashboard says when they went and
/// when the next goes.
/// </summary>
public sealed class EntrantDeadlineRemindersTests(AutomaticRemindersFactory factory) : IClassFixture<AutomaticRemindersFactory>
{
    [Fact]
    public async Task Entrants_AreRemindedOncePerLeadTime_AReminderByHandPostponesTheNext_AndNoneGoesAfterSubmissionsClose()
    {
        var closes = factory.WithDb(db => db.Contests.Single().Schedule.SubmissionClosesAt);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var start = (await Mails.InAsync(factory)).Select(m => m.Id).ToHashSet();

        // By hand, 75 hours before: the 3-day reminder then waits until 12 hours after it.
        factory.Clock.Set(closes.AddHours(-75));
        (await organizer.PostAsync("/organizer", "/organizer/remind-entrants")).Dispose();
        var people = (await Mails.InAsync(factory)).Where(m => !start.Contains(m.Id)).Select(m => m.To).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(people);
        factory.Clock.Set(closes.AddHours(-71));
        await JudgeDeadlineRemindersTests.RunAsync(factory);
        Assert.Equal(people.Count, (await Mails.InAsync(factory)).Count(m => !start.Contains(m.Id)));
        Assert.Contains("（报送截止前 3 天），发给届时仍有作品或推荐未提交的报送人。", await organizer.GetStringAsync("/organizer"), StringComparison.Ordinal);

        factory.Clock.Set(closes.AddHours(-62));
        await JudgeDeadlineRemindersTests.RunAsync(factory);
        await JudgeDeadlineRemindersTests.RunAsync(factory);
        var automatic = (await Mails.InAsync(factory)).Where(m => !start.Contains(m.Id)).ToList();
        Assert.Equal(2 * people.Count, automatic.Count);
        Assert.Equal(people.Concat(people).Order(StringComparer.Ordinal), automatic.Select(m => m.To).Order(StringComparer.Ordinal));
        var dashboard = await organizer.GetStringAsync("/organizer");
        Assert.Contains("自动提醒（截止前 3 天）。", dashboard, StringComparison.Ordinal);
        Assert.Contains("（报送截止前 1 天）", dashboard, StringComparison.Ordinal);

        // The organizer's button waits for the automatic one as for their own.
        (await organizer.PostAsync("/organizer", "/organizer/remind-entrants")).Dispose();
        Assert.Contains("提醒过报送人，请一天后再提醒。", await organizer.GetStringAsync("/organizer"), StringComparison.Ordinal);

        // The day before: the 1-day reminder, once; after submissions close, none.
        factory.Clock.Set(closes.AddHours(-23));
        await JudgeDeadlineRemindersTests.RunAsync(factory);
        await JudgeDeadlineRemindersTests.RunAsync(factory);
        Assert.Equal(3 * people.Count, (await Mails.InAsync(factory)).Count(m => !start.Contains(m.Id)));
        factory.Clock.Set(closes.AddHours(1));
        await JudgeDeadlineRemindersTests.RunAsync(factory);
        Assert.Equal(3 * people.Count, (await Mails.InAsync(factory)).Count(m => !start.Contains(m.Id)));
        Assert.Equal(2, factory.WithDb(db => db.AuditLog.Count(a => a.Action == EntrantReminders.AutomaticAction && a.UserId == null)));
    }
}

/// <summary>A round the organizer closed early gets no reminder, though its deadline is near and its judges are behind.</summary>
public sealed class ClosedRoundRemindersTests(AutomaticRemindersFactory factory) : IClassFixture<AutomaticRemindersFactory>
{
    [Fact]
    public async Task ARoundClosedEarly_GetsNoReminder()
    {
        var round = await JudgeDeadlineRemindersTests.AssignedRoundAsync(factory, "help-story");
        var closes = factory.WithDb(db => db.Rounds.Single(r => r.Id == round).ClosesAt);
        factory.Clock.Set(closes.AddDays(-2));
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<JudgingSetup>().CloseAsync(round, default);
        }

        var before = (await Mails.InAsync(factory)).Count;
        await JudgeDeadlineRemindersTests.RunAsync(factory);

        Assert.Equal(before, (await Mails.InAsync(factory)).Count);
        Assert.False(factory.WithDb(db => db.AuditLog.Any(a => a.Action == JudgeReminders.AutomaticAction)));
    }
}

/// <summary>Automatic reminders switched off (Awards:Reminders:Automatic = false): nothing goes by itself, and the pages say so.</summary>
public sealed class DeadlineRemindersOffTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task SwitchedOff_NoReminderGoesByItself_AndTheRoundPageSaysTheyAreOff()
    {
        var round = await JudgeDeadlineRemindersTests.AssignedRoundAsync(factory, "help-story");
        var closes = factory.WithDb(db => db.Rounds.Single(r => r.Id == round).ClosesAt);
        var before = (await Mails.InAsync(factory)).Count;

        factory.Clock.Set(closes.AddDays(-2));
        await JudgeDeadlineRemindersTests.RunAsync(factory);
        var submissionsClose = factory.WithDb(db => db.Contests.Single().Schedule.SubmissionClosesAt);
        factory.Clock.Set(submissionsClose.AddHours(-2));
        await JudgeDeadlineRemindersTests.RunAsync(factory);

        Assert.Equal(before, (await Mails.InAsync(factory)).Count);
        Assert.False(factory.WithDb(db => db.AuditLog.Any(a => a.Action == JudgeReminders.AutomaticAction || a.Action == EntrantReminders.AutomaticAction)));
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        Assert.Contains("自动提醒已关闭", await organizer.GetStringAsync($"/organizer/judging/{round}"), StringComparison.Ordinal);
    }
}
