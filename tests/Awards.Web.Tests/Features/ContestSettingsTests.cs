using System.Globalization;
using System.Net;
using Awards.Core.Entries;
using Awards.Web.Features.Exports;
using Awards.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Awards.Web.Tests.Infrastructure.Writing;

namespace Awards.Web.Tests.Features;

/// <summary>
/// The organizer changes the running edition's deadlines, issuing office and rules at
/// /organizer/contest: the change applies at once everywhere (the deadline the server enforces,
/// the public page), is kept in the audit log, and a bad or stale form changes nothing.
/// </summary>
public sealed class ContestSettingsTests(AwardsFactory factory) : IClassFixture<AwardsFactory>, IDisposable
{
    private const string Page = "/organizer/contest";

    public void Dispose() => factory.Clock.Offset = TimeSpan.Zero;

    [Fact]
    public async Task ExtendingTheSubmissionDeadline_LetsAnAuthorSubmitAfterTheOldOne_AndThePublicPageShowsTheNewDate()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var author = await NewAuthorAsync(factory, "settings.late@example.org");
        var draft = await CreateDraftAsync(author, "journey");
        var oldClose = Schedule().SubmissionClosesAt;

        // The contest page has been read (and cached) before the change.
        Assert.Contains(ChinaTime.Shown(oldClose), await organizer.GetStringAsync("/"), StringComparison.Ordinal);

