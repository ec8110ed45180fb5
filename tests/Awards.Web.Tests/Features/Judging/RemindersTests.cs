using System.Text.RegularExpressions;
using Awards.Web.Features.Judging;
using Awards.Web.Features.Scoring;
using Awards.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Features.Judging;

/// <summary>The organizer reminds the judges of an open round who have not finished: by mail, once an hour at most, never after the round closes.</summary>
public sealed class RemindersTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task TheJudgesWhoAreBehind_GetAMailWithTheirCountAndTheirQueue_TheOneWhoFinishedDoesNot_AndASecondClickWaitsAnHour()
    {
        var round = factory.WithDb(db => db.Rounds.Single(r => r.Sequence == 1 && db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "help-story")).Id);
        var judges = factory.WithDb(db => db.Users.Where(u => Judged.Judges.Contains(u.Email!)).ToDictionary(u => u.Id, u => u.Email!));
        using (var scope = factory.Services.CreateScope())
        {
            var setup = scope.ServiceProvider.GetRequiredService<JudgingSetup>();
            await setup.SetPanelAsync(round, [.. judges.Keys], default);
            await setup.ApplyAsync(round, seed: 5, default);
        }

        // One judge submits all their entries but one, which the organizer then disqualifies: that
        // judge has finished their queue and is not reminded; the entry leaves the others' counts too.
        var work = factory.WithDb(db => db.Assignments.Where(a => a.RoundId == round).Select(a => new { a.JudgeUserId, Code = db.Entries.Where(e => e.Id == a.EntryId).Select(e => e.Code).First() }).ToList());
        var done = work[0].JudgeUserId;
        var gone = work.Last(w => w.JudgeUserId == done).Code;
        var criteria = factory.WithDb(db => db.RubricCriteria.Where(c => db.Tracks.Any(t => t.Id == c.TrackId && t.Code == "help-story")).Select(c => c.Id).ToList());
        foreach (var w in work.Where(w => w.JudgeUserId == done && w.Code != gone))
        {
            using var scope = factory.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<JudgeWork>().SaveAsync(done, round, w.Code, criteria.ToDictionary(c => c, _ => (decimal?)80m), null, submit: true, version: 0, default);
        }

        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        (await organizer.SubmitAsync($"/organizer/essays/{gone}", $"/organizer/essays/{gone}/disqualify", new Dictionary<string, string> { ["reason"] = "与已发表文章雷同。" })).Dispose();
        var behind = work.Where(w => w.JudgeUserId != done && w.Code != gone).GroupBy(w => w.JudgeUserId).ToDictionary(g => judges[g.Key], g => g.Count());
        var page = $"/organizer/judging/{round}";
        var finished = work.Count(w => w.JudgeUserId == done) - 1;
        Assert.Contains($"{finished} / {finished}</td>", await organizer.GetStringAsync(page), StringComparison.Ordinal);
        Assert.Contains($"提醒尚未完成的 {behind.Count} 位评委", await organizer.GetStringAsync(page), StringComparison.Ordinal);

        var before = (await Mails.InAsync(factory)).Select(m => m.Id).ToHashSet();
        (await organizer.PostAsync(page, $"{page}/remind")).Dispose();
        var shown = await organizer.GetStringAsync(page);
        Assert.Contains($"已向 {behind.Count} 位评委发送提醒邮件，", shown, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"last-reminder\"", shown, StringComparison.Ordinal);
        var sent = (await Mails.InAsync(factory)).Where(m => !before.Contains(m.Id)).ToList();
        Assert.Equal(behind.Keys.Order(StringComparer.Ordinal), sent.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.All(sent, m =>
        {
            Assert.StartsWith("提醒：", m.Subject, StringComparison.Ordinal);
            Assert.Contains($"已提交 0 件（共 {behind[m.To]} 件）", m.Body, StringComparison.Ordinal);
            Assert.Contains($"/judge/rounds/{round}", m.Body, StringComparison.Ordinal);
        });

        // A second click: refused with when the last one went, no mail.
        (await organizer.PostAsync(page, $"{page}/remind")).Dispose();
        Assert.Matches(new Regex("已于 .+ 提醒过评委，请一小时后再提醒。"), await organizer.GetStringAsync(page));
        Assert.Equal(sent.Count, (await Mails.InAsync(factory)).Count(m => !before.Contains(m.Id)));

        // An hour later it goes again; after the round closes, never.
        factory.Clock.Offset += TimeSpan.FromMinutes(61);
        (await organizer.PostAsync(page, $"{page}/remind")).Dispose();
        Assert.Equal(2 * sent.Count, (await Mails.InAsync(factory)).Count(m => !before.Contains(m.Id)));
        var closes = factory.WithDb(db => db.Rounds.Single(r => r.Id == round).ClosesAt);
        factory.Clock.Set(closes.AddHours(2));
        (await organizer.PostAsync(page, $"{page}/remind")).Dispose();
        Assert.Contains("本轮评审已结束，无需再提醒评委。", await organizer.GetStringAsync(page), StringComparison.Ordinal);
        Assert.Equal(2 * sent.Count, (await Mails.InAsync(factory)).Count(m => !before.Contains(m.Id)));
        using (var unknown = await organizer.PostAsync(page, "/organizer/judging/999999/remind"))
        {
            Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
        }

        var key = round.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2, factory.WithDb(db => db.AuditLog.Count(a => a.Action == JudgeReminders.Action && a.EntityKey == key)));
    }
}
