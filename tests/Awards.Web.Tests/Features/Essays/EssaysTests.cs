using System.Net;
using Awards.Core.Entries;
using Awards.Web.Tests.Infrastructure;
using static Awards.Web.Tests.Infrastructure.Writing;

namespace Awards.Web.Tests.Features.Essays;

/// <summary>An author's essays from draft to receipt, and every refusal on the way.</summary>
public sealed class EssaysTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task Author_WritesAnEssay_Submits_AndSeesTheReceiptAndTheStatus()
    {
        var browser = await NewAuthorAsync(factory, "writer.one@example.org");

        var code = await CreateDraftAsync(browser, "help-story", Essay(title: "山路弯弯"));
        using var submitted = await SubmitAsync(browser, code);

        Assert.Equal($"/essays/{code}/receipt", submitted.Headers.Location?.OriginalString);
        var receipt = await browser.GetStringAsync($"/essays/{code}/receipt");
        Assert.Contains("征文已提交", receipt, StringComparison.Ordinal);
        Assert.Contains(code, receipt, StringComparison.Ordinal);
        var dashboard = await browser.GetStringAsync("/author");
        Assert.Contains("山路弯弯", dashboard, StringComparison.Ordinal);
        Assert.Contains("已提交", dashboard, StringComparison.Ordinal);
        var entry = factory.WithDb(db => db.Entries.Single(e => e.Code == code));
        Assert.Equal((EntryStatus.Submitted, (int?)1, (int?)null), (entry.Status, entry.OwnerSlot, entry.UnitSlot));
        Assert.NotNull(entry.DeclaredOriginalAt);
        Assert.Equal(["Essay created", "Essay submitted"], factory.WithDb(db => db.AuditLog.Where(a => a.EntityKey == code).OrderBy(a => a.Id).Select(a => a.Action).ToList()));

        // The receipt also comes by mail, once: a second click finds the essay submitted.
        (await SubmitAsync(browser, code)).Dispose();
        var mailed = Assert.Single(await Mails.InAsync(factory), m => m.To == "writer.one@example.org" && m.Subject == $"作品 {code} 已收到");
        Assert.Contains("《山路弯弯》", mailed.Body, StringComparison.Ordinal);
        Assert.Contains($"作品编号为 {code}", mailed.Body, StringComparison.Ordinal);
        Assert.Contains($"/essays/{code}", mailed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_WithoutTheOriginalityDeclaration_IsRefused()
    {
        var browser = await NewAuthorAsync(factory, "writer.two@example.org");
        var code = await CreateDraftAsync(browser, "journey", Essay(original: false));

        (await SubmitAsync(browser, code)).Dispose();

        Assert.Contains("提交前请确认原创声明", await browser.GetStringAsync($"/essays/{code}"), StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Draft, factory.WithDb(db => db.Entries.Single(e => e.Code == code).Status));
    }

    [Fact]
    public async Task ASecondEssayInTheSameTheme_IsRefused_ButAnotherThemeIsFine()
    {
        var browser = await NewAuthorAsync(factory, "writer.three@example.org");
        var first = await CreateDraftAsync(browser, "help-story");
        var second = await CreateDraftAsync(browser, "help-story", Essay(title: "第二篇"));
        var other = await CreateDraftAsync(browser, "journey");
        (await SubmitAsync(browser, first)).Dispose();

        (await SubmitAsync(browser, second)).Dispose();
        Assert.Contains("该征文主题每人最多提交 1 篇，您已达上限", await browser.GetStringAsync($"/essays/{second}"), StringComparison.Ordinal);
        using var otherTheme = await SubmitAsync(browser, other);

        Assert.Equal(EntryStatus.Draft, factory.WithDb(db => db.Entries.Single(e => e.Code == second).Status));
        Assert.Equal($"/essays/{other}/receipt", otherTheme.Headers.Location?.OriginalString);
        Assert.DoesNotContain("/essays/new/help-story", await browser.GetStringAsync("/author"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooShortAnEssay_SaysHowLongItIs()
    {
        var browser = await NewAuthorAsync(factory, "writer.four@example.org");
        var code = await CreateDraftAsync(browser, "help-story", Essay(body: "太短了。"));

        (await SubmitAsync(browser, code)).Dispose();

        Assert.Contains("正文共 4 字，要求 1000 至 6000 字", await browser.GetStringAsync($"/essays/{code}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParallelSubmissions_OfTwoDraftsInOneTheme_AcceptExactlyOne()
    {
        var browser = await NewAuthorAsync(factory, "writer.five@example.org");
        var drafts = new List<(string Code, string Token)>();
        for (var i = 0; i < 6; i++)
        {
            var code = await CreateDraftAsync(browser, "journey", Essay(title: $"并发 {i}"));
            drafts.Add((code, await browser.TokenFromAsync($"/essays/{code}")));
        }

        using var start = new SemaphoreSlim(0);
        var posts = drafts.Select(async d =>
        {
            await start.WaitAsync();
            using var response = await browser.Client.PostAsync($"/essays/{d.Code}/submit", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = d.Token }));
            return response.Headers.Location?.OriginalString ?? response.StatusCode.ToString();
        }).ToList();
        start.Release(drafts.Count);
        var results = await Task.WhenAll(posts);

        Assert.Single(results, r => r.EndsWith("/receipt", StringComparison.Ordinal));
        var owner = factory.WithDb(db => db.Users.Single(u => u.Email == "writer.five@example.org").Id);
        Assert.Equal(1, factory.WithDb(db => db.Entries.Count(e => e.OwnerUserId == owner && e.Status == EntryStatus.Submitted)));
    }

    [Fact]
    public async Task AnotherAuthor_GetsNotFound_ForEveryAction()
    {
        var owner = await NewAuthorAsync(factory, "writer.six@example.org");
        var code = await CreateDraftAsync(owner, "help-story", Essay(title: "别人的作品"));
        var other = await NewAuthorAsync(factory, "writer.seven@example.org");
        var token = await other.TokenFromAsync("/essays/new/help-story");

        foreach (var url in new[] { $"/essays/{code}", $"/essays/{code}/edit", $"/essays/{code}/receipt" })
        {
            using var response = await other.Client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url}: {response.StatusCode}");
        }

        foreach (var url in new[] { $"/essays/{code}/edit", $"/essays/{code}/submit", $"/essays/{code}/withdraw" })
        {
            using var response = await other.Client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(Essay(title: "篡改")) { ["__RequestVerificationToken"] = token }));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {url}: {response.StatusCode}");
        }

        using var import = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(SampleFiles.Docx()), "file", "x.docx" },
        };
        using var imported = await other.Client.PostAsync($"/essays/{code}/import", import);
        Assert.Equal(HttpStatusCode.NotFound, imported.StatusCode);
        Assert.Equal(("别人的作品", EntryStatus.Draft), factory.WithDb(db => db.Entries.Where(e => e.Code == code).Select(e => new { e.Title, e.Status }).AsEnumerable().Select(e => (e.Title, e.Status)).Single()));

        var coordinator = await Nominating.SignedInAsync(factory, "coordinator.qingshan@demo.example");
        using var asCoordinator = await coordinator.Client.GetAsync($"/essays/{code}");
        Assert.Equal(HttpStatusCode.Redirect, asCoordinator.StatusCode);
    }

    [Fact]
    public async Task AfterTheDeadline_NothingChanges()
    {
        var browser = await NewAuthorAsync(factory, "writer.eight@example.org");
        var code = await CreateDraftAsync(browser, "journey");
        var token = await browser.TokenFromAsync($"/essays/{code}");
        var closes = factory.WithDb(db => db.Contests.Single(c => c.IsCurrent).Schedule.SubmissionClosesAt);
        factory.Clock.Set(closes);
        try
        {
            (await SubmitAsync(browser, code)).Dispose();
            Assert.Contains("报送已截止", await browser.GetStringAsync($"/essays/{code}"), StringComparison.Ordinal);
            using var edited = await browser.Client.PostAsync($"/essays/{code}/edit", new FormUrlEncodedContent(new Dictionary<string, string>(Essay(title: "截止后")) { ["__RequestVerificationToken"] = token }));
            Assert.Contains("报送已截止", await edited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(EntryStatus.Draft, factory.WithDb(db => db.Entries.Single(e => e.Code == code).Status));
            Assert.NotEqual("截止后", factory.WithDb(db => db.Entries.Single(e => e.Code == code).Title));
        }
        finally
        {
            factory.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Withdraw_FreesTheTheme_ForANewEssay()
    {
        var browser = await NewAuthorAsync(factory, "writer.nine@example.org");
        var first = await CreateDraftAsync(browser, "help-story");
        (await SubmitAsync(browser, first)).Dispose();

        (await browser.PostAsync($"/essays/{first}", $"/essays/{first}/withdraw")).Dispose();
        var second = await CreateDraftAsync(browser, "help-story", Essay(title: "重写"));
        using var submitted = await SubmitAsync(browser, second);

        Assert.Equal($"/essays/{second}/receipt", submitted.Headers.Location?.OriginalString);
        Assert.Equal(EntryStatus.Withdrawn, factory.WithDb(db => db.Entries.Single(e => e.Code == first).Status));
    }

    [Fact]
    public async Task ThePreview_PutsAnEssaysHeadingsUnderTheFormsTitle_WithoutSkippingALevel()
    {
        var browser = await NewAuthorAsync(factory, "writer.headings@example.org");
        var form = await browser.GetStringAsync("/essays/new/help-story");
        var token = await browser.TokenFromAsync("/essays/new/help-story");

        using var preview = await browser.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/markdown/preview")
        {
            Headers = { { "RequestVerificationToken", token } },
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "# 搬出大山\n\n那一年。\n\n### 新家\n\n后来。" }),
        });
        var html = await preview.Content.ReadAsStringAsync();

        // The form's title is its h1; the essay's two levels follow as h2 and h3.
        Assert.Single(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(form).QuerySelectorAll("h1"));
        Assert.Contains("<h2>搬出大山</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>新家</h3>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h4>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePreview_RendersSafeHtml_ForSignedInUsersWithTheToken()
    {
        var browser = await NewAuthorAsync(factory, "writer.ten@example.org");
        var token = await browser.TokenFromAsync("/essays/new/help-story");

        using var preview = await browser.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/markdown/preview")
        {
            Headers = { { "RequestVerificationToken", token } },
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "**加粗** <script>alert(1)</script> [x](javascript:alert(1))" }),
        });
        var html = await preview.Content.ReadAsStringAsync();
        using var withoutToken = await browser.Client.PostAsync("/markdown/preview", new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "x" }));
        using var anonymous = await new Browser(factory).Client.PostAsync("/markdown/preview", new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "x" }));

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("<strong>加粗</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Fact]
    public async Task TheUnitsCoordinator_SeesItsAuthorsParticipation_ButNotOtherUnits()
    {
        var browser = await NewAuthorAsync(factory, "shimen.author@example.org", unit: "shimen", name: "石门作者");
        var code = await CreateDraftAsync(browser, "help-story", Essay(title: "石门的茶"));
        (await SubmitAsync(browser, code)).Dispose();
        await Nominating.CreateUserAsync(factory, "coordinator.shimen@example.org", Awards.Core.Identity.Roles.UnitCoordinator, "shimen");
        var shimen = await Nominating.SignedInAsync(factory, "coordinator.shimen@example.org");
        var qingshan = await Nominating.SignedInAsync(factory, "coordinator.qingshan@demo.example");

        var own = await shimen.GetStringAsync("/coordinator");
        var other = await qingshan.GetStringAsync("/coordinator");

        Assert.Contains("石门的茶", own, StringComparison.Ordinal);
        Assert.Contains("石门作者", own, StringComparison.Ordinal);
        Assert.Contains("已提交 1 篇", own, StringComparison.Ordinal);
        Assert.DoesNotContain("石门的茶", other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneAccount_StartsAtMostTenEntriesInATheme_SoItCannotFillTheDiskWithDrafts()
    {
        var browser = await NewAuthorAsync(factory, "many.drafts@example.org");
        for (var i = 0; i < new Web.Infrastructure.UploadOptions().EntriesPerAccount; i++)
        {
            await CreateDraftAsync(browser, "journey", Essay(title: $"第 {i + 1} 份草稿"));
        }

        using (var refused = await browser.SubmitAsync("/essays/new/journey", "/essays/new/journey", Essay(title: "第 11 份草稿")))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("已达每个账号的上限", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var imported = await browser.UploadAsync("/essays/new/journey", "/essays/new/journey/import", "第十一份.docx", SampleFiles.Docx("从土坯房到新楼房")))
        {
            Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        }

        Assert.Contains("已达每个账号的上限", await browser.GetStringAsync("/essays/new/journey"), StringComparison.Ordinal);
        Assert.Equal(10, factory.WithDb(db => db.Entries.Count(e => db.Users.Any(u => u.Id == e.OwnerUserId && u.Email == "many.drafts@example.org"))));

        // Another theme is counted apart.
        await CreateDraftAsync(browser, "help-story");
    }

    [Fact]
    public async Task ParallelNewDrafts_StopAtTheCap_ForTheyAreCountedUnderTheWriteLock()
    {
        var browser = await NewAuthorAsync(factory, "burst.drafts@example.org");
        var cap = new Web.Infrastructure.UploadOptions().EntriesPerAccount;
        for (var i = 0; i < cap - 2; i++)
        {
            await CreateDraftAsync(browser, "journey", Essay(title: $"草稿 {i + 1}"));
        }

        // Twenty posts at once for the last two places, as a script (or impatient clicks in many tabs) would send them.
        var token = await browser.TokenFromAsync("/essays/new/journey");
        using var start = new SemaphoreSlim(0);
        var posts = Enumerable.Range(0, 20).Select(async i =>
        {
            await start.WaitAsync();
            var fields = new Dictionary<string, string>(Essay(title: $"并发草稿 {i}")) { ["__RequestVerificationToken"] = token };
            using var response = await browser.Client.PostAsync("/essays/new/journey", new FormUrlEncodedContent(fields));
            return response.StatusCode;
        }).ToList();
        start.Release(20);
        var results = await Task.WhenAll(posts);

        Assert.Equal(2, results.Count(r => r == HttpStatusCode.Redirect));
        Assert.Equal(18, results.Count(r => r == HttpStatusCode.OK));
        Assert.Equal(cap, factory.WithDb(db => db.Entries.Count(e => db.Users.Any(u => u.Id == e.OwnerUserId && u.Email == "burst.drafts@example.org"))));
    }

    [Fact]
    public async Task AnAuthorWhoseThemeIsFull_IsToldBeforeWriting_NotAtSubmit()
    {
        var browser = await NewAuthorAsync(factory, "full.theme@example.org");
        var first = await CreateDraftAsync(browser, "help-story");
        (await SubmitAsync(browser, first)).Dispose();

        using (var opened = await browser.Client.GetAsync("/essays/new/help-story"))
        {
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
            Assert.Equal("/author", opened.Headers.Location?.OriginalString);
        }

        Assert.Contains("该征文主题每人最多提交 1 篇，您已达上限", await browser.GetStringAsync("/author"), StringComparison.Ordinal);
        var token = await browser.TokenFromAsync("/essays/new/journey");
        var fields = new Dictionary<string, string>(Essay(title: "又一篇")) { ["__RequestVerificationToken"] = token };
        using (var posted = await browser.Client.PostAsync("/essays/new/help-story", new FormUrlEncodedContent(fields)))
        {
            // A form opened before the first essay was submitted: refused with the text kept on the page.
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            var page = await posted.Content.ReadAsStringAsync();
            Assert.Contains("该征文主题每人最多提交 1 篇，您已达上限", page, StringComparison.Ordinal);
            Assert.Contains("又一篇", page, StringComparison.Ordinal);
        }

        Assert.Equal(1, factory.WithDb(db => db.Entries.Count(e => e.Track.Code == "help-story" && db.Users.Any(u => u.Id == e.OwnerUserId && u.Email == "full.theme@example.org"))));

        // Another theme still opens, and withdrawing the essay frees the place again.
        using (var other = await browser.Client.GetAsync("/essays/new/journey"))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        (await browser.PostAsync($"/essays/{first}", $"/essays/{first}/withdraw")).Dispose();
        Assert.Equal(EntryStatus.Withdrawn, factory.WithDb(db => db.Entries.Single(e => e.Code == first).Status));
        using var reopened = await browser.Client.GetAsync("/essays/new/help-story");
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
    }

    [Fact]
    public async Task TheDashboard_NamesDraftsNotSubmitted_BeforeAndAfterTheDeadline()
    {
        var browser = await NewAuthorAsync(factory, "forgetful.writer@example.org");
        Assert.DoesNotContain("data-testid=\"not-submitted\"", await browser.GetStringAsync("/author"), StringComparison.Ordinal);
        var code = await CreateDraftAsync(browser, "journey");

        Assert.Contains("尚未提交：1 份。草稿不会参加评审", await browser.GetStringAsync("/author"), StringComparison.Ordinal);
        try
        {
            factory.Clock.Offset = TimeSpan.FromDays(60);
            Assert.Contains("未提交：1 份。提交期已结束", await browser.GetStringAsync("/author"), StringComparison.Ordinal);
        }
        finally
        {
            factory.Clock.Offset = TimeSpan.Zero;
        }

        (await SubmitAsync(browser, code)).Dispose();
        Assert.DoesNotContain("data-testid=\"not-submitted\"", await browser.GetStringAsync("/author"), StringComparison.Ordinal);
    }
}
