using System.Globalization;
using System.Net;
using Awards.Core.Identity;
using Awards.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Tests.Features.Leader;

/// <summary>
/// A member of the leading group given some awards only (ADR 0018): chosen by the organizer when
/// inviting and on the user's page, they see those awards alone on every page and in every
/// document, and another award's pages are not found. Their downloads are in the audit log.
/// </summary>
public sealed class LeaderScopeTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private const string Leader = "leader@demo.example";

    [Fact]
    public async Task ALeadersDownloads_AreInTheAuditLog_UnderTheirName_ButReadingThePagesRecordsNothing()
    {
        var coordinator = await Nominating.SignedInAsync(factory, "coordinator.qingshan@demo.example");
        var nomination = await Nominating.CreateDraftAsync(coordinator, "contribution", Nominating.Person(name: "赵建华"));
        (await Nominating.SubmitAsync(coordinator, nomination)).Dispose();
        Judged.ScoreRound(factory, "contribution", 1, new() { [nomination] = [88, 90, 92] });
        var leaderId = factory.WithDb(db => db.Users.Single(u => u.Email == Leader).Id);
        var leader = await Nominating.SignedInAsync(factory, Leader);
        var rows = Downloads();

        foreach (var page in new[] { "/leader", "/leader/results/contribution", "/leader/objections" })
        {
            await leader.GetStringAsync(page);
        }

        Assert.Equal(rows, Downloads());

        using (var draft = await leader.Client.GetAsync("/leader/documents/draft-list"))
        {
            Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        }

        using (var csv = await leader.Client.GetAsync("/leader/results/contribution/ranking.csv"))
        {
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        }

        var recorded = factory.WithDb(db => db.AuditLog.AsNoTracking().Where(a => a.Action == "LeaderDownload").OrderBy(a => a.Id).Select(a => new { a.UserId, a.EntityType, a.EntityKey, a.After }).ToList());
        Assert.Equal(rows + 2, recorded.Count);
        Assert.All(recorded, r => Assert.Equal(leaderId, r.UserId));
        Assert.Equal(("LeaderDocument", "draft-list"), (recorded[^2].EntityType, recorded[^2].EntityKey));
        Assert.Contains("拟表彰名单（讨论稿）", recorded[^2].After, StringComparison.Ordinal);
        Assert.Equal(("Track", "contribution", "ranking-contribution.csv"), (recorded[^1].EntityType, recorded[^1].EntityKey, recorded[^1].After));

        // The office reads it in words, with the leader's name.
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var log = await organizer.GetStringAsync("/organizer/audit?action=LeaderDownload");
        Assert.Contains("领导小组成员下载文件", log, StringComparison.Ordinal);
        Assert.Contains("领导小组文件", log, StringComparison.Ordinal);
        Assert.Contains("拟表彰名单讨论稿（.xlsx）", log, StringComparison.Ordinal);
        Assert.Contains("王建国", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADownloadThatCannotBeRecorded_IsRefusedWithAMessage_AndNotSent()
    {
        var coordinator = await Nominating.SignedInAsync(factory, "coordinator.qingshan@demo.example");
        var nomination = await Nominating.CreateDraftAsync(coordinator, "dedication", Nominating.Person(name: "孙奉献"));
        (await Nominating.SubmitAsync(coordinator, nomination)).Dispose();
        Judged.ScoreRound(factory, "dedication", 1, new() { [nomination] = [85, 86, 87] });
        var leader = await Nominating.SignedInAsync(factory, Leader);
        var rows = Downloads();

        // The audit log refuses the row, as a full disk or a database busy too long would.
        factory.WithDb(db => db.Database.ExecuteSqlRaw("CREATE TRIGGER no_downloads BEFORE INSERT ON AuditLog WHEN NEW.Action = 'LeaderDownload' BEGIN SELECT RAISE(ABORT, 'no room'); END"));
        try
        {
            foreach (var (url, back) in new[] { ("/leader/documents/draft-list", "/leader"), ("/leader/results/dedication/ranking.csv", "/leader/results/dedication") })
            {
                using var refused = await leader.Client.GetAsync(url);
                Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
                Assert.Equal(back, refused.Headers.Location?.OriginalString);
                Assert.Contains("本次下载未能记入审计日志，因此没有提供文件。", await leader.GetStringAsync(back), StringComparison.Ordinal);
            }
        }
        finally
        {
            factory.WithDb(db => db.Database.ExecuteSqlRaw("DROP TRIGGER no_downloads"));
        }

        Assert.Equal(rows, Downloads());
        using var sent = await leader.Client.GetAsync("/leader/documents/draft-list");
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(rows + 1, Downloads());
    }

    [Fact]
    public async Task ALeaderGivenSomeAwards_SeesOnlyThose_OnEveryPageAndDocument_AndNotFoundForTheOthers()
    {
        var coordinator = await Nominating.SignedInAsync(factory, "coordinator.qingshan@demo.example");
        var innovation = await Nominating.CreateDraftAsync(coordinator, "innovation", Nominating.Person(name: "王春梅"));
        (await Nominating.SubmitAsync(coordinator, innovation)).Dispose();
        Judged.ScoreRound(factory, "innovation", 1, new() { [innovation] = [88, 90, 92] });
        var endeavor = await Nominating.CreateDraftAsync(coordinator, "endeavor", Nominating.Person(name: "刘奋进"));
        (await Nominating.SubmitAsync(coordinator, endeavor)).Dispose();
        Judged.ScoreRound(factory, "endeavor", 1, new() { [endeavor] = [80, 82, 84] });
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var story = Judged.Score(factory, "help-story", [90, 90, 90]);
        await Judged.PublishAsync(factory, organizer, "help-story", 1, 0, 0, 0);
        var journey = Judged.Score(factory, "journey", [91, 91, 91]);
        await Judged.PublishAsync(factory, organizer, "journey", 1, 0, 0, 0);

        var leaderId = factory.WithDb(db => db.Users.Single(u => u.Email == Leader).Id);
        var page = $"/organizer/users/{leaderId}/awards";
        Assert.Contains($"href=\"{page}\"", await organizer.GetStringAsync("/organizer/users?role=Leader"), StringComparison.Ordinal);
        using (var saved = await PostAwardsAsync(organizer, leaderId, "innovation", "help-story"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal(TrackIds("innovation", "help-story"), factory.WithDb(db => db.Users.Single(u => u.Id == leaderId).LeaderTrackIds));
        Assert.Contains("innovation help-story", factory.WithDb(db => db.AuditLog.Where(a => a.Action == "LeaderAwards").OrderBy(a => a.Id).Last().After), StringComparison.Ordinal);

        // The audit log says it in words: from every award to the two, by name.
        var names = factory.WithDb(db => db.Tracks.Where(t => t.Code == "innovation" || t.Code == "help-story").OrderBy(t => t.SortOrder).Select(t => t.Name).ToList());
        var log = await organizer.GetStringAsync("/organizer/audit?action=LeaderAwards");
        Assert.Contains("全部奖项和征文主题", log, StringComparison.Ordinal);
        Assert.Contains($"{names[0].Zh}、{names[1].Zh}", log, StringComparison.Ordinal);
        Assert.Contains("checked=\"checked\"", await organizer.GetStringAsync(page), StringComparison.Ordinal);

        var leader = await Nominating.SignedInAsync(factory, Leader);
        var dashboard = await leader.GetStringAsync("/leader");
        Assert.Contains("data-testid=\"limited\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("href=\"/leader/results/innovation\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("href=\"/leader/results/help-story\"", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("/leader/results/endeavor", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("/leader/results/journey", dashboard, StringComparison.Ordinal);
        // The statistics are the Outstanding Organization Award's evidence: not theirs.
        Assert.DoesNotContain("/leader/documents/statistics", dashboard, StringComparison.Ordinal);

        foreach (var url in new[] { "/leader/results/endeavor", "/leader/results/journey", "/leader/results/journey/ranking.csv", "/leader/results/outstanding-organization", "/leader/documents/statistics" })
        {
            using var response = await leader.Client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }

        Assert.Contains(innovation, await leader.GetStringAsync("/leader/results/innovation"), StringComparison.Ordinal);

        // The draft list and the prize list hold their awards alone.
        var sheets = await SheetsAsync(leader, "/leader/documents/draft-list");
        Assert.Contains(innovation, sheets, StringComparison.Ordinal);
        Assert.Contains("王春梅", sheets, StringComparison.Ordinal);
        Assert.DoesNotContain(endeavor, sheets, StringComparison.Ordinal);
        Assert.DoesNotContain("刘奋进", sheets, StringComparison.Ordinal);
        Assert.DoesNotContain(journey[0], sheets, StringComparison.Ordinal);
        var prizes = await SheetsAsync(leader, "/leader/documents/prize-list");
        Assert.Contains(story[0], prizes, StringComparison.Ordinal);
        Assert.DoesNotContain(journey[0], prizes, StringComparison.Ordinal);
        Assert.EndsWith("(innovation, help-story)", factory.WithDb(db => db.AuditLog.Where(a => a.Action == "LeaderDownload").OrderBy(a => a.Id).Last().After), StringComparison.Ordinal);

        // Nothing chosen: every award again, as before.
        (await PostAwardsAsync(organizer, leaderId)).Dispose();
        Assert.Empty(factory.WithDb(db => db.Users.Single(u => u.Id == leaderId).LeaderTrackIds));
        Assert.Contains(endeavor, await leader.GetStringAsync("/leader/results/endeavor"), StringComparison.Ordinal);
        Assert.Contains(journey[0], await SheetsAsync(leader, "/leader/documents/prize-list"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongAwardOrAccount_OnTheLeadersAwardsPage_ChangesNothing()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var leaderId = factory.WithDb(db => db.Users.Single(u => u.Email == Leader).Id);
        var before = factory.WithDb(db => db.Users.Single(u => u.Id == leaderId).LeaderTrackIds);

        using (var tampered = await PostAwardsAsync(organizer, leaderId, "innovation", "999999"))
        {
            Assert.Equal(HttpStatusCode.OK, tampered.StatusCode);
            Assert.Contains("请从列表中选择奖项和征文主题；未作任何更改。", await tampered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, factory.WithDb(db => db.Users.Single(u => u.Id == leaderId).LeaderTrackIds));

        // A judge's account and an unknown one have no such page.
        var judgeId = factory.WithDb(db => db.Users.Single(u => u.Email == Judged.Judges[0]).Id);
        foreach (var id in new[] { judgeId, 999999 })
        {
            using var page = await organizer.Client.GetAsync($"/organizer/users/{id}/awards");
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            using var post = await PostAwardsAsync(organizer, id, "innovation");
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        Assert.Empty(factory.WithDb(db => db.Users.Single(u => u.Id == judgeId).LeaderTrackIds));
    }

    [Fact]
    public async Task AnOrganizerInvitesALeaderForSomeAwards_OneAtATimeOrFromAList_AndNextYearsListKeepsThem()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        Assert.Contains("data-testid=\"leader-awards\"", await organizer.GetStringAsync("/organizer/users/invite"), StringComparison.Ordinal);
        var innovation = TrackIds("innovation")[0].ToString(CultureInfo.InvariantCulture);

        // Awards are a leader's only; a judge given one is refused, and nobody is invited.
        using (var judge = await InviteAsync(organizer, "panel.member@example.org", Roles.Judge, innovation))
        {
            Assert.Contains("只有领导小组成员才需指定可查看的奖项", await judge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var unknown = await InviteAsync(organizer, "group.one@example.org", Roles.Leader, "999999"))
        {
            Assert.Contains("请从列表中选择奖项和征文主题", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.False(factory.WithDb(db => db.Users.Any(u => u.Email == "panel.member@example.org" || u.Email == "group.one@example.org")));

        (await InviteAsync(organizer, "group.one@example.org", Roles.Leader, innovation)).Dispose();
        Assert.Equal(TrackIds("innovation"), LeaderTracksOf("group.one@example.org"));

        // The pasted list: a fifth field with the awards' codes.
        using (var wrong = await organizer.SubmitAsync("/organizer/users/invite-many", "/organizer/users/invite-many", new Dictionary<string, string>
        {
            ["Lines"] = "group.two@example.org, 李组员, Leader, , journey nowhere\npanel.two@example.org, 周评委, Judge, , journey",
        }))
        {
            var html = await wrong.Content.ReadAsStringAsync();
            Assert.Contains("第 1 行：没有代码为“nowhere”的奖项或征文主题。", html, StringComparison.Ordinal);
            Assert.Contains("第 2 行：只有领导小组成员才需指定可查看的奖项，请删去。", html, StringComparison.Ordinal);
        }

        Assert.False(factory.WithDb(db => db.Users.Any(u => u.Email == "group.two@example.org")));
        (await organizer.SubmitAsync("/organizer/users/invite-many", "/organizer/users/invite-many", new Dictionary<string, string>
        {
            ["Lines"] = "group.two@example.org, 李组员, Leader, , journey help-story",
        })).Dispose();
        Assert.Equal(TrackIds("help-story", "journey"), LeaderTracksOf("group.two@example.org"));

        // Next year's invitations.txt carries them by code, and a leader reading all without a fifth field.
        using var zip = await organizer.SubmitAsync("/organizer/next-edition", "/organizer/next-edition/download", new Dictionary<string, string> { ["Year"] = "2027" });
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(await zip.Content.ReadAsByteArrayAsync()));
        using var reader = new StreamReader(archive.GetEntry("invitations.txt")!.Open());
        var invitations = await reader.ReadToEndAsync();
        Assert.Contains("group.two@example.org, 李组员, Leader, , help-story journey\n", invitations, StringComparison.Ordinal);
        Assert.Contains("group.one@example.org, 王组员, Leader, , innovation\n", invitations, StringComparison.Ordinal);
    }

    private int Downloads() => factory.WithDb(db => db.AuditLog.Count(a => a.Action == "LeaderDownload"));

    private List<int> TrackIds(params string[] codes) =>
        factory.WithDb(db => db.Tracks.Where(t => ((IEnumerable<string>)codes).Contains(t.Code)).OrderBy(t => t.Id).Select(t => t.Id).ToList());

    private List<int> LeaderTracksOf(string email) =>
        factory.WithDb(db => db.Users.Single(u => u.Email == email).LeaderTrackIds);

    private async Task<HttpResponseMessage> PostAwardsAsync(Browser organizer, int userId, params string[] codes)
    {
        var token = await organizer.TokenFromAsync("/organizer/users/invite");
        var ids = codes.Select(c => int.TryParse(c, out _) ? c : TrackIds(c)[0].ToString(CultureInfo.InvariantCulture));
        var form = ids.Select(id => new KeyValuePair<string, string>("Form.TrackIds", id)).Append(new("__RequestVerificationToken", token));
        return await organizer.Client.PostAsync($"/organizer/users/{userId}/awards", new FormUrlEncodedContent(form));
    }

    private static async Task<HttpResponseMessage> InviteAsync(Browser organizer, string email, string role, string trackId)
    {
        var token = await organizer.TokenFromAsync("/organizer/users/invite");
        return await organizer.Client.PostAsync("/organizer/users/invite", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Email"] = email,
            ["Form.Name"] = "王组员",
            ["Form.Role"] = role,
            ["Form.TrackIds"] = trackId,
            ["__RequestVerificationToken"] = token,
        }));
    }

    private static async Task<string> SheetsAsync(Browser leader, string url)
    {
        using var response = await leader.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        return Exported.AllSheetsText(workbook);
    }
}
