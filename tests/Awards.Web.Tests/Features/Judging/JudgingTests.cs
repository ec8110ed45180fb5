using System.Net;
using System.Text.RegularExpressions;
using Awards.Core.Scoring;
using Awards.Web.Tests.Infrastructure;
using static Awards.Web.Tests.Infrastructure.Writing;

namespace Awards.Web.Tests.Features.Judging;

/// <summary>Panels, assignment, the scoring workspace, and what a judge can and cannot see or change.</summary>
public sealed partial class JudgingTests(AwardsFactory factory) : IClassFixture<AwardsFactory>, IAsyncLifetime
{
    // A list, not an array: C# 14 binds array.Contains in a query to a span overload that EF Core 6 cannot translate.
    private static readonly List<string> Judges = ["judge.huang@demo.example", "judge.lin@demo.example", "judge.gao@demo.example", "judge.zheng@demo.example", "judge.qian@demo.example"];

    private int _round;

    /// <summary>One planted author, signed in the text; then the organizer puts all five judges on the help-story panel and assigns.</summary>
    public async Task InitializeAsync()
    {
        _round = factory.WithDb(db => db.Rounds.Single(r => r.Sequence == 1 && db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "help-story")).Id);
        if (factory.WithDb(db => db.Users.Any(u => u.Email == "planted.author@example.org")))
        {
            return;
        }

