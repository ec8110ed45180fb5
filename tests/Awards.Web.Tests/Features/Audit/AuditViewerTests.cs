using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Awards.Web.Data;
using Awards.Web.Tests.Infrastructure;
using static Awards.Web.Tests.Infrastructure.Nominating;

namespace Awards.Web.Tests.Features.Audit;

/// <summary>The organizer's audit log viewer at /organizer/audit: who may see it, its filters, paging, export and safe display.</summary>
public sealed class AuditViewerTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private const string Organizer = "organizer@demo.example";

    // 2026-10-17 10:00 UTC is 18:00 Beijing time.
    private static readonly DateTime Base = new(2026, 10, 17, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("coordinator.qingshan@demo.example")]
    [InlineData("author.zhang@demo.example")]
    [InlineData("judge.huang@demo.example")]
    public async Task OtherRoles_AreRefused_ThePageAndTheExport(string email)
    {
        var browser = await SignedInAsync(factory, email);

        foreach (var url in new[] { "/organizer/audit", "/organizer/audit/export.csv" })
        {
            using var response = await browser.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheFilters_ListEveryActionAndEntityTypeInTheLog_InOrder()
    {
        var organizer = await SignedInAsync(factory, Organizer);
        var page = new HtmlParser().ParseDocument(await organizer.GetStringAsync("/organizer/audit"));
        List<string> Options(string select) => [.. page.QuerySelectorAll($"select#{select} option").Select(o => o.GetAttribute("value") ?? string.Empty).Where(v => v.Length > 0)];

        var (actions, entities) = factory.WithDb(db => (
            db.AuditLog.Select(a => a.Action).Distinct().OrderBy(a => a).ToList(),
            db.AuditLog.Select(a => a.EntityType).Distinct().OrderBy(t => t).ToList()));
        Assert.True(actions.Count > 1 && entities.Count > 1, "the demo contest's log is too small to tell");
        Assert.Equal(actions, Options("action"));
        Assert.Equal(entities, Options("entity"));
    }

    [Fact]
    public async Task AnonymousVisitors_AreSentToSignIn()
    {
        using var response = await new Browser(factory).Client.GetAsync("/organizer/audit/export.csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOrganizersDashboard_LinksToIt_AndNamesActionsInChinese()
    {
        var coordinator = await SignedInAsync(factory, "coordinator.liuxi@demo.example");
        await CreateDraftAsync(coordinator, "dedication");
        var organizer = await SignedInAsync(factory, Organizer);

        var dashboard = await organizer.GetStringAsync("/organizer");
        var log = await organizer.GetStringAsync("/organizer/audit");

        Assert.Contains("href=\"/organizer/audit\"", dashboard, StringComparison.Ordinal);
        foreach (var html in new[] { dashboard, log })
        {
            var text = new HtmlParser().ParseDocument(html).Body!.TextContent;
            Assert.Contains("创建推荐", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Nomination created", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Filters_ByUserEntityKeyActionAndBeijingTime()
    {
        var (coordinatorId, authorId) = factory.WithDb(db => (
            db.Users.Single(u => u.Email == "coordinator.yunling@demo.example").Id,
            db.Users.Single(u => u.Email == "author.wu@demo.example").Id));
        var authorName = factory.WithDb(db => db.Users.Single(u => u.Id == authorId).DisplayName);
        Add(
            Row(Base, coordinatorId, "Nomination submitted", "FilterTest", "F-1"),
            Row(Base.AddMinutes(30), authorId, "Essay submitted", "FilterTest", "F-2"),
            Row(Base.AddHours(2), authorId, "Essay withdrawn", "FilterTest", "F-2/7"),
            Row(Base.AddDays(1), null, "Round closed", "FilterTest", "F-3"));
        var organizer = await SignedInAsync(factory, Organizer);

        Assert.Equal(["F-3", "F-2/7", "F-2", "F-1"], await KeysAsync(organizer, "entity=FilterTest"));
        Assert.Equal(["F-1"], await KeysAsync(organizer, "entity=FilterTest&user=yunling"));
        Assert.Equal(["F-1"], await KeysAsync(organizer, "entity=FilterTest&user=YunLing"));
        Assert.Equal(["F-2/7", "F-2"], await KeysAsync(organizer, "entity=FilterTest&user=" + Uri.EscapeDataString(authorName)));
        Assert.Equal(["F-2/7", "F-2"], await KeysAsync(organizer, "entity=FilterTest&key=F-2"));
        Assert.Equal(["F-2/7"], await KeysAsync(organizer, "entity=FilterTest&action=" + Uri.EscapeDataString("Essay withdrawn")));

        // 18:00 to 18:30 Beijing time, both ends included to the minute.
        Assert.Equal(["F-2", "F-1"], await KeysAsync(organizer, "entity=FilterTest&from=2026-10-17T18:00&until=2026-10-17T18:30"));
        Assert.Equal(["F-2/7", "F-2"], await KeysAsync(organizer, "entity=FilterTest&from=2026-10-17T18:01&until=2026-10-17"));
        Assert.Empty(await KeysAsync(organizer, "entity=FilterTest&until=2026-10-17T17:59"));
    }

    [Theory]
    [InlineData("from=yesterday", "“yesterday”不是有效的日期时间")]
    [InlineData("from=2026-10-18T00:00&until=2026-10-17T00:00", "起始时间晚于截止时间。")]
    public async Task ABadTime_GetsAMessage_AndNoRows(string query, string message)
    {
        Add(Row(Base, null, "Round closed", "BadTimeTest", "B-1"));
        var organizer = await SignedInAsync(factory, Organizer);

        foreach (var url in new[] { "/organizer/audit?entity=BadTimeTest&" + query, "/organizer/audit/export.csv?entity=BadTimeTest&" + query })
        {
            using var response = await organizer.Client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, html, StringComparison.Ordinal);
            Assert.DoesNotContain("B-1", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ALargeLog_IsShownFiftyAtATime_NewestFirst()
    {
        Add([.. Enumerable.Range(0, 120).Select(i => Row(Base.AddMinutes(i), null, "Round closed", "PagingTest", $"P-{i:000}"))]);
        var organizer = await SignedInAsync(factory, Organizer);

        var first = await KeysAsync(organizer, "entity=PagingTest");
        var third = await KeysAsync(organizer, "entity=PagingTest&page=3");
        var beyond = await KeysAsync(organizer, "entity=PagingTest&page=99");
        var html = await organizer.GetStringAsync("/organizer/audit?entity=PagingTest&page=2");

        Assert.Equal(50, first.Count);
        Assert.Equal(("P-119", "P-070"), (first[0], first[^1]));
        Assert.Equal([.. Enumerable.Range(0, 20).Reverse().Select(i => $"P-{i:000}")], third);
        Assert.Equal(third, beyond);
        Assert.Contains("第 2 页，共 3 页", html, StringComparison.Ordinal);
        Assert.Contains("共 120 条", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/organizer/audit?entity=PagingTest&amp;page=3\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheExport_IsTheFilteredRows_AsCsvWithABom_InBeijingTime_WithFormulasDefused()
    {
        var coordinatorId = factory.WithDb(db => db.Users.Single(u => u.Email == "coordinator.power@demo.example").Id);
        Add(
            Row(Base, coordinatorId, "Nomination edited", "ExportTest", "E-1", before: "标题：旧, \"引号\"", after: "=HYPERLINK(\"http://evil.example\")"),
            Row(Base.AddMinutes(1), null, "Round closed", "ExportTest", "E-2"),
            Row(Base.AddMinutes(2), null, "Round closed", "OtherTest", "O-1"));
        var organizer = await SignedInAsync(factory, Organizer);

        using var response = await organizer.Client.GetAsync("/organizer/audit/export.csv?entity=ExportTest");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("attachment", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("时间（北京时间）,电子邮箱,姓名,操作,操作（原始名称）,对象类型,对象编号,更改前,更改后", lines[0]);
        Assert.Equal("2026-10-17 18:01:00,系统,,结束评审轮次,Round closed,ExportTest,E-2,,", lines[1]);
        Assert.StartsWith("2026-10-17 18:00:00,coordinator.power@demo.example,", lines[2], StringComparison.Ordinal);
        Assert.EndsWith(",修改推荐,Nomination edited,ExportTest,E-1,\"标题：旧, \"\"引号\"\"\",\"'=HYPERLINK(\"\"http://evil.example\"\")\"", lines[2], StringComparison.Ordinal);
        Assert.Equal([""], lines[3..]);
    }

    [Fact]
    public async Task StoredValues_AreShownAsPeopleReadThem_InEitherLanguage_WithTheStoredValueOnHover_AndUnchangedInTheExport()
    {
        var (judge, judgeName, round, track) = factory.WithDb(db =>
        {
            var user = db.Users.Single(u => u.Email == "judge.huang@demo.example");
            var r = db.Rounds.OrderBy(r => r.Id).First(r => r.TrackId == db.Tracks.Single(t => t.Code == "journey").Id);
            return (user.Id, user.DisplayName, r.Id, db.Tracks.Single(t => t.Code == "journey").Name);
        });
        const string notice = "85 prizes until 2026-12-14T01:21:47.0758305Z";
        Add(
            Row(Base, null, "PublishNotice", "TrackResult", "journey", after: notice),
            Row(Base.AddMinutes(1), null, "Deactivate", "User", judge.ToString(System.Globalization.CultureInfo.InvariantCulture), before: "on", after: "off"),
            Row(Base.AddMinutes(2), null, "Judge added", "Entry", "ABCD-EFGH", after: $"judge={judge}; round={round}"),
            Row(Base.AddMinutes(3), null, "ConfigureRanking", "TrackResult", "journey", after: "TrimmedMean min=- round=last"));
        var organizer = await SignedInAsync(factory, Organizer);

        var zh = WebUtility.HtmlDecode(await organizer.GetStringAsync("/organizer/audit?from=2026-10-17T18:00&until=2026-10-17T18:05"));
        var en = WebUtility.HtmlDecode(await organizer.GetStringAsync("/organizer/audit?from=2026-10-17T18:00&until=2026-10-17T18:05&culture=en"));

        // A UTC instant in Beijing time, the award by its name (its code still there to filter on), ids as names.
        Assert.Contains("获奖：85；公示至2026年12月14日 09:21（北京时间）", zh, StringComparison.Ordinal);
        Assert.Contains("Prizes: 85; on notice until 14 Dec 2026 09:21 (UTC+8)", en, StringComparison.Ordinal);
        Assert.Matches($"<span data-testid=\"subject\">{System.Text.RegularExpressions.Regex.Escape(track.Zh)}</span>\\s*<code>journey</code>", zh);
        Assert.Matches($"<span data-testid=\"subject\">{System.Text.RegularExpressions.Regex.Escape(track.En)}</span>\\s*<code>journey</code>", en);
        Assert.Contains($"评委：{judgeName}；轮次：{track.Zh} · ", zh, StringComparison.Ordinal);
        Assert.Contains($"Judge: {judgeName}; Round: {track.En} · ", en, StringComparison.Ordinal);
        Assert.Contains("汇总方法：去极值平均分；最低分：无；轮次：最后一轮", zh, StringComparison.Ordinal);
        Assert.Contains("Aggregation: Trimmed mean; Minimum score: None; Round: The last round", en, StringComparison.Ordinal);
        Assert.Contains(">已开启<", zh, StringComparison.Ordinal);
        Assert.Contains(">Off<", en, StringComparison.Ordinal);
        foreach (var raw in new[] { "2026-12-14T01:21:47", "TrimmedMean", $"judge={judge}" })
        {
            Assert.DoesNotContain(">" + raw, zh, StringComparison.Ordinal);
        }

        // The investigator still finds what was stored: on hover, and as it is in the export.
        Assert.Contains($"title=\"{notice}\"", zh, StringComparison.Ordinal);
        Assert.Contains($"title=\"judge={judge}; round={round}\"", en, StringComparison.Ordinal);
        var csv = await organizer.GetStringAsync("/organizer/audit/export.csv?from=2026-10-17T18:00&until=2026-10-17T18:05");
        Assert.Contains(notice, csv, StringComparison.Ordinal);
        Assert.Contains("TrimmedMean min=- round=last", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingsSummaries_AreReadInTheReadersLanguage_OldFormsToo_AndTheExportKeepsWhatWasStored()
    {
        // As the award, contest and unit settings and the score import store them; the second
        // award summary is an older form, without judging, prize levels or rounds.
        const string track = "征文：我的帮扶故事 / My Help Story; blind, panel scores shown after submitting; 1000–6000 characters, per unit 2, per account -; 思想性 0.3 (0–100), 文采 0.7 (0–100); levels 一等奖, 鼓励奖 (new, quota 30); rounds 初评 3 judges, top 50, 终评 5 judges (new, closes 2026-11-01 10:00Z); descriptions 0A1B2C3D";
        const string oldTrack = "创新奖 / Innovation Award; 0–3000 characters, per unit 2, per account 1; 事迹 1 (0–100); descriptions 12345678";
        const string contest = "2026-09-01 00:00Z / 2026-10-01 10:00Z / 2026-10-10 10:00Z / 2026-10-11 00:00Z / 2026-10-18 00:00Z; 清河市扶贫办 / Qinghe Office; 清扶组〔2026〕3号; rules 1200 + 800 characters, ABCDEF12";
        const string score = "total=87.5; from scores-final.xlsx";
        var at = Base.AddDays(3);
        Add(
            Row(at, null, "EditTrack", "Track", "help-story", after: track),
            Row(at.AddMinutes(1), null, "EditTrack", "Track", "innovation", after: oldTrack),
            Row(at.AddMinutes(2), null, "EditContest", "ContestEdition", "2026", after: contest),
            Row(at.AddMinutes(3), null, "AddUnit", "Unit", "water-test", after: "清河市水务局 / Qinghe Water Bureau; MunicipalUnit"),
            Row(at.AddMinutes(4), null, "RenameUnit", "Unit", "water-test", before: "清河市水务局 / Qinghe Water Bureau", after: "清河市水资源局 / Qinghe Water Resources Bureau; former names kept; 1 renditions made again"),
            Row(at.AddMinutes(5), null, "Score imported", "Score", "ABCD-EFGH/1/2", after: score));
        var organizer = await SignedInAsync(factory, Organizer);
        const string window = "from=2026-10-20T18:00&until=2026-10-20T18:06";

        // What is shown, not the stored value on hover.
        async Task<string> ShownAsync(string query) =>
            new HtmlParser().ParseDocument(await organizer.GetStringAsync("/organizer/audit?" + query)).QuerySelector("[data-testid=audit-log]")!.TextContent;
        var zh = await ShownAsync(window);
        var en = await ShownAsync(window + "&culture=en");

        Assert.Contains("盲评，评委提交自己的评分后可见其他评委的评分；字数 1000–6000；每单位限报：2；每账号限报：不限；评分标准：思想性 0.3 (0–100), 文采 0.7 (0–100)；奖级：一等奖, 鼓励奖（新增，名额 30）；评审轮次：初评 每件 3 位评委，前 50 名晋级, 终评 每件 5 位评委（新增，2026年11月1日 18:00（北京时间） 截止）；说明（摘要）：0A1B2C3D", zh, StringComparison.Ordinal);
        Assert.Contains("创新奖 / Innovation Award；字数 0–3000；每单位限报：2；每账号限报：1；评分标准：事迹 1 (0–100)；说明（摘要）：12345678", zh, StringComparison.Ordinal);
        Assert.Contains("报送 2026年9月1日 08:00（北京时间） 至 2026年10月1日 18:00（北京时间）；评审截止 2026年10月10日 18:00（北京时间）；公示 2026年10月11日 08:00（北京时间） 至 2026年10月18日 08:00（北京时间）；发文机关：清河市扶贫办 / Qinghe Office；发文字号：清扶组〔2026〕3号；规则：中文 1200 字 + 英文 800 字，摘要 ABCDEF12", zh, StringComparison.Ordinal);
        Assert.Contains("清河市水务局 / Qinghe Water Bureau；市直单位", zh, StringComparison.Ordinal);
        Assert.Contains("清河市水资源局 / Qinghe Water Resources Bureau；原名称保留为曾用名；重新生成评委阅读文本 1 篇", zh, StringComparison.Ordinal);
        Assert.Contains("总分：87.5；导入自 scores-final.xlsx", zh, StringComparison.Ordinal);
        foreach (var english in new[] { "characters", "per unit", "judges", "levels", "descriptions", "rules", "former names", "renditions", "MunicipalUnit", "total=", "from " })
        {
            Assert.DoesNotContain(english, zh, StringComparison.Ordinal);
        }

        Assert.Contains("Judged blind, judges see the others' scores after submitting their own; Length 1000–6000; Per unit: 2; Per account: No limit; Criteria: 思想性 0.3 (0–100), 文采 0.7 (0–100); Prize levels: 一等奖, 鼓励奖 (new, quota 30); Rounds: 初评 3 judges per entry, the top 50 go on, 终评 5 judges per entry (new, closes 1 Nov 2026 18:00 (UTC+8))", en, StringComparison.Ordinal);
        Assert.Contains("Document number: 清扶组〔2026〕3号; Rules: 1200 + 800 characters, digest ABCDEF12", en, StringComparison.Ordinal);
        Assert.Contains("Qinghe Water Bureau; Municipal unit", en, StringComparison.Ordinal);
        Assert.Contains("Total: 87.5; imported from scores-final.xlsx", en, StringComparison.Ordinal);

        // The export holds what was stored: the same file whoever downloads it, in whichever language.
        var csv = await organizer.GetStringAsync("/organizer/audit/export.csv?" + window);
        Assert.All(new[] { track, oldTrack, contest, score }, stored => Assert.Contains(stored, csv, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACountOfOne_ReadsAsEnglish_OnTheLogAndOnTheAccountsList()
    {
        Add(Row(Base, null, "Round closed", "CountTest", "C-1"));
        var organizer = await SignedInAsync(factory, Organizer);

        var log = WebUtility.HtmlDecode(await organizer.GetStringAsync("/organizer/audit?entity=CountTest&culture=en"));
        var accounts = WebUtility.HtmlDecode(await organizer.GetStringAsync("/organizer/users?role=Organizer&culture=en"));

        Assert.Contains("Log entries: 1", log, StringComparison.Ordinal);
        Assert.DoesNotContain("1 entries", log, StringComparison.Ordinal);
        Assert.Contains("Accounts: 1", accounts, StringComparison.Ordinal);
        Assert.DoesNotContain("1 accounts", accounts, StringComparison.Ordinal);
        Assert.Contains("共 1 条", await organizer.GetStringAsync("/organizer/audit?entity=CountTest"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeforeAndAfter_AreShownAsText_NeverAsMarkup()
    {
        string[] payloads = ["<script>alert('before')</script>", "\"><img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>" + new string('长', 200)];
        Add([.. payloads.Select((p, i) => Row(Base.AddMinutes(i), null, "<b onmouseover=alert(1)>act</b>", "XssTest", $"<svg onload=alert({i})>", before: p, after: p))]);
        var organizer = await SignedInAsync(factory, Organizer);

        var html = await organizer.GetStringAsync("/organizer/audit?entity=XssTest");

        HtmlSafety.AssertNoActiveContent(html, "/organizer/audit");
        var text = new HtmlParser().ParseDocument(html).QuerySelector("[data-testid=audit-log]")!.TextContent;
        Assert.All(payloads, p => Assert.Contains(p, text, StringComparison.Ordinal));
        Assert.Contains("<b onmouseover=alert(1)>act</b>", text, StringComparison.Ordinal);
    }

    private static AuditEntry Row(DateTime at, int? userId, string action, string entity, string key, string? before = null, string? after = null) =>
        new() { At = at, UserId = userId, Action = action, EntityType = entity, EntityKey = key, Before = before, After = after };

    private void Add(params AuditEntry[] rows) => factory.WithDb(db =>
    {
        db.AuditLog.AddRange(rows);
        return db.SaveChanges();
    });

    /// <summary>The entity keys of the listed rows, in the order shown.</summary>
    private static async Task<List<string>> KeysAsync(Browser organizer, string query)
    {
        var document = new HtmlParser().ParseDocument(await organizer.GetStringAsync("/organizer/audit?" + query));
        return [.. document.QuerySelectorAll("[data-testid=audit-log] tbody tr td:nth-child(4) code").Select(c => c.TextContent)];
    }
}
