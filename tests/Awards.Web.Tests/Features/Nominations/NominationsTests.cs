using System.Net;
using Awards.Core.Entries;
using Awards.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Awards.Web.Tests.Infrastructure.Nominating;

namespace Awards.Web.Tests.Features.Nominations;

/// <summary>A coordinator's nominations from draft to receipt, and every refusal on the way.</summary>
public sealed class NominationsTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private const string Qingshan = "coordinator.qingshan@demo.example";

    [Fact]
    public async Task Coordinator_SavesADraft_Submits_AndGetsAReceiptWithTheCode()
    {
        // The unit's second coordinator, who answers for its nominations too, and one whose account is off.
        await CreateUserAsync(factory, "deputy.yunling@example.org", Core.Identity.Roles.UnitCoordinator, "yunling", "副主任");
        await CreateUserAsync(factory, "former.yunling@example.org", Core.Identity.Roles.UnitCoordinator, "yunling", "前任");
        factory.WithDb(db =>
        {
            db.Users.Single(u => u.Email == "former.yunling@example.org").DeactivatedAt = DateTime.UtcNow;
            return db.SaveChanges();
        });
        var browser = await SignedInAsync(factory, "coordinator.yunling@demo.example");

        var code = await CreateDraftAsync(browser, "endeavor", Person(title: "二十年的乡村教师"));
        var draft = await browser.GetStringAsync($"/nominations/{code}");
        Assert.Contains("草稿", draft, StringComparison.Ordinal);
        Assert.Contains("二十年的乡村教师", draft, StringComparison.Ordinal);

        using var submitted = await SubmitAsync(browser, code);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal($"/nominations/{code}/receipt", submitted.Headers.Location?.OriginalString);
        var receipt = await browser.GetStringAsync($"/nominations/{code}/receipt");
        Assert.Contains("推荐材料已提交", receipt, StringComparison.Ordinal);
        // A nomination has a 推荐编号; 作品编号 is an essay's.
        Assert.Contains("<dt class=\"col-sm-3\">推荐编号</dt>", receipt, StringComparison.Ordinal);
        Assert.Contains("此后各环节均以推荐编号识别您的推荐", receipt, StringComparison.Ordinal);
        Assert.DoesNotContain("作品编号", receipt, StringComparison.Ordinal);
        Assert.Contains("<dt class=\"col-sm-3\">推荐编号</dt>", draft, StringComparison.Ordinal);
        Assert.Contains(code, receipt, StringComparison.Ordinal);

        var dashboard = await browser.GetStringAsync("/coordinator");
        Assert.Contains($"/nominations/{code}", dashboard, StringComparison.Ordinal);

        var entry = factory.WithDb(db => db.Entries.Single(e => e.Code == code));
        Assert.Equal(EntryStatus.Submitted, entry.Status);
        Assert.Equal(1, entry.UnitSlot);
        var history = factory.WithDb(db => db.EntryStatusChanges.Where(c => c.EntryId == entry.Id).OrderBy(c => c.Id).Select(c => c.To).ToList());
        Assert.Equal([EntryStatus.Draft, EntryStatus.Submitted], history);
        var audit = factory.WithDb(db => db.AuditLog.Where(a => a.EntityKey == code).Select(a => a.Action).ToList());
        Assert.Equal(["Nomination created", "Nomination submitted"], audit);
        var mailed = (await Mails.InAsync(factory)).Where(m => m.Subject == $"推荐 {code} 已收到").ToList();
        Assert.Equal(["coordinator.yunling@demo.example", "deputy.yunling@example.org"], mailed.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.All(mailed, m => Assert.Contains("二十年的乡村教师", m.Body, StringComparison.Ordinal));
        Assert.Contains("副主任，您好", mailed.Single(m => m.To == "deputy.yunling@example.org").Body, StringComparison.Ordinal);
        var closes = factory.WithDb(db => db.Contests.Single(c => c.IsCurrent).Schedule);
        Assert.All(mailed, m =>
        {
            Assert.Contains($"推荐编号为 {code}。", m.Body, StringComparison.Ordinal);
            Assert.Contains($"在 {ChinaTime.Shown(closes.SubmissionClosesAt)}（北京时间）报送截止前，只要评委尚未开始评审，仍可在其页面修改或撤回：", m.Body, StringComparison.Ordinal);
            Assert.Contains($"拟获奖名单自 {ChinaTime.Shown(closes.NoticeStartsAt)}（北京时间）起公示。", m.Body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Submit_BeyondTheUnitsLimit_IsRefusedWithAMessage_AndTheDraftStaysADraft()
    {
        // Qingshan already has one innovation nomination in the demo data; the limit is 2.
        var browser = await SignedInAsync(factory, Qingshan);
        var second = await CreateDraftAsync(browser, "innovation", Person(title: "第二位"));
        var third = await CreateDraftAsync(browser, "innovation", Person(title: "第三位"));
        using var ok = await SubmitAsync(browser, second);
        Assert.Equal($"/nominations/{second}/receipt", ok.Headers.Location?.OriginalString);

        using var refused = await SubmitAsync(browser, third);
        Assert.Equal($"/nominations/{third}", refused.Headers.Location?.OriginalString);
        var page = await browser.GetStringAsync($"/nominations/{third}");

        Assert.Contains("该奖项（主题）每个单位最多提交 2 项，本单位已达上限", page, StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Draft, factory.WithDb(db => db.Entries.Single(e => e.Code == third).Status));
        Assert.Contains("2 / 2", await browser.GetStringAsync("/coordinator"), StringComparison.Ordinal);

        // With the unit's places taken, a new nomination is refused before it is written, not at submit.
        using var opened = await browser.Client.GetAsync("/nominations/new/innovation");
        Assert.Equal("/coordinator", opened.Headers.Location?.OriginalString);
        var dashboard = await browser.GetStringAsync("/coordinator");
        Assert.Contains("本单位已达上限", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("/nominations/new/innovation", dashboard, StringComparison.Ordinal);
        Assert.Contains("/nominations/new/dedication", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdraw_FreesTheSlotForAnotherNomination()
    {
        var browser = await SignedInAsync(factory, "coordinator.power@demo.example");
        var first = await CreateDraftAsync(browser, "dedication", Person(title: "一"));
        var second = await CreateDraftAsync(browser, "dedication", Person(title: "二"));
        var third = await CreateDraftAsync(browser, "dedication", Person(title: "三"));
        (await SubmitAsync(browser, first)).Dispose();
        (await SubmitAsync(browser, second)).Dispose();

        using var withdrawn = await browser.PostAsync($"/nominations/{first}", $"/nominations/{first}/withdraw");
        Assert.Equal("/coordinator", withdrawn.Headers.Location?.OriginalString);
        using var submitted = await SubmitAsync(browser, third);

        Assert.Equal($"/nominations/{third}/receipt", submitted.Headers.Location?.OriginalString);
        var statuses = factory.WithDb(db => db.Entries.Where(e => e.Code == first || e.Code == third).ToDictionary(e => e.Code, e => (e.Status, e.UnitSlot)));
        Assert.Equal((EntryStatus.Withdrawn, (int?)null), statuses[first]);
        Assert.Equal((EntryStatus.Submitted, (int?)1), statuses[third]);
    }

    [Fact]
    public async Task Create_WithMissingFields_ShowsAMessageForEach_AndCreatesNothing()
    {
        var browser = await SignedInAsync(factory, "coordinator.liuxi@demo.example");
        var before = factory.WithDb(db => db.Entries.Count());

        using var response = await browser.SubmitAsync("/nominations/new/contribution", "/nominations/new/contribution", new Dictionary<string, string>
        {
            ["Form.Title"] = "",
            ["Form.Deeds"] = "",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var message in new[] { "请输入事迹标题。", "请输入被推荐人姓名。", "请输入被推荐人出生年份。", "请输入被推荐人工作单位及职务。", "请输入被推荐人联系方式。", "请输入主要事迹。" })
        {
            Assert.Contains(message, html, StringComparison.Ordinal);
        }

        // A list is chosen from, not typed in.
        Assert.Contains("请选择被推荐人性别。", html, StringComparison.Ordinal);

        // In English, a sentence for each field rather than "Please enter {label}.".
        using var english = await browser.SubmitAsync("/nominations/new/contribution?culture=en", "/nominations/new/contribution?culture=en", new Dictionary<string, string>
        {
            ["Form.Title"] = "",
            ["Form.Deeds"] = "",
        });
        var text = WebUtility.HtmlDecode(await english.Content.ReadAsStringAsync());
        foreach (var message in new[] { "Please enter the title of the deeds.", "Please enter the nominee's name.", "Please choose the nominee's gender.", "Please enter the nominee's year of birth.", "Please enter the nominee's unit and position.", "Please enter how to contact the nominee.", "Please enter the deeds." })
        {
            Assert.Contains(message, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Please enter Nominee's name.", text, StringComparison.Ordinal);

        Assert.Equal(before, factory.WithDb(db => db.Entries.Count()));
    }

    [Fact]
    public async Task Submit_WithDeedsTooShort_SaysHowLongTheyAre()
    {
        var browser = await SignedInAsync(factory, "coordinator.liuxi@demo.example");
        var fields = Person();
        fields["Form.Deeds"] = "事迹太短。";
        var code = await CreateDraftAsync(browser, "contribution", fields);

        (await SubmitAsync(browser, code)).Dispose();
        var page = await browser.GetStringAsync($"/nominations/{code}");

        Assert.Contains("正文共 5 字，要求 800 至 5000 字", page, StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Draft, factory.WithDb(db => db.Entries.Single(e => e.Code == code).Status));
    }

    [Fact]
    public async Task SavingTheSameFormTwice_CreatesOneDraft()
    {
        var browser = await SignedInAsync(factory, "coordinator.yunling@demo.example");
        var fields = Person(title: "重复点击");
        fields["Form.FormKey"] = Guid.NewGuid().ToString("N");

        var first = await CreateDraftAsync(browser, "innovation", fields);
        var second = await CreateDraftAsync(browser, "innovation", fields);

        Assert.Equal(first, second);
        Assert.Equal(1, factory.WithDb(db => db.Entries.Count(e => e.Title == "重复点击")));
    }

    [Fact]
    public async Task SubmittingTwice_LeadsToTheReceipt_AndRecordsOneSubmission()
    {
        var browser = await SignedInAsync(factory, "coordinator.yunling@demo.example");
        var code = await CreateDraftAsync(browser, "contribution", Person(title: "双击提交"));

        (await SubmitAsync(browser, code)).Dispose();
        using var again = await SubmitAsync(browser, code);

        Assert.Equal($"/nominations/{code}/receipt", again.Headers.Location?.OriginalString);
        Assert.Equal(1, factory.WithDb(db => db.EntryStatusChanges.Count(c => c.Entry.Code == code && c.To == EntryStatus.Submitted)));
    }

    [Fact]
    public async Task Edit_ASubmittedNomination_BeforeTheDeadline_KeepsItSubmitted_AndAuditsBeforeAndAfter()
    {
        var browser = await SignedInAsync(factory, "coordinator.liuxi@demo.example");
        var code = await CreateDraftAsync(browser, "endeavor", Person(title: "修改前"));
        (await SubmitAsync(browser, code)).Dispose();

        var fields = Person(title: "修改后");
        using var edited = await browser.SubmitAsync($"/nominations/{code}/edit", $"/nominations/{code}/edit", fields);

        Assert.Equal($"/nominations/{code}", edited.Headers.Location?.OriginalString);
        var entry = factory.WithDb(db => db.Entries.Single(e => e.Code == code));
        Assert.Equal(("修改后", EntryStatus.Submitted), (entry.Title, entry.Status));
        var audit = factory.WithDb(db => db.AuditLog.Single(a => a.EntityKey == code && a.Action == "Nomination edited"));
        Assert.Contains("修改前", audit.Before, StringComparison.Ordinal);
        Assert.Contains("修改后", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrganisationNomination_NamesTheUnit_AndRefusesAnotherUnitInTheFormField()
    {
        var browser = await SignedInAsync(factory, "coordinator.power@demo.example");
        var fields = new Dictionary<string, string>
        {
            ["Form.Title"] = "电网扶贫的组织创新",
            ["Form.NomineeUnit"] = "power",
            ["Form.Deeds"] = Deeds,
        };
        var code = await CreateDraftAsync(browser, "org-innovation", fields);
        Assert.Contains("国网清河供电公司", await browser.GetStringAsync($"/nominations/{code}"), StringComparison.Ordinal);

        fields["Form.NomineeUnit"] = "qingshan";
        using var tampered = await browser.SubmitAsync("/nominations/new/org-innovation", "/nominations/new/org-innovation", fields);
        using var tamperedEdit = await browser.SubmitAsync($"/nominations/{code}/edit", $"/nominations/{code}/edit", fields);

        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, tamperedEdit.StatusCode);
        var powerId = factory.WithDb(db => db.Units.Single(u => u.Code == "power").Id);
        Assert.Equal(powerId, factory.WithDb(db => db.Entries.Single(e => e.Code == code).NomineeUnitId));
    }

    [Fact]
    public async Task AUnit_IsNominatedOnceForTheOrganisationAward_ASecondNominationOfItIsRefused_UntilTheFirstIsWithdrawn()
    {
        var browser = await SignedInAsync(factory, "coordinator.yunling@demo.example");
        Dictionary<string, string> Fields(string title) => new()
        {
            ["Form.Title"] = title,
            ["Form.NomineeUnit"] = "yunling",
            ["Form.Deeds"] = Deeds,
        };
        var first = await CreateDraftAsync(browser, "org-innovation", Fields("云岭县的组织创新"));
        var second = await CreateDraftAsync(browser, "org-innovation", Fields("云岭县的组织创新（第二份）"));
        (await SubmitAsync(browser, first)).Dispose();
        using (var refused = await SubmitAsync(browser, second))
        {
            Assert.Equal($"/nominations/{second}", refused.Headers.Location?.OriginalString);
        }

        Assert.Contains($"云岭县已被推荐参评本奖项（推荐编号 {first}），同一单位只能被推荐一次", await browser.GetStringAsync($"/nominations/{second}"), StringComparison.Ordinal);

        // A new form shows the unit as taken, and cannot choose it.
        Assert.Contains($"<option value=\"yunling\" disabled>云岭县（已被推荐：{first}）</option>", await browser.GetStringAsync("/nominations/new/org-innovation"), StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Draft, factory.WithDb(db => db.Entries.Single(e => e.Code == second).Status));

        // Once the first is withdrawn, the unit can be nominated again.
        (await browser.PostAsync($"/nominations/{first}", $"/nominations/{first}/withdraw")).Dispose();
        (await SubmitAsync(browser, second)).Dispose();
        Assert.Equal(EntryStatus.Submitted, factory.WithDb(db => db.Entries.Single(e => e.Code == second).Status));
    }

    [Fact]
    public async Task UnknownTrack_OrAnEssayTheme_IsNotFoundOnTheNominationForm()
    {
        var browser = await SignedInAsync(factory, Qingshan);

        using var essay = await browser.Client.GetAsync("/nominations/new/help-story");
        using var unknown = await browser.Client.GetAsync("/nominations/new/no-such-award");
        using var malformed = await browser.Client.GetAsync("/nominations/not-a-code");

        Assert.Equal(HttpStatusCode.NotFound, essay.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
    }

    [Fact]
    public async Task UserText_IsShownAsText_NeverAsMarkup()
    {
        var browser = await SignedInAsync(factory, "coordinator.yunling@demo.example");
        var fields = Person(title: "<script>alert('title')</script>", name: "<img src=x onerror=alert(1)>");
        fields["Form.Deeds"] = Deeds + "\n\n[点我](javascript:alert(1)) <script>alert('deeds')</script>";
        fields["Form.Opinion"] = "<b onclick=alert(1)>同意</b>";
        var code = await CreateDraftAsync(browser, "dedication", fields);
        (await SubmitAsync(browser, code)).Dispose();

        var organizer = await SignedInAsync(factory, "organizer@demo.example");
        foreach (var url in new[] { $"/nominations/{code}", $"/nominations/{code}/receipt", $"/nominations/{code}/edit", "/coordinator" })
        {
            HtmlSafety.AssertNoActiveContent(await browser.GetStringAsync(url), url);
        }

        foreach (var url in new[] { $"/organizer/nominations/{code}", "/organizer/nominations" })
        {
            HtmlSafety.AssertNoActiveContent(await organizer.GetStringAsync(url), url);
        }
    }

    [Fact]
    public async Task JudgesAndAuthors_CannotOpenNominations()
    {
        var code = factory.WithDb(db => db.Entries.Include(e => e.Track).First(e => e.Track.Code == "innovation").Code);
        foreach (var email in new[] { "judge.huang@demo.example", "author.zhang@demo.example" })
        {
            var browser = await SignedInAsync(factory, email);
            using var show = await browser.Client.GetAsync($"/nominations/{code}");
            using var screening = await browser.Client.GetAsync($"/organizer/nominations/{code}");

            Assert.Equal(HttpStatusCode.Redirect, show.StatusCode);
            Assert.StartsWith("/account/access-denied", show.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, screening.StatusCode);
        }
    }
}
