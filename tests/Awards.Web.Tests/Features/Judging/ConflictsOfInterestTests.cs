using System.Globalization;
using System.Net;
using Awards.Core.Common;
using Awards.Core.Entries;
using Awards.Core.Scoring;
using Awards.Web.Features.Judging;
using Awards.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Features.Judging;

/// <summary>
/// Conflicts of interest beyond a judge's own unit (ADR 0016): designated help pairs a helping unit
/// with its counties, a nominated organisation's judges never get its nomination, and the organizer
/// records units or single entries against a judge. Each takes effect at once in open rounds.
/// </summary>
public sealed class ConflictsOfInterestTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private const string Organizer = "organizer@demo.example";
    private const string Qian = "judge.qian@demo.example"; // of the agriculture bureau, a helping unit
    private const string Zheng = "judge.zheng@demo.example"; // an outside expert, no unit

    [Fact]
    public async Task DesignatedHelp_TakesTheHelpingUnitsJudgeOffTheCountysEntries_ScoresIncluded()
    {
        var essays = await EssaysAsync("help-story", "shimen", "conflict.help", 3);
        var round = await AssignedRoundAsync("help-story");
        var qian = IdOf(Qian);
        await InScopeAsync(async s =>
        {
            foreach (var code in essays)
            {
                await s.GetRequiredService<JudgingSetup>().AssignAsync(round, code, qian, default);
            }
        });
        ScoreAs(round, essays[0], qian, 77);
        var shimen = UnitId("shimen");

        var organizer = await Nominating.SignedInAsync(factory, Organizer);
        using var saved = await PostAsync(organizer, "/organizer/units/agri", "/organizer/units/agri/helps", ("helped", shimen.ToString(CultureInfo.InvariantCulture)), ("was", ""));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([shimen], factory.WithDb(db => db.Units.Single(u => u.Code == "agri").HelpedUnitIds));
        foreach (var code in essays)
        {
            var judges = JudgesOf(round, code);
            Assert.DoesNotContain(qian, judges);
            Assert.Equal(3, judges.Count);
        }

        Assert.False(factory.WithDb(db => db.Scores.Any(s => db.Assignments.Any(a => a.Id == s.AssignmentId && a.JudgeUserId == qian && db.Entries.Any(e => e.Id == a.EntryId && e.Code == essays[0])))));
        var page = await organizer.GetStringAsync("/organizer/units/agri");
        Assert.Contains("1 份已提交的评分不再计入", page, StringComparison.Ordinal);
        Assert.Contains("结对帮扶单位：市农业农村局", await organizer.GetStringAsync("/organizer/units/shimen"), StringComparison.Ordinal);
        var stepped = factory.WithDb(db => db.AuditLog.Single(a => a.Action == "Judges stepped aside (designated help)"));
        Assert.Contains($"{essays[0]} (77)", stepped.Before, StringComparison.Ordinal);
        Assert.Equal(("", shimen.ToString(CultureInfo.InvariantCulture)), factory.WithDb(db => db.AuditLog.Where(a => a.Action == "Designated help changed").Select(a => new { a.Before, a.After }).AsEnumerable().Select(a => (a.Before, a.After)).Single()));

        // Assigning again, whatever the seed, and by hand, never gives the helping unit's judge the county's essays.
        await InScopeAsync(s => s.GetRequiredService<JudgingSetup>().ApplyAsync(round, seed: 99, default));
        Assert.All(essays, code => Assert.DoesNotContain(qian, JudgesOf(round, code)));
        await InScopeAsync(async s => await Assert.ThrowsAsync<DomainException>(() => s.GetRequiredService<JudgingSetup>().AssignAsync(round, essays[1], qian, default)));

        // The conflicts page shows the pair and the judge's paired unit.
        var conflicts = await organizer.GetStringAsync("/organizer/judging/conflicts");
        Assert.Contains("市农业农村局</a> → 石门市", conflicts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANominatedOrganisationsJudge_IsNeverGivenItsNomination()
    {
        var agri = UnitId("agri");
        var code = factory.WithDb(db =>
        {
            var entry = db.Entries.Single(e => db.Tracks.Any(t => t.Id == e.TrackId && t.Code == "org-innovation") && e.Status == EntryStatus.Submitted);
            entry.Accept(DateTime.UtcNow);
            db.SaveChanges();
            // Liuxi county nominates the agriculture bureau that helps it.
            db.Database.ExecuteSqlRaw("UPDATE Entries SET NomineeUnitId = {0} WHERE Id = {1}", agri, entry.Id);
            return entry.Code;
        });

        var round = await AssignedRoundAsync("org-innovation");

        var judges = JudgesOf(round, code);
        Assert.DoesNotContain(IdOf(Qian), judges);
        Assert.Equal(4, judges.Count);
        var refused = await InScopeAsync(s => Assert.ThrowsAsync<DomainException>(() => s.GetRequiredService<JudgingSetup>().AssignAsync(round, code, IdOf(Qian), default)));
        Assert.Equal(JudgingMessages.Conflicted, refused.Message);
    }

    [Fact]
    public async Task UnitsRecordedAgainstAJudge_TakeThemOffThoseEntries_AndBadInputChangesNothing()
    {
        var essays = await EssaysAsync("journey", "yunling", "conflict.record", 2);
        var round = await AssignedRoundAsync("journey");
        var zheng = IdOf(Zheng);
        await InScopeAsync(async s =>
        {
            foreach (var code in essays)
            {
                await s.GetRequiredService<JudgingSetup>().AssignAsync(round, code, zheng, default);
            }
        });
        var yunling = UnitId("yunling").ToString(CultureInfo.InvariantCulture);
        var organizer = await Nominating.SignedInAsync(factory, Organizer);
        var page = $"/organizer/judging/conflicts/judges/{zheng}";

        // No reason, the city itself, a page opened before someone else's change: refused, nothing changes.
        using (var noReason = await PostAsync(organizer, page, page, ("units", yunling), ("was", ""), ("reason", " ")))
        {
            Assert.Equal(HttpStatusCode.Redirect, noReason.StatusCode);
            Assert.Contains("请填写更改的理由。", await organizer.GetStringAsync(page), StringComparison.Ordinal);
        }

        using (await PostAsync(organizer, page, page, ("units", UnitId("qinghe").ToString(CultureInfo.InvariantCulture)), ("was", ""), ("reason", "市级"))) { }
        using (await PostAsync(organizer, page, page, ("units", yunling), ("was", "1"), ("reason", "旧页面"))) { }
        Assert.Empty(factory.WithDb(db => db.Users.Single(u => u.Id == zheng).ConflictUnitIds));
        Assert.All(essays, code => Assert.Contains(zheng, JudgesOf(round, code)));
        using (var notAJudge = await PostAsync(organizer, page, $"/organizer/judging/conflicts/judges/{IdOf(Organizer)}", ("units", yunling), ("was", ""), ("reason", "x")))
        {
            Assert.Equal(HttpStatusCode.NotFound, notAJudge.StatusCode);
        }

        using var saved = await PostAsync(organizer, page, page, ("units", yunling), ("was", ""), ("reason", "曾在云岭县挂职三年"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([UnitId("yunling")], factory.WithDb(db => db.Users.Single(u => u.Id == zheng).ConflictUnitIds));
        Assert.All(essays, code => Assert.DoesNotContain(zheng, JudgesOf(round, code)));
        Assert.All(essays, code => Assert.Equal(3, JudgesOf(round, code).Count));
        var row = factory.WithDb(db => db.AuditLog.Single(a => a.Action == "Judge's conflict units recorded"));
        Assert.Equal($"{yunling}; 曾在云岭县挂职三年", row.After);
        Assert.Contains("云岭县", await organizer.GetStringAsync("/organizer/judging/conflicts"), StringComparison.Ordinal);

        // The same form again changes nothing.
        using (await PostAsync(organizer, page, page, ("units", yunling), ("was", ""), ("reason", "再次提交"))) { }
        Assert.Equal(1, factory.WithDb(db => db.AuditLog.Count(a => a.Action == "Judge's conflict units recorded")));
    }

    [Fact]
    public async Task AConflictOnOneEntry_RecordedByTheOrganizer_HandsItOn_OnceAndRemovably()
    {
        var code = factory.WithDb(db =>
        {
            var entry = db.Entries.Single(e => db.Tracks.Any(t => t.Id == e.TrackId && t.Code == "innovation") && e.Status == EntryStatus.Submitted);
            entry.Accept(DateTime.UtcNow);
            db.SaveChanges();
            return entry.Code;
        });
        var round = await AssignedRoundAsync("innovation");
        var judge = JudgesOf(round, code).Order().First();
        var organizer = await Nominating.SignedInAsync(factory, Organizer);
        const string page = "/organizer/judging/conflicts";
        var fields = new[] { ("judge", judge.ToString(CultureInfo.InvariantCulture)), ("code", code.ToLowerInvariant()), ("reason", "评委与被推荐人系同村亲属") };

        using (var recorded = await PostAsync(organizer, page, "/organizer/judging/conflicts/entries", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        }

        Assert.DoesNotContain(judge, JudgesOf(round, code));
        Assert.Equal(3, JudgesOf(round, code).Count);
        var conflict = factory.WithDb(db => db.Conflicts.Single(c => c.JudgeUserId == judge && db.Entries.Any(e => e.Id == c.EntryId && e.Code == code)));
        Assert.Equal((IdOf(Organizer), "评委与被推荐人系同村亲属"), (conflict.RecordedByUserId, conflict.Reason));
        var shown = await organizer.GetStringAsync(page);
        Assert.Contains("评委与被推荐人系同村亲属", shown, StringComparison.Ordinal);

        // A second click, an unknown code: nothing changes.
        using (await PostAsync(organizer, page, "/organizer/judging/conflicts/entries", fields)) { }
        Assert.Contains("没有任何改动。", await organizer.GetStringAsync(page), StringComparison.Ordinal);
        using (await PostAsync(organizer, page, "/organizer/judging/conflicts/entries", ("judge", judge.ToString(CultureInfo.InvariantCulture)), ("code", "NOPE-0000"), ("reason", "x"))) { }
        Assert.Contains("没有编号为 NOPE-0000 的已提交项目", await organizer.GetStringAsync(page), StringComparison.Ordinal);
        Assert.Equal(1, factory.WithDb(db => db.Conflicts.Count(c => c.JudgeUserId == judge)));

        // A judge's own declaration stays; the organizer's record can be removed.
        var declared = factory.WithDb(db =>
        {
            var other = db.Entries.First(e => e.Code != code && e.Status != EntryStatus.Draft);
            var c = new Conflict(other.Id, judge, DateTime.UtcNow);
            db.Conflicts.Add(c);
            db.SaveChanges();
            return c.Id;
        });
        using (await PostAsync(organizer, page, $"/organizer/judging/conflicts/entries/{declared}/remove")) { }
        Assert.True(factory.WithDb(db => db.Conflicts.Any(c => c.Id == declared)));
        using (await PostAsync(organizer, page, $"/organizer/judging/conflicts/entries/{conflict.Id}/remove")) { }
        Assert.False(factory.WithDb(db => db.Conflicts.Any(c => c.Id == conflict.Id)));
    }

    [Fact]
    public async Task AJudgeOffThePanel_MovedIntoTheEntrysUnit_LosesTheScoreTheyKept()
    {
        var code = factory.WithDb(db =>
        {
            var entry = db.Entries.Single(e => db.Tracks.Any(t => t.Id == e.TrackId && t.Code == "dedication") && e.Status == EntryStatus.Submitted);
            entry.Accept(DateTime.UtcNow);
            db.SaveChanges();
            return entry.Code;
        });
        var round = await AssignedRoundAsync("dedication");
        var judge = JudgesOf(round, code).Order().First();
        ScoreAs(round, code, judge, 66);
        var rest = factory.WithDb(db => db.Users.Where(u => Judged.Judges.Contains(u.Email!) && u.Id != judge).Select(u => u.Id).ToList());
        await InScopeAsync(async s =>
        {
            var setup = s.GetRequiredService<JudgingSetup>();
            await setup.SetPanelAsync(round, rest, default);
            await setup.ApplyAsync(round, seed: 7, default);
        });
        Assert.Contains(judge, JudgesOf(round, code)); // off the panel, the score given is kept

        var unit = factory.WithDb(db => db.Entries.Single(e => e.Code == code).UnitId);
        var organizer = await Nominating.SignedInAsync(factory, Organizer);
        using var moved = await organizer.SubmitAsync($"/organizer/users/{judge}/unit", $"/organizer/users/{judge}/unit", new Dictionary<string, string> { ["Form.UnitId"] = unit.ToString(CultureInfo.InvariantCulture), ["Form.Reason"] = "评委调入该县" });

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.DoesNotContain(judge, JudgesOf(round, code));
        Assert.Equal(3, JudgesOf(round, code).Count);
        Assert.Contains(factory.WithDb(db => db.AuditLog.Where(a => a.Action == "Judge moved off own unit's entries").Select(a => a.Before).ToList()), before => before!.Contains($"{code} (66)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DesignatedHelp_BadInput_IsRefused_AndChangesNothing()
    {
        var organizer = await Nominating.SignedInAsync(factory, Organizer);
        var hedong = UnitId("hedong").ToString(CultureInfo.InvariantCulture);
        var yunling = UnitId("yunling").ToString(CultureInfo.InvariantCulture);
        var before = factory.WithDb(db => db.Units.Single(u => u.Code == "finance").HelpedUnitIds.ToList());

        // A county cannot help; a municipal unit is not a county; a page opened before another change is stale.
        using (var county = await PostAsync(organizer, "/organizer/units/shimen", "/organizer/units/shimen/helps", ("helped", hedong), ("was", "")))
        {
            Assert.Contains("只有帮扶单位或市直单位才能设定结对帮扶", await county.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var notCounty = await PostAsync(organizer, "/organizer/units/finance", "/organizer/units/finance/helps", ("helped", UnitId("education").ToString(CultureInfo.InvariantCulture)), ("was", yunling)))
        {
            Assert.Contains("请从列表中选择县（市、区）", await notCounty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var stale = await PostAsync(organizer, "/organizer/units/finance", "/organizer/units/finance/helps", ("helped", yunling), ("helped", hedong), ("was", "")))
        {
            Assert.Contains("其他人已修改该单位结对帮扶", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var unknown = await PostAsync(organizer, "/organizer/units/finance", "/organizer/units/nowhere/helps", ("helped", hedong), ("was", "")))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        Assert.Equal(before, factory.WithDb(db => db.Units.Single(u => u.Code == "finance").HelpedUnitIds.ToList()));
        Assert.Empty(factory.WithDb(db => db.Units.Single(u => u.Code == "shimen").HelpedUnitIds));
    }

    /// <summary>Submitted essays of new authors of the unit.</summary>
    private async Task<List<string>> EssaysAsync(string theme, string unit, string prefix, int count)
    {
        var codes = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var author = await Writing.NewAuthorAsync(factory, $"{prefix}.{i}@example.org", unit, $"作者{prefix[^4..]}{i}", $"1390000{i:D4}");
            var code = await Writing.CreateDraftAsync(author, theme, Writing.Essay($"我的故事{i}"));
            using var submitted = await Writing.SubmitAsync(author, code);
            codes.Add(code);
        }

        return codes;
    }

    /// <summary>The track's first round, with the five demo judges on its panel and assigned.</summary>
    private async Task<int> AssignedRoundAsync(string track)
    {
        var round = factory.WithDb(db => db.Rounds.Single(r => r.Sequence == 1 && db.Tracks.Any(t => t.Id == r.TrackId && t.Code == track)).Id);
        var judgeIds = factory.WithDb(db => db.Users.Where(u => Judged.Judges.Contains(u.Email!)).Select(u => u.Id).ToList());
        await InScopeAsync(async s =>
        {
            var setup = s.GetRequiredService<JudgingSetup>();
            await setup.SetPanelAsync(round, judgeIds, default);
            await setup.ApplyAsync(round, seed: 5, default);
        });
        return round;
    }

    private void ScoreAs(int round, string code, int judge, decimal value) =>
        factory.WithDb(db =>
        {
            var assignment = db.Assignments.Include(a => a.Score).Single(a => a.RoundId == round && a.JudgeUserId == judge && db.Entries.Any(e => e.Id == a.EntryId && e.Code == code));
            var track = db.Tracks.Include(t => t.Criteria).Include(t => t.Rounds).Single(t => t.Rounds.Any(r => r.Id == round));
            var criteria = track.Criteria.ToList();
            assignment.ScoreOrNew().Record(criteria, criteria.ToDictionary(c => c.Id, _ => (decimal?)value), null, submit: true, expectedVersion: 0, track.Rounds.Single(r => r.Id == round), DateTime.UtcNow);
            return db.SaveChanges();
        });

    private static async Task<HttpResponseMessage> PostAsync(Browser browser, string page, string action, params (string Name, string Value)[] fields)
    {
        var token = await browser.TokenFromAsync(page);
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        return await browser.Client.PostAsync(action, new FormUrlEncodedContent(form));
    }

    private List<int> JudgesOf(int round, string code) =>
        factory.WithDb(db => db.Assignments.Where(a => a.RoundId == round && db.Entries.Any(e => e.Id == a.EntryId && e.Code == code)).Select(a => a.JudgeUserId).ToList());

    private int IdOf(string email) => factory.WithDb(db => db.Users.Single(u => u.Email == email).Id);

    private int UnitId(string code) => factory.WithDb(db => db.Units.Single(u => u.Code == code).Id);

    private async Task InScopeAsync(Func<IServiceProvider, Task> action)
    {
        using var scope = factory.Services.CreateScope();
        await action(scope.ServiceProvider);
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = factory.Services.CreateScope();
        return await action(scope.ServiceProvider);
    }
}
