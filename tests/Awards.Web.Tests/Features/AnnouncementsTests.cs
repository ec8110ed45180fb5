using System.Net;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Features;

/// <summary>
/// The organizer's announcements (通知公告): a draft is seen by nobody else, a published one is on
/// the contest page and at /announcements in the reader's language, an edit shows at once, one
/// taken down is gone from the public site but kept; every change is audited, and a bad, stale,
/// repeated or someone else's request changes nothing.
/// </summary>
public sealed class AnnouncementsTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private const string List = "/organizer/announcements";

    private const string New = "/organizer/announcements/new";

    [Fact]
    public async Task ADraft_IsSeenOnlyByOrganizers_ThenPublished_IsOnTheContestPage_InTheReadersLanguage_AndTakenDown_IsGoneButKept()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var form = FormFields.Read(await organizer.GetStringAsync(New), "announcement");
        form["Form.TitleZh"] = "关于延长征文截止时间的通知";
        form["Form.BodyZh"] = "征文截止时间延长至 **10 月 10 日**。";
        form["publish"] = "false";
        using (var drafted = await organizer.SubmitAsync(New, New, form))
        {
            Assert.Equal(List, drafted.Headers.Location?.OriginalString);
        }

        // A second click on the same form makes no second draft.
        (await organizer.SubmitAsync(New, New, form)).Dispose();
        var id = factory.WithDb(db => db.Announcements.AsEnumerable().Single(a => a.Title.Zh == "关于延长征文截止时间的通知").Id);
        var page = $"{List}/{id}";
        Assert.Contains("草稿", await organizer.GetStringAsync(List), StringComparison.Ordinal);

        // The public sees nothing of a draft.
        var visitor = new Browser(factory);
        Assert.DoesNotContain("延长征文截止时间", await visitor.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain("延长征文截止时间", await visitor.GetStringAsync("/announcements"), StringComparison.Ordinal);
        using (var hidden = await visitor.Client.GetAsync($"/announcements/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        // Published with an English version.
        var edit = FormFields.Read(await organizer.GetStringAsync(page), "announcement");
        edit["Form.TitleEn"] = "The essay deadline is extended";
        edit["Form.BodyEn"] = "Essays are now due on **10 October**.";
        edit["publish"] = "true";
        using (var published = await organizer.SubmitAsync(page, page, edit))
        {
            Assert.Equal(List, published.Headers.Location?.OriginalString);
        }

        Assert.Contains("已发布在评选首页", await organizer.GetStringAsync(List), StringComparison.Ordinal);
        var home = await visitor.GetStringAsync("/");
        Assert.Contains("data-testid=\"latest-announcements\"", home, StringComparison.Ordinal);
        Assert.Contains($"href=\"/announcements/{id}\"", home, StringComparison.Ordinal);
        var shown = await visitor.GetStringAsync($"/announcements/{id}");
        Assert.Contains("<strong>10 月 10 日</strong>", shown, StringComparison.Ordinal);
        var english = await visitor.GetStringAsync($"/announcements/{id}?culture=en");
        Assert.Contains("The essay deadline is extended", english, StringComparison.Ordinal);
        Assert.Contains("<strong>10 October</strong>", english, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"chinese-only\"", english, StringComparison.Ordinal);

        // An edit of a published one shows at once.
        edit = FormFields.Read(await organizer.GetStringAsync(page), "announcement");
        edit["Form.BodyZh"] = "征文截止时间延长至 **10 月 12 日**。";
        (await organizer.SubmitAsync(page, page, edit)).Dispose();
        Assert.Contains("<strong>10 月 12 日</strong>", await visitor.GetStringAsync($"/announcements/{id}"), StringComparison.Ordinal);

        // Taken down: gone from the public site, still in the organizer's list, and it cannot be deleted.
        using (var down = await organizer.PostAsync(page, $"{page}/withdraw"))
        {
            Assert.Equal(List, down.Headers.Location?.OriginalString);
        }

        Assert.DoesNotContain("延长征文截止时间", await visitor.GetStringAsync("/"), StringComparison.Ordinal);
        using (var gone = await visitor.Client.GetAsync($"/announcements/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        var revision = factory.WithDb(db => db.Announcements.Single(a => a.Id == id).Revision).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (var refused = await organizer.SubmitAsync(List, $"{page}/delete", new Dictionary<string, string> { ["revision"] = revision }))
        {
            Assert.Equal(page, refused.Headers.Location?.OriginalString);
        }

        Assert.Contains("已发布过的通知公告不能删除", await organizer.GetStringAsync(page), StringComparison.Ordinal);
        Assert.Equal(1, factory.WithDb(db => db.Announcements.Count(a => a.Id == id)));
        Assert.Contains("已撤下", await organizer.GetStringAsync(List), StringComparison.Ordinal);

        var audit = factory.WithDb(db => db.AuditLog.Where(a => a.EntityType == "Announcement" && a.EntityKey == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(a => a.Id).Select(a => a.Action).ToList());
        Assert.Equal(["AddAnnouncement", "EditAnnouncement", "PublishAnnouncement", "EditAnnouncement", "WithdrawAnnouncement"], audit);
        Assert.Contains("10 月 12 日", factory.WithDb(db => db.AuditLog.Where(a => a.Action == "EditAnnouncement").OrderBy(a => a.Id).Last().After), StringComparison.Ordinal);
        Assert.Contains("通知公告已撤下", await organizer.GetStringAsync("/organizer/audit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PinnedComeFirst_TheContestPageShowsTheLatestFive_AndAChineseOnlyOneIsMarkedForEnglishReaders()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        await PublishAsync(organizer, "置顶的颁奖典礼安排", pinned: true);
        for (var i = 1; i <= 5; i++)
        {
            await PublishAsync(organizer, $"第{i}号通知");
        }

        var home = await new Browser(factory).GetStringAsync("/");
        var card = home[home.IndexOf("data-testid=\"latest-announcements\"", StringComparison.Ordinal)..];
        card = card[..card.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.True(card.IndexOf("置顶的颁奖典礼安排", StringComparison.Ordinal) < card.IndexOf("第5号通知", StringComparison.Ordinal));
        Assert.True(card.IndexOf("第5号通知", StringComparison.Ordinal) < card.IndexOf("第2号通知", StringComparison.Ordinal));
        Assert.DoesNotContain("第1号通知", card, StringComparison.Ordinal);
        Assert.Contains("第1号通知", await new Browser(factory).GetStringAsync("/announcements"), StringComparison.Ordinal);

        var english = await new Browser(factory).GetStringAsync("/announcements?culture=en");
        Assert.Contains("第1号通知", english, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"chinese-only\"", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadForm_AStaleSave_AndMarkdownWithScript_ChangeNothingOrAreMadeSafe_AndOnlyOrganizersManageThem()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var count = factory.WithDb(db => db.Announcements.Count());

        // No title, and an English title without its text: refused with messages, what was typed stays.
        var form = FormFields.Read(await organizer.GetStringAsync(New), "announcement");
        form["Form.TitleZh"] = " ";
        form["Form.TitleEn"] = "Half in English";
        form["Form.BodyZh"] = "正文";
        using (var bad = await organizer.SubmitAsync(New, New, form))
        {
            var html = await bad.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("请输入中文标题。", html, StringComparison.Ordinal);
            Assert.Contains("英文标题和英文正文请都填写或都留空", html, StringComparison.Ordinal);
            Assert.Contains("value=\"Half in English\"", html, StringComparison.Ordinal);

            // A refused field is announced as such, and points at its message.
            var title = System.Text.RegularExpressions.Regex.Match(html, "<input[^>]*name=\"Form.TitleZh\"[^>]*>").Value;
            Assert.Contains("aria-invalid=\"true\"", title, StringComparison.Ordinal);
            Assert.Contains("aria-describedby=\"Form_TitleZh-error\"", title, StringComparison.Ordinal);
            Assert.Matches("<span[^>]*id=\"Form_TitleZh-error\"[^>]*>请输入中文标题。", html);
            Assert.DoesNotContain("aria-invalid", System.Text.RegularExpressions.Regex.Match(html, "<textarea[^>]*name=\"Form.BodyZh\"[^>]*>").Value, StringComparison.Ordinal);
        }

        Assert.Equal(count, factory.WithDb(db => db.Announcements.Count()));

        // Markdown with a script and a javascript: link is shown safely.
        var id = await PublishAsync(organizer, "安全测试", body: "<script>alert(1)</script>[点击](javascript:alert(1)) <img src=x onerror=alert(1)>");
        var shown = await new Browser(factory).GetStringAsync($"/announcements/{id}");
        HtmlSafety.AssertNoActiveContent(shown, "announcement");

        // Two pages open on it: the second save would undo the first unseen.
        var page = $"{List}/{id}";
        var first = FormFields.Read(await organizer.GetStringAsync(page), "announcement");
        var second = new Dictionary<string, string>(first);
        first["Form.BodyZh"] = "第一位组织者的修改";
        (await organizer.SubmitAsync(page, page, first)).Dispose();
        second["Form.BodyZh"] = "第二位组织者的修改";
        using (var stale = await organizer.SubmitAsync(page, page, second))
        {
            var html = await stale.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            Assert.Contains("他人修改了这条通知公告，因此未保存任何内容", html, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"saved-now\"", html, StringComparison.Ordinal);
            Assert.Contains("第一位组织者的修改", html, StringComparison.Ordinal);
        }

        Assert.Equal("第一位组织者的修改", factory.WithDb(db => db.Announcements.Single(a => a.Id == id).Body.Zh));

        // An unknown id, and pages for organizers only.
        using (var unknown = await organizer.Client.GetAsync($"{List}/999999"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        var coordinator = await Nominating.SignedInAsync(factory, "coordinator.qingshan@demo.example");
        using (var forbidden = await coordinator.Client.GetAsync(List))
        {
            Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);
        }

        var token = await coordinator.TokenFromAsync("/coordinator");
        using (var tampered = await coordinator.Client.PostAsync($"{page}/withdraw", FormFields.WithToken([], token)))
        {
            Assert.NotEqual(List, tampered.Headers.Location?.OriginalString);
        }

        Assert.NotNull(factory.WithDb(db => db.Announcements.Single(a => a.Id == id).PublishedAt));
    }

    [Fact]
    public async Task ADraft_CanBeDeleted_Once()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var form = FormFields.Read(await organizer.GetStringAsync(New), "announcement");
        form["Form.TitleZh"] = "写错了的草稿";
        form["Form.BodyZh"] = "草稿正文";
        form["publish"] = "false";
        (await organizer.SubmitAsync(New, New, form)).Dispose();
        var id = factory.WithDb(db => db.Announcements.AsEnumerable().Single(a => a.Title.Zh == "写错了的草稿").Id);
        var page = $"{List}/{id}";
        var delete = FormFields.Read(await organizer.GetStringAsync(page), "delete-draft");
        using (var deleted = await organizer.SubmitAsync(page, $"{page}/delete", delete))
        {
            Assert.Equal(List, deleted.Headers.Location?.OriginalString);
        }

        Assert.Contains("草稿“写错了的草稿”已删除", await organizer.GetStringAsync(List), StringComparison.Ordinal);
        Assert.Equal(0, factory.WithDb(db => db.Announcements.Count(a => a.Id == id)));
        Assert.Contains(factory.WithDb(db => db.AuditLog.Where(a => a.EntityType == "Announcement" && a.EntityKey == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(a => a.Action).ToList()), a => a == "DeleteAnnouncement");
    }

    private async Task<int> PublishAsync(Browser organizer, string title, bool pinned = false, string body = "正文。")
    {
        var form = FormFields.Read(await organizer.GetStringAsync(New), "announcement");
        form["Form.TitleZh"] = title;
        form["Form.BodyZh"] = body;
        form["publish"] = "true";
        if (pinned)
        {
            form["Form.Pinned"] = "true";
        }

        using (var published = await organizer.SubmitAsync(New, New, form))
        {
            Assert.Equal(List, published.Headers.Location?.OriginalString);
        }

        return factory.WithDb(db => db.Announcements.AsEnumerable().Single(a => a.Title.Zh == title).Id);
    }
}