        var fields = Fields(await organizer.GetStringAsync(Page));
        var newClose = oldClose.AddDays(7);
        fields["SubmissionClosesAt"] = ChinaTime.Input(newClose);
        fields["JudgingClosesAt"] = ChinaTime.Input(Later(Schedule().JudgingClosesAt, newClose));
        using (var saved = await organizer.SubmitAsync(Page, Page, fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Contains("活动设置已保存。", await organizer.GetStringAsync(Page), StringComparison.Ordinal);
        Assert.Equal(newClose, Schedule().SubmissionClosesAt);
        var home = await organizer.GetStringAsync("/");
        Assert.Contains(ChinaTime.Shown(newClose), home, StringComparison.Ordinal);
        Assert.DoesNotContain(ChinaTime.Shown(oldClose), home, StringComparison.Ordinal);

        // A day after the old deadline the server takes the essay.
        factory.Clock.Set(oldClose.AddDays(1));
        using (var submitted = await SubmitAsync(author, draft))
        {
            Assert.Equal($"/essays/{draft}/receipt", submitted.Headers.Location?.OriginalString);
        }

        Assert.Equal(EntryStatus.Submitted, factory.WithDb(db => db.Entries.Single(e => e.Code == draft).Status));

        var audit = factory.WithDb(db => db.AuditLog.Where(a => a.Action == "EditContest").OrderBy(a => a.Id).ToList()).Last();
        Assert.Contains(oldClose.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), audit.Before, StringComparison.Ordinal);
        Assert.Contains(newClose.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), audit.After, StringComparison.Ordinal);
        Assert.Contains("修改活动设置", await organizer.GetStringAsync("/organizer/audit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatesOutOfOrder_OrNotADate_AreRefusedWithAMessage_KeepWhatWasTyped_AndChangeNothing()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var before = Schedule();
        var fields = Fields(await organizer.GetStringAsync(Page));

        fields["SubmissionClosesAt"] = ChinaTime.Input(before.SubmissionOpensAt.AddDays(-1));
        fields["RulesZh"] = "## 新规则\n\n这段文字不能丢。";
        using (var outOfOrder = await organizer.SubmitAsync(Page, Page, fields))
        {
            Assert.Equal(HttpStatusCode.OK, outOfOrder.StatusCode);
            var html = await outOfOrder.Content.ReadAsStringAsync();
            Assert.Contains("活动日期须依次为", html, StringComparison.Ordinal);
            Assert.Contains("这段文字不能丢。", html, StringComparison.Ordinal);
        }

        fields["SubmissionClosesAt"] = "十月底";
        using (var notADate = await organizer.SubmitAsync(Page, Page, fields))
        {
            Assert.Equal(HttpStatusCode.OK, notADate.StatusCode);
            Assert.Contains("“十月底”不是有效的日期时间", await notADate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        fields["SubmissionClosesAt"] = ChinaTime.Input(before.SubmissionClosesAt);
        fields["IssuingOfficeZh"] = " ";
        fields["RulesEn"] = new string('x', 20_001);
        using (var missing = await organizer.SubmitAsync(Page, Page, fields))
        {
            var html = await missing.Content.ReadAsStringAsync();
            Assert.Contains("请输入发文单位的中文名称。", html, StringComparison.Ordinal);
            Assert.Contains("活动规则（英文，Markdown）最多", html, StringComparison.Ordinal);
        }

        Assert.Equal(before, Schedule());
        Assert.DoesNotContain("这段文字不能丢", factory.WithDb(db => db.Contests.Single(c => c.IsCurrent).Rules.Zh), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASaveFromAPageOpenedBeforeAnotherSave_IsRefused_ButTheSameFormTwice_IsNoError()
    {
        var first = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var second = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var firstFields = Fields(await first.GetStringAsync(Page));
        var secondFields = Fields(await second.GetStringAsync(Page));
        var token = await first.TokenFromAsync(Page);

        firstFields["IssuingOfficeZh"] = "清河市乡村振兴局";
        using (var saved = await first.Client.PostAsync(Page, Form(firstFields, token)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        // The same form again (a second click): nothing new to save, and no error.
        using (var again = await first.Client.PostAsync(Page, Form(firstFields, token)))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        Assert.Contains("没有任何改动。", await first.GetStringAsync(Page), StringComparison.Ordinal);

        // The other organizer's page still holds the old office: their save would undo it unseen.
        secondFields["RulesZh"] = "另一位组织者的规则";
        string refused;
        using (var stale = await second.SubmitAsync(Page, Page, secondFields))
        {
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            refused = await stale.Content.ReadAsStringAsync();
        }

        Assert.Contains("活动设置已被他人修改", refused, StringComparison.Ordinal);
        Assert.Contains("当前已保存：清河市乡村振兴局", refused, StringComparison.Ordinal);
        Assert.Contains("另一位组织者的规则", refused, StringComparison.Ordinal);
        var contest = factory.WithDb(db => db.Contests.Single(c => c.IsCurrent));
        Assert.Equal("清河市乡村振兴局", contest.IssuingOffice.Zh);
        Assert.NotEqual("另一位组织者的规则", contest.Rules.Zh);
        Assert.Equal(1, factory.WithDb(db => db.AuditLog.Count(a => a.Action == "EditContest" && a.After!.Contains("清河市乡村振兴局"))));

        // Having seen what is saved now, they save again from that page: their values replace it.
        var retyped = Fields(refused);
        using (var replaced = await second.Client.PostAsync(Page, Form(retyped, await second.TokenFromAsync(Page))))
        {
            Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        }

        contest = factory.WithDb(db => db.Contests.Single(c => c.IsCurrent));
        Assert.Equal(("另一位组织者的规则", "清河市扶贫开发领导小组办公室"), (contest.Rules.Zh, contest.IssuingOffice.Zh));
    }

    [Fact]
    public async Task TwoOrganizersSavingAtOnce_FromPagesOpenedTogether_OneSaveWins_AndTheOtherIsTold()
    {
        var first = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var second = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var a = Fields(await first.GetStringAsync(Page));
        var b = Fields(await second.GetStringAsync(Page));
        var (tokenA, tokenB) = (await first.TokenFromAsync(Page), await second.TokenFromAsync(Page));
        a["IssuingOfficeEn"] = "Office A";
        b["IssuingOfficeEn"] = "Office B";

        var responses = await Task.WhenAll(first.Client.PostAsync(Page, Form(a, tokenA)), second.Client.PostAsync(Page, Form(b, tokenB)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Contains("活动设置已被他人修改", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var saved = factory.WithDb(db => db.Contests.Single(c => c.IsCurrent).IssuingOffice.En);
        Assert.True(saved is "Office A" or "Office B", saved);
        Assert.Equal(1, factory.WithDb(db => db.AuditLog.Count(a => a.Action == "EditContest" && (a.After!.Contains("Office A") || a.After!.Contains("Office B")))));
    }

    [Fact]
    public async Task TheDeadlines_NameTheirZone_AsEveryDateOnTheSiteDoes()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        Assert.Contains("时间安排<span class=\"small text-muted\">（北京时间）</span>", await organizer.GetStringAsync(Page), StringComparison.Ordinal);
        Assert.Contains("Deadlines<span class=\"small text-muted\"> (UTC+8)</span>", WebUtility.HtmlDecode(await organizer.GetStringAsync(Page + "?culture=en")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewRules_ShowOnThePublicPage_AsSafeHtml()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var fields = Fields(await organizer.GetStringAsync(Page));
        fields["RulesZh"] = "## 征文要求\n\n字数 **1000 至 6000 字**。<script>alert(1)</script> [链接](javascript:alert(1))";
        fields["RulesEn"] = "## Requirements\n\nFrom 1,000 to 6,000 characters.";
        (await organizer.SubmitAsync(Page, Page, fields)).Dispose();

        var anonymous = new Browser(factory);
        var chinese = await anonymous.GetStringAsync("/");
        Assert.Contains("<h3>征文要求</h3>", chinese, StringComparison.Ordinal);
        Assert.Contains("<strong>1000 至 6000 字</strong>", chinese, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", chinese, StringComparison.Ordinal);
        Assert.Contains("<h3>Requirements</h3>", await anonymous.GetStringAsync("/?culture=en"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDocumentNumber_IsSavedAsTheNoticePrintsIt_AndOneThatIsNotADocumentNumber_IsRefused()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var form = await organizer.GetStringAsync(Page);
        Assert.Contains("发文字号", form, StringComparison.Ordinal);
        Assert.Contains("Document number", await organizer.GetStringAsync(Page + "?culture=en"), StringComparison.Ordinal);

        var fields = Fields(form);
        fields["DocumentNumber"] = "清扶组〔2026〕第3号";
        fields["RulesZh"] = "这段规则不能丢。";
        using (var refused = await organizer.SubmitAsync(Page, Page, fields))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Contains("发文字号应由发文机关代字", html, StringComparison.Ordinal);
            Assert.Contains("这段规则不能丢。", html, StringComparison.Ordinal);
        }

        Assert.Equal(string.Empty, factory.WithDb(db => db.Contests.Single(c => c.IsCurrent).DocumentNumber));
        Assert.DoesNotContain("这段规则不能丢", factory.WithDb(db => db.Contests.Single(c => c.IsCurrent).Rules.Zh), StringComparison.Ordinal);

        // Square brackets typed for want of 〔〕 are saved as the notice prints them.
        fields["DocumentNumber"] = "清扶组[2026]3号";
        using (var saved = await organizer.SubmitAsync(Page, Page, fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal("清扶组〔2026〕3号", factory.WithDb(db => db.Contests.Single(c => c.IsCurrent).DocumentNumber));
        Assert.Contains("value=\"清扶组〔2026〕3号\"", WebUtility.HtmlDecode(await organizer.GetStringAsync(Page)), StringComparison.Ordinal);
        Assert.Contains("清扶组〔2026〕3号", factory.WithDb(db => db.AuditLog.Where(a => a.Action == "EditContest").OrderBy(a => a.Id).ToList()).Last().After, StringComparison.Ordinal);
        using (var scope = factory.Services.CreateScope())
        {
            var contest = await scope.ServiceProvider.GetRequiredService<ExportData>().ContestAsync(proposed: true, CancellationToken.None);
            Assert.Equal("清扶组〔2026〕3号", contest.DocumentNumber);
        }

        // Emptied, the notice has none again.
        fields = Fields(await organizer.GetStringAsync(Page));
        fields["DocumentNumber"] = " ";
        (await organizer.SubmitAsync(Page, Page, fields)).Dispose();
        Assert.Equal(string.Empty, factory.WithDb(db => db.Contests.Single(c => c.IsCurrent).DocumentNumber));
    }

    /// <summary>RouteTests refuses every other role and every post without the session's token on all routes; here, that such a post changes nothing.</summary>
    [Fact]
    public async Task AJudgesPost_AndAPostWithoutTheFormsToken_ChangeNothing_AndTheDashboardLinksTheSettings()
    {
        var before = Schedule();
        var judge = await Nominating.SignedInAsync(factory, "judge.huang@demo.example");
        var token = await judge.TokenFromAsync("/");
        using (var post = await judge.Client.PostAsync(Page, Form(new Dictionary<string, string> { ["SubmissionClosesAt"] = "2030-01-01T00:00" }, token)))
        {
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
            Assert.StartsWith("/account/access-denied", post.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var fields = Fields(await organizer.GetStringAsync(Page));
        fields["SubmissionClosesAt"] = "2030-01-01T00:00";
        using (var forged = await organizer.Client.PostAsync(Page, new FormUrlEncodedContent(fields)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        Assert.Equal(before, Schedule());
        Assert.Contains("href=\"/organizer/contest\"", await organizer.GetStringAsync("/organizer"), StringComparison.Ordinal);
    }

    private Core.Contests.ContestSchedule Schedule() => factory.WithDb(db => db.Contests.Single(c => c.IsCurrent).Schedule);

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b.AddDays(1);

    private static FormUrlEncodedContent Form(Dictionary<string, string> fields, string token) => FormFields.WithToken(fields, token);

    private static Dictionary<string, string> Fields(string html) => FormFields.Read(html, "contest-settings");
}