        var author = await NewAuthorAsync(factory, "planted.author@example.org", unit: "liuxi", name: "司马青云", phone: "13611112222");
        var code = await CreateDraftAsync(author, "help-story", Essay(title: "司马青云的帮扶日记", body: Text + "\n\n——司马青云，柳溪县，13611112222，planted.author@example.org"));
        (await SubmitAsync(author, code)).Dispose();

        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var judgeIds = factory.WithDb(db => db.Users.Where(u => Judges.Contains(u.Email!)).Select(u => u.Id).ToList());
        var panel = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", await organizer.TokenFromAsync($"/organizer/judging/{_round}")) };
        panel.AddRange(judgeIds.Select(id => new KeyValuePair<string, string>("judges", id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        (await organizer.Client.PostAsync($"/organizer/judging/{_round}/panel", new FormUrlEncodedContent(panel))).Dispose();

        using var preview = await organizer.PostAsync($"/organizer/judging/{_round}", $"/organizer/judging/{_round}/preview");
        var previewUrl = preview.Headers.Location!.OriginalString;
        var seed = SeedPattern().Match(previewUrl).Groups[1].Value;
        Assert.Contains("确认分配", await organizer.GetStringAsync(previewUrl), StringComparison.Ordinal);
        (await organizer.SubmitAsync(previewUrl, $"/organizer/judging/{_round}/assign", new Dictionary<string, string> { ["seed"] = seed })).Dispose();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Assignment_GivesEveryEntryThreeJudges_NeverFromItsUnit_WithBalancedLoads()
    {
        var rows = factory.WithDb(db => db.Assignments.Where(a => a.RoundId == _round)
            .Select(a => new { a.EntryId, a.JudgeUserId, EntryUnit = db.Entries.Where(e => e.Id == a.EntryId).Select(e => e.UnitId).First(), JudgeUnit = db.Users.Where(u => u.Id == a.JudgeUserId).Select(u => u.UnitId).First() })
            .ToList());
        var entries = factory.WithDb(db => db.Entries.Count(e => e.Track.Code == "help-story" && e.Status == Core.Entries.EntryStatus.Submitted));

        Assert.Equal(entries * 3, rows.Count);
        Assert.All(rows.GroupBy(r => r.EntryId), g => Assert.Equal(3, g.Select(r => r.JudgeUserId).Distinct().Count()));
        Assert.DoesNotContain(rows, r => r.JudgeUnit == r.EntryUnit);
        var loads = rows.GroupBy(r => r.JudgeUserId).Select(g => g.Count()).ToList();
        Assert.True(loads.Max() - loads.Min() <= 1, string.Join(",", loads));
    }

    [Fact]
    public async Task EveryJudgeGivenEntries_IsToldByMail_HowManyAndWhere_WithoutAnAuthorOrATitle()
    {
        var assigned = factory.WithDb(db => db.Assignments.Where(a => a.RoundId == _round).Select(a => a.JudgeUserId).Distinct()
            .Select(id => db.Users.Where(u => u.Id == id).Select(u => u.Email!).First()).ToList());
        var mails = (await Mails.InAsync(factory)).Where(m => m.Subject.StartsWith("新的评审任务：", StringComparison.Ordinal)).ToList();

        Assert.Equal(assigned.Order(StringComparer.Ordinal), mails.Select(m => m.To).Distinct().Order(StringComparer.Ordinal));
        Assert.All(mails, m =>
        {
            var counts = NewWorkPattern().Match(m.Body);
            Assert.True(counts.Success, m.Body);
            Assert.InRange(int.Parse(counts.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 1, int.Parse(counts.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains($"/judge/rounds/{_round}", m.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("司马青云", m.Body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task AJudge_ScoresFromTheQueue_SavesADraft_Submits_AndSeesTheProgress()
    {
        var (judge, email, code) = await UnscoredWorkAsync();
        var criteria = Criteria();

        // A comma is not a decimal point here: "8,5" is refused, never read as 85.
        using (var comma = await ScoreAsync(judge, code, criteria.ToDictionary(c => c.Id, c => c.Id == criteria[0].Id ? "8,5" : ""), "draft"))
        {
            Assert.Contains("的分数必须在", await comma.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.False(factory.WithDb(db => db.Scores.Any(s => s.Assignment.JudgeUserId == db.Users.Single(u => u.Email == email).Id && db.Entries.Any(e => e.Id == s.Assignment.EntryId && e.Code == code) && s.Assignment.RoundId == _round)));

        using var draft = await ScoreAsync(judge, code, criteria.ToDictionary(c => c.Id, c => c.Id == criteria[0].Id ? "80" : ""), "draft");
        var draftPage = await judge.GetStringAsync($"/judge/rounds/{_round}/{code}");
        Assert.Contains("评分草稿已保存", draftPage, StringComparison.Ordinal);

        using var submitted = await ScoreAsync(judge, code, criteria.ToDictionary(c => c.Id, _ => "80"), "submit");
        var score = factory.WithDb(db => db.Scores.Single(s => s.Assignment.JudgeUserId == db.Users.Single(u => u.Email == email).Id && db.Entries.Any(e => e.Id == s.Assignment.EntryId && e.Code == code) && s.Assignment.RoundId == _round));
        Assert.Equal((ScoreStatus.Submitted, 80m, 2), (score.Status, score.Total, score.Version));
        Assert.Matches("已提交 [1-9]", await judge.GetStringAsync($"/judge/rounds/{_round}"));
        var key = $"{code}/{_round}/{factory.WithDb(db => db.Users.Single(u => u.Email == email).Id)}";
        Assert.Equal(2, factory.WithDb(db => db.AuditLog.Count(a => a.EntityType == "Score" && a.EntityKey == key)));
    }

    [Fact]
    public async Task ASavedMessage_ShowsOnce_AndAPageWithoutOneTouchesNoMessageCookie()
    {
        var (judge, _, code) = await UnscoredWorkAsync();
        var entryUrl = $"/judge/rounds/{_round}/{code}";
        var criteria = Criteria();
        using (var queue = await judge.Client.GetAsync($"/judge/rounds/{_round}"))
        {
            Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
            Assert.Empty(MessageCookies(queue));
        }

        using var saved = await ScoreAsync(judge, code, criteria.ToDictionary(c => c.Id, c => c.Id == criteria[0].Id ? "80" : ""), "draft");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.NotEmpty(MessageCookies(saved));

        using var shown = await judge.Client.GetAsync(entryUrl);
        Assert.Contains("评分草稿已保存", await shown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(MessageCookies(shown), c => c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));

        using var again = await judge.Client.GetAsync(entryUrl);
        Assert.DoesNotContain("评分草稿已保存", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(MessageCookies(again));
    }

    [Fact]
    public async Task SubmitAndNext_OpensTheNextEntryOfTheJudgesOwnQueue_AndTheLastEntryStays()
    {
        var (judge, _, code) = await UnscoredWorkAsync();
        var queue = CodePattern().Matches(await judge.GetStringAsync($"/judge/rounds/{_round}")).Select(m => m.Groups[1].Value).ToList();
        var all = Criteria().ToDictionary(c => c.Id, _ => "75");

        using var first = await ScoreAsync(judge, code, all, "submit-next");
        var at = queue.IndexOf(code);
        Assert.Equal($"/judge/rounds/{_round}/{queue[Math.Min(at + 1, queue.Count - 1)]}", first.Headers.Location?.OriginalString);

        using var last = await ScoreAsync(judge, queue[^1], all, "submit-next");
        Assert.Equal($"/judge/rounds/{_round}/{queue[^1]}", last.Headers.Location?.OriginalString);
        Assert.Contains("已提交", await judge.GetStringAsync($"/judge/rounds/{_round}/{queue[^1]}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASaveFromAnOlderPage_IsRefused_AndOverwritesNothing()
    {
        var (judge, email, code) = await UnscoredWorkAsync();
        var criteria = Criteria();
        var token = await judge.TokenFromAsync($"/judge/rounds/{_round}/{code}");

        // Two tabs opened at version 0; the first saves, the second is stale.
        using var first = await PostScoreAsync(judge, token, code, criteria.ToDictionary(c => c.Id, _ => "90"), "draft", version: 0);
        using var second = await PostScoreAsync(judge, token, code, criteria.ToDictionary(c => c.Id, _ => "10"), "draft", version: 0);

        Assert.Contains("此评分已在另一个窗口或标签页中修改", await judge.GetStringAsync($"/judge/rounds/{_round}/{code}"), StringComparison.Ordinal);
        Assert.Equal(90m, factory.WithDb(db => db.Scores.Single(s => db.Entries.Any(e => e.Id == s.Assignment.EntryId && e.Code == code) && s.Assignment.RoundId == _round && s.Assignment.JudgeUserId == db.Users.Single(u => u.Email == email).Id).Total));
    }

    [Fact]
    public async Task TwoSavesAtTheSameMoment_FromTheSameVersion_KeepExactlyOne()
    {
        var (judge, email, code) = await UnscoredWorkAsync();
        var criteria = Criteria();
        var token = await judge.TokenFromAsync($"/judge/rounds/{_round}/{code}");
        var key = $"{code}/{_round}/{factory.WithDb(db => db.Users.Single(u => u.Email == email).Id)}";

        using var start = new SemaphoreSlim(0);
        List<string> values = ["70", "95", "55", "85"];
        var saves = values.Select(async value =>
        {
            await start.WaitAsync();
            using var response = await PostScoreAsync(judge, token, code, criteria.ToDictionary(c => c.Id, _ => value), "draft", version: 0);
            return response.StatusCode;
        }).ToList();
        start.Release(saves.Count);
        var statuses = await Task.WhenAll(saves);

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Redirect, status));
        // One save won; the others were told, none was merged or lost silently.
        var score = factory.WithDb(db => db.Scores.Single(s => s.Assignment.RoundId == _round && s.Assignment.JudgeUserId == db.Users.Single(u => u.Email == email).Id && db.Entries.Any(e => e.Id == s.Assignment.EntryId && e.Code == code)));
        Assert.Equal(1, score.Version);
        Assert.True(score.Total is 70 or 95 or 55 or 85, $"total {score.Total}");
        Assert.Equal(1, factory.WithDb(db => db.AuditLog.Count(a => a.EntityType == "Score" && a.EntityKey == key)));
    }

    [Theory]
    [InlineData("101", "的分数必须在 0 至 100 之间")]
    [InlineData("八十", "的分数必须在 0 至 100 之间")]
    [InlineData("50.123456789", "的得分最多保留两位小数")]
    [InlineData("", "请为每个评分项打分后再提交。")]
    public async Task ARefusedSubmit_SavesNothing_AndGivesTheJudgeBackWhatTheyTyped_WithTheReason(string last, string reason)
    {
        var (judge, email, code) = await UnscoredWorkAsync();
        var criteria = Criteria();
        var typed = criteria.ToDictionary(c => c.Id, c => c.Id == criteria[^1].Id ? last : "77.5");

        using var refused = await ScoreAsync(judge, code, typed, "submit");
        var page = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(reason, page, StringComparison.Ordinal);
        var form = FormFields.Read(page, "score-form");
        Assert.All(criteria, c => Assert.Equal(typed[c.Id], form[$"c{c.Id}"]));
        Assert.Contains("结构清晰，情感真挚。</textarea>", page, StringComparison.Ordinal);
        Assert.False(factory.WithDb(db => db.Scores.Any(s => s.Assignment.RoundId == _round && s.Assignment.JudgeUserId == db.Users.Single(u => u.Email == email).Id && db.Entries.Any(e => e.Id == s.Assignment.EntryId && e.Code == code))));

        // The page as it came back saves: here as a draft, the blank or wrong score left out.
        form["action"] = "draft";
        form[$"c{criteria[^1].Id}"] = "";
        using (var draft = await judge.Client.PostAsync($"/judge/rounds/{_round}/{code}", FormFields.WithToken(form, await judge.TokenFromAsync($"/judge/rounds/{_round}"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        }

        Assert.Contains("评分草稿已保存", await judge.GetStringAsync($"/judge/rounds/{_round}/{code}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJudge_CannotOpenOrScoreAnEntryThatIsNotTheirs()
    {
        var (judge, email, _) = await UnscoredWorkAsync();
        var judgeId = factory.WithDb(db => db.Users.Single(u => u.Email == email).Id);
        var notMine = factory.WithDb(db => db.Entries.Where(e => e.Track.Code == "help-story" && !db.Assignments.Any(a => a.EntryId == e.Id && a.JudgeUserId == judgeId)).Select(e => e.Code).FirstOrDefault())
            ?? factory.WithDb(db => db.Entries.First(e => e.Track.Code == "innovation").Code);
        var token = await judge.TokenFromAsync($"/judge/rounds/{_round}");

        using var page = await judge.Client.GetAsync($"/judge/rounds/{_round}/{notMine}");
        using var post = await PostScoreAsync(judge, token, notMine, Criteria().ToDictionary(c => c.Id, _ => "50"), "submit", 0);
        using var otherRound = await judge.Client.GetAsync("/judge/rounds/999999");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherRound.StatusCode);
    }

    [Fact]
    public async Task NoJudgePage_NamesTheAuthor()
    {
        foreach (var email in Judges)
        {
            var judge = await Nominating.SignedInAsync(factory, email);
            var pages = new List<string> { await judge.GetStringAsync("/judge") };
            using var queueResponse = await judge.Client.GetAsync($"/judge/rounds/{_round}");
            if (queueResponse.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            var queue = await queueResponse.Content.ReadAsStringAsync();
            pages.Add(queue);
            foreach (Match code in CodePattern().Matches(queue))
            {
                pages.Add(await judge.GetStringAsync($"/judge/rounds/{_round}/{code.Groups[1].Value}"));
            }

            foreach (var page in pages)
            {
                foreach (var secret in new[] { "司马青云", "青云", "柳溪县", "13611112222", "planted.author", "张海燕", "李卫东", "Wu Anna", "hospital", "市第一人民医院", "市财政局" })
                {
                    Assert.DoesNotContain(secret, page, StringComparison.OrdinalIgnoreCase);
                }
            }
        }
    }

    [Fact]
    public async Task DeclaringAConflict_GivesTheEntryToAnotherJudge()
    {
        var (judge, email, _) = await UnscoredWorkAsync();
        var judgeId = factory.WithDb(db => db.Users.Single(u => u.Email == email).Id);
        var code = CodePattern().Match(await judge.GetStringAsync($"/judge/rounds/{_round}")).Groups[1].Value;

        using var declared = await judge.PostAsync($"/judge/rounds/{_round}/{code}", $"/judge/rounds/{_round}/{code}/conflict");

        Assert.Equal($"/judge/rounds/{_round}", declared.Headers.Location?.OriginalString);
        var judgesOfEntry = factory.WithDb(db => db.Assignments.Where(a => a.RoundId == _round && db.Entries.Any(e => e.Id == a.EntryId && e.Code == code)).Select(a => a.JudgeUserId).ToList());
        Assert.DoesNotContain(judgeId, judgesOfEntry);
        Assert.Equal(3, judgesOfEntry.Count);
        Assert.True(factory.WithDb(db => db.Conflicts.Any(c => c.JudgeUserId == judgeId)));
        using var gone = await judge.Client.GetAsync($"/judge/rounds/{_round}/{code}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task TheJudgeDashboard_ListsTheJudgesOwnPanelsOnly()
    {
        var judge = await Nominating.SignedInAsync(factory, "judge.huang@demo.example");

        var page = await judge.GetStringAsync("/judge");
        var rounds = AngleSharpText(page, "[data-testid=judge-rounds]");

        Assert.Contains("征文：我的帮扶故事", rounds, StringComparison.Ordinal);
        Assert.DoesNotContain("奋进奖", rounds, StringComparison.Ordinal);

        // The contest's phase is the entrants' calendar ("正在报送"), which means nothing to a judge.
        Assert.DoesNotContain("正在报送", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherRoles_CannotReachTheWorkspace()
    {
        foreach (var email in new[] { "author.zhang@demo.example", "coordinator.qingshan@demo.example" })
        {
            var browser = await Nominating.SignedInAsync(factory, email);
            using var response = await browser.Client.GetAsync($"/judge/rounds/{_round}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    /// <summary>A judge with an assignment in the round that nobody has scored yet and no other test has taken, so that tests do not share a score.</summary>
    private async Task<(Browser Judge, string Email, string Code)> UnscoredWorkAsync()
    {
        var work = factory.WithDb(db => db.Assignments
            .Where(a => a.RoundId == _round && a.Score == null)
            .OrderBy(a => a.Id)
            .Select(a => new { a.Id, Email = db.Users.Where(u => u.Id == a.JudgeUserId).Select(u => u.Email).First(), Code = db.Entries.Where(e => e.Id == a.EntryId).Select(e => e.Code).First() })
            .AsEnumerable()
            .First(a => Taken.Add(a.Id)));
        return (await Nominating.SignedInAsync(factory, work.Email!), work.Email!, work.Code);
    }

    // The class's tests run one after another (xUnit runs a class's tests in sequence).
    private static readonly HashSet<int> Taken = [];

    private List<Core.Tracks.RubricCriterion> Criteria() =>
        factory.WithDb(db => db.RubricCriteria.Where(c => db.Tracks.Any(t => t.Id == c.TrackId && t.Code == "help-story")).OrderBy(c => c.Order).ToList());

    private async Task<HttpResponseMessage> ScoreAsync(Browser judge, string code, Dictionary<int, string> values, string action)
    {
        var page = await judge.GetStringAsync($"/judge/rounds/{_round}/{code}");
        var version = int.Parse(VersionPattern().Match(page).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return await PostScoreAsync(judge, await judge.TokenFromAsync($"/judge/rounds/{_round}/{code}"), code, values, action, version);
    }

    private async Task<HttpResponseMessage> PostScoreAsync(Browser judge, string token, string code, Dictionary<int, string> values, string action, int version)
    {
        var form = values.ToDictionary(v => $"c{v.Key}", v => v.Value);
        form["__RequestVerificationToken"] = token;
        form["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        form["action"] = action;
        form["comment"] = "结构清晰，情感真挚。";
        return await judge.Client.PostAsync($"/judge/rounds/{_round}/{code}", new FormUrlEncodedContent(form));
    }

    // The Set-Cookie headers of MVC's TempData cookie, which carries a message over a redirect.
    private static List<string> MessageCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? [.. cookies.Where(c => c.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider", StringComparison.Ordinal))] : [];

    private static string AngleSharpText(string html, string selector) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector(selector)?.TextContent ?? string.Empty;

    [GeneratedRegex("有 ([0-9]+) 件新作品等待您评分，您的评审列表共 ([0-9]+) 件")]
    private static partial Regex NewWorkPattern();

    [GeneratedRegex(@"preview=(\d+)")]
    private static partial Regex SeedPattern();

    [GeneratedRegex(@"/judge/rounds/\d+/([0-9A-Z]{4}-[0-9A-Z]{4})""")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"name=""version"" value=""(\d+)""")]
    private static partial Regex VersionPattern();
}
