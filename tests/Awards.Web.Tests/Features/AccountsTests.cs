using System.Net;
using Awards.Core.Identity;
using Awards.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Tests.Features;

public sealed class AccountsTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private static Dictionary<string, string> Registration(string email, int unitId, string password = "Essay-Writer-2026") => new()
    {
        ["Form.Name"] = "赵小梅",
        ["Form.Email"] = email,
        ["Form.Phone"] = "13912345678",
        ["Form.UnitId"] = unitId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Form.Password"] = password,
        ["Form.ConfirmPassword"] = password,
    };

    private int UnitId(string code) => factory.WithDb(db => db.Units.Single(u => u.Code == code).Id);

    [Fact]
    public async Task Author_Registers_ConfirmsByMail_ThenSignsIn()
    {
        var browser = new Browser(factory);
        using var registered = await browser.SubmitAsync("/account/register", "/account/register", Registration("zhao.xiaomei@example.org", UnitId("qingshan")));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        using var beforeConfirming = await browser.SignInAsync("zhao.xiaomei@example.org", "Essay-Writer-2026");
        Assert.Contains("请先确认电子邮箱", await beforeConfirming.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var mail = await Mails.ToAsync(factory, "zhao.xiaomei@example.org");
        Assert.Equal("确认电子邮箱", mail.Subject);
        var confirmed = await browser.GetStringAsync(Mails.LinkIn(mail));
        Assert.Contains("邮箱已确认", confirmed, StringComparison.Ordinal);

        await browser.SignInOrFailAsync("zhao.xiaomei@example.org", "Essay-Writer-2026");
        Assert.Contains("我的征文", await browser.GetStringAsync("/author"), StringComparison.Ordinal);
        var user = factory.WithDb(db => db.Users.Include(u => u.Unit).Single(u => u.Email == "zhao.xiaomei@example.org"));
        Assert.Equal("qingshan", user.Unit!.Code);
        Assert.Equal("13912345678", user.PhoneNumber);
    }

    [Fact]
    public async Task AnAuthorWhoseLinkWasLost_GetsANewOneFromTheSignInPage_AtMostOneEveryTwoMinutes_AndNobodyElseDoes()
    {
        var browser = new Browser(factory);
        (await browser.SubmitAsync("/account/register", "/account/register", Registration("lost.link@example.org", UnitId("qingshan")))).Dispose();
        using (var refused = await browser.SignInAsync("lost.link@example.org", "Essay-Writer-2026"))
        {
            var page = await refused.Content.ReadAsStringAsync();
            Assert.Contains("data-testid=\"resend-confirmation\"", page, StringComparison.Ordinal);
            Assert.Contains("value=\"lost.link@example.org\"", page, StringComparison.Ordinal);
        }

        int Links(string to) => factory.WithDb(db => db.MailOutbox.Count(m => m.To == to && m.About == "an address confirmation"));
        var resend = new Dictionary<string, string> { ["email"] = "lost.link@example.org" };
        using (var sent = await browser.SubmitAsync("/account/login", "/account/confirm-email/resend", resend))
        {
            Assert.Equal("/account/login", sent.Headers.Location?.OriginalString);
        }

        Assert.Contains("新的确认链接已在发送途中", await browser.GetStringAsync("/account/login"), StringComparison.Ordinal);
        Assert.Equal(2, Links("lost.link@example.org"));

        // A second click at once sends nothing more; the newest link confirms the address.
        (await browser.SubmitAsync("/account/login", "/account/confirm-email/resend", resend)).Dispose();
        Assert.Equal(2, Links("lost.link@example.org"));
        var newest = (await Mails.InAsync(factory)).Last(m => m.To == "lost.link@example.org");
        Assert.Contains("邮箱已确认", await browser.GetStringAsync(Mails.LinkIn(newest)), StringComparison.Ordinal);

        // A confirmed account, an unknown address and an invited one get the same answer and no mail.
        var before = factory.WithDb(db => db.MailOutbox.Count());
        foreach (var address in new[] { "lost.link@example.org", "nobody.here@example.org", "judge.huang@demo.example" })
        {
            using var answer = await browser.SubmitAsync("/account/login", "/account/confirm-email/resend", new Dictionary<string, string> { ["email"] = address });
            Assert.Equal("/account/login", answer.Headers.Location?.OriginalString);
        }

        Assert.Equal(before, factory.WithDb(db => db.MailOutbox.Count()));
    }

    [Fact]
    public async Task Registration_WithAWeakPassword_SaysWhy_AndCreatesNothing()
    {
        var browser = new Browser(factory);
        using var response = await browser.SubmitAsync("/account/register", "/account/register", Registration("weak@example.org", UnitId("liuxi"), "short1"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("密码至少需要 10 位。", html, StringComparison.Ordinal);
        Assert.False(factory.WithDb(db => db.Users.Any(u => u.Email == "weak@example.org")));
    }

    [Fact]
    public async Task Registration_WithMissingFields_ShowsLocalizedMessagesForEach()
    {
        var browser = new Browser(factory);
        using var response = await browser.SubmitAsync("/account/register", "/account/register", new Dictionary<string, string>());
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("请输入真实姓名。", html, StringComparison.Ordinal);
        Assert.Contains("请输入电子邮箱。", html, StringComparison.Ordinal);
        Assert.Contains("请选择所在县（市、区）或单位。", html, StringComparison.Ordinal);
        Assert.Contains("请设置密码。", html, StringComparison.Ordinal);
        Assert.Contains("请再次输入密码。", html, StringComparison.Ordinal);

        // In English each field has a sentence of its own, not "Please enter {label}." with a title-cased or imperative label.
        using var english = await browser.SubmitAsync("/account/register?culture=en", "/account/register?culture=en", new Dictionary<string, string>());
        var text = WebUtility.HtmlDecode(await english.Content.ReadAsStringAsync());
        foreach (var message in new[] { "Please enter your real name.", "Please enter your e-mail address.", "Please enter your phone number.", "Please choose your county or unit.", "Please choose a password.", "Please enter the password again." })
        {
            Assert.Contains(message, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Please enter Confirm the password.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Please choose Your county or unit.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_WithAnExistingEmail_AnswersAsForANewOne_AndTellsTheOwnerByMail()
    {
        var browser = new Browser(factory);
        var accounts = factory.WithDb(db => db.Users.Count());
        using (var taken = await browser.SubmitAsync("/account/register", "/account/register", Registration("author.zhang@demo.example", UnitId("liuxi"))))
        using (var fresh = await browser.SubmitAsync("/account/register", "/account/register", Registration("brand.new.address@example.org", UnitId("liuxi"))))
        {
            // The two answers are the same page: nobody learns which address has an account.
            Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
            Assert.Equal(fresh.Headers.Location!.OriginalString.Replace("brand.new.address@example.org", "author.zhang@demo.example", StringComparison.Ordinal), taken.Headers.Location!.OriginalString);
        }

        Assert.Equal(accounts + 1, factory.WithDb(db => db.Users.Count()));
        var mail = await Mails.ToAsync(factory, "author.zhang@demo.example", "有人尝试用您的邮箱注册");
        Assert.Contains("此邮箱已有账号，因此没有创建新账号", mail.Body, StringComparison.Ordinal);
        Assert.Contains("/account/login", mail.Body, StringComparison.Ordinal);

        // A second try at once mails nobody again; a weak password is still named, for any address.
        (await browser.SubmitAsync("/account/register", "/account/register", Registration("author.zhang@demo.example", UnitId("liuxi")))).Dispose();
        Assert.Single(await Mails.InAsync(factory), m => m.To == "author.zhang@demo.example");
        using var weak = await browser.SubmitAsync("/account/register", "/account/register", Registration("author.zhang@demo.example", UnitId("liuxi"), password: "short"));
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("密码至少需要", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_WithATamperedUnitId_IsRefused()
    {
        var browser = new Browser(factory);
        using var response = await browser.SubmitAsync("/account/register", "/account/register", Registration("tamper@example.org", 999_999));

        Assert.Contains("请从列表中选择单位。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(factory.WithDb(db => db.Users.Any(u => u.Email == "tamper@example.org")));
    }

    [Fact]
    public async Task Organizer_InvitesAJudge_WhoSetsAPasswordFromTheMailboxLink_AndSignsIn()
    {
        var organizer = new Browser(factory);
        await organizer.SignInOrFailAsync("organizer@demo.example");
        using var invited = await organizer.SubmitAsync("/organizer/users/invite", "/organizer/users/invite", new Dictionary<string, string>
        {
            ["Form.Name"] = "吴评审",
            ["Form.Email"] = "new.judge@example.org",
            ["Form.Role"] = Roles.Judge,
            ["Form.UnitId"] = UnitId("education").ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.Contains("待接受邀请", await organizer.GetStringAsync("/organizer/users?role=Judge"), StringComparison.Ordinal);

        // The demo mailbox shows the invitation and its link.
        var mailbox = await organizer.GetStringAsync("/organizer/mailbox");
        Assert.Contains("扶贫日表彰评选系统邀请函", mailbox, StringComparison.Ordinal);
        var mail = await Mails.ToAsync(factory, "new.judge@example.org");
        Assert.Contains("new.judge@example.org", await organizer.GetStringAsync("/organizer/mailbox/" + mail.Id), StringComparison.Ordinal);

        var judge = new Browser(factory);
        var link = Mails.LinkIn(mail);
        using var accepted = await judge.SubmitAsync(link, "/account/accept-invitation", new Dictionary<string, string>
        {
            ["Email"] = "new.judge@example.org",
            ["Token"] = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query)["token"]!,
            ["Password"] = "Judge-Password-42",
            ["ConfirmPassword"] = "Judge-Password-42",
        });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        await judge.SignInOrFailAsync("new.judge@example.org", "Judge-Password-42");
        Assert.Contains("我的评审", await judge.GetStringAsync("/judge"), StringComparison.Ordinal);

        // The link works once.
        Assert.Contains("邀请链接无效", await judge.GetStringAsync(link), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Organizer_InvitesSeveralFromAList_NoneWhileALineIsWrong_AndTheSameListTwiceSendsNothingMore()
    {
        var organizer = new Browser(factory);
        await organizer.SignInOrFailAsync("organizer@demo.example");
        const string Page = "/organizer/users/invite-many";
        Assert.Contains($"href=\"{Page}\"", await organizer.GetStringAsync("/organizer/users"), StringComparison.Ordinal);
        var good = "# 2027年联络员和评委\n" +
            "many.coordinator@example.org, 孙联络, 单位联络员, qingshan\n" +
            "\n" +
            "many.judge@example.org\t钱评审\tJudge\t\n";
        var bad = good + "not-an-address, 李四, 评委\nmany.other@example.org，周五，单位联络员，no-such-unit\nmany.judge@example.org, 钱评审, 评委\n";

        using (var refused = await organizer.SubmitAsync(Page, Page, new Dictionary<string, string> { ["Lines"] = bad }))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Contains("第 5 行：“not-an-address”不是有效的电子邮箱。", html, StringComparison.Ordinal);
            Assert.Contains("第 6 行：没有代码为“no-such-unit”的单位。", html, StringComparison.Ordinal);
            Assert.Contains("第 7 行：many.judge@example.org 已在第 4 行出现。", html, StringComparison.Ordinal);
            Assert.Contains("孙联络", html, StringComparison.Ordinal);
        }

        Assert.False(factory.WithDb(db => db.Users.Any(u => u.Email!.StartsWith("many."))));
        Assert.DoesNotContain(await Mails.InAsync(factory), m => m.To.StartsWith("many.", StringComparison.Ordinal));

        using (var sent = await organizer.SubmitAsync(Page, Page, new Dictionary<string, string> { ["Lines"] = good }))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        Assert.Contains("已向 2 人发送邀请；0 人已有账号。", await organizer.GetStringAsync("/organizer/users"), StringComparison.Ordinal);
        var invited = factory.WithDb(db => db.Users.Where(u => u.Email!.StartsWith("many.")).OrderBy(u => u.Email).Select(u => new { u.Email, u.DisplayName, Unit = u.Unit == null ? null : u.Unit.Code, u.InvitedAt }).ToList());
        Assert.Equal([("many.coordinator@example.org", "孙联络", (string?)"qingshan"), ("many.judge@example.org", "钱评审", null)], invited.Select(u => (u.Email!, u.DisplayName, u.Unit)));
        await Mails.ToAsync(factory, "many.coordinator@example.org");
        await Mails.ToAsync(factory, "many.judge@example.org");
        Assert.Contains("单位联络员", await organizer.GetStringAsync("/organizer/users?role=UnitCoordinator&q=many."), StringComparison.Ordinal);

        // The same list again (a second click, or pasted twice): nobody is invited twice.
        (await organizer.SubmitAsync(Page, Page, new Dictionary<string, string> { ["Lines"] = good })).Dispose();
        Assert.Contains("已向 0 人发送邀请；2 人已有账号。", await organizer.GetStringAsync("/organizer/users"), StringComparison.Ordinal);
        Assert.Single(await Mails.InAsync(factory), m => m.To == "many.judge@example.org");
    }

    [Fact]
    public async Task APersonTheAccountStoreRefuses_StaysOnThePageWithTheReason_AndTheOthersAreInvited()
    {
        var organizer = new Browser(factory);
        await organizer.SignInOrFailAsync("organizer@demo.example");
        const string Page = "/organizer/users/invite-many";
        var lines = "later.judge@example.org, 郑评审, 评委\n张三@example.org, 张三, 评委\n";

        using (var partly = await organizer.SubmitAsync(Page, Page, new Dictionary<string, string> { ["Lines"] = lines }))
        {
            Assert.Equal(HttpStatusCode.OK, partly.StatusCode);
            var html = await partly.Content.ReadAsStringAsync();
            Assert.Contains("已向 1 人发送邀请；0 人已有账号。", html, StringComparison.Ordinal);
            Assert.Matches("<li>第 2 行：[^<]+</li>", html);
            Assert.Contains("later.judge@example.org, 郑评审, 评委", html, StringComparison.Ordinal);
        }

        Assert.True(factory.WithDb(db => db.Users.Any(u => u.Email == "later.judge@example.org")));
        Assert.False(factory.WithDb(db => db.Users.Any(u => u.Email == "张三@example.org")));
    }

    [Fact]
    public async Task InvitationLink_WithABadToken_SetsNoPassword()
    {
        var organizer = new Browser(factory);
        await organizer.SignInOrFailAsync("organizer@demo.example");
        using var invited = await organizer.SubmitAsync("/organizer/users/invite", "/organizer/users/invite", new Dictionary<string, string>
        {
            ["Form.Name"] = "钱联络",
            ["Form.Email"] = "forged@example.org",
            ["Form.Role"] = Roles.UnitCoordinator,
            ["Form.UnitId"] = UnitId("hedong").ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        var attacker = new Browser(factory);
        using var response = await attacker.SubmitAsync("/account/accept-invitation?email=forged@example.org&token=forged", "/account/accept-invitation", new Dictionary<string, string>
        {
            ["Email"] = "forged@example.org",
            ["Token"] = "forged",
            ["Password"] = "Attacker-Password-1",
            ["ConfirmPassword"] = "Attacker-Password-1",
        });

        Assert.Contains("链接无效或已过期。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(factory.WithDb(db => db.Users.Single(u => u.Email == "forged@example.org").PasswordHash));
    }

    [Fact]
    public async Task InvitingACoordinator_WithoutAUnit_IsRefused()
    {
        var organizer = new Browser(factory);
        await organizer.SignInOrFailAsync("organizer@demo.example");
        using var response = await organizer.SubmitAsync("/organizer/users/invite", "/organizer/users/invite", new Dictionary<string, string>
        {
            ["Form.Name"] = "无单位",
            ["Form.Email"] = "nounit@example.org",
            ["Form.Role"] = Roles.UnitCoordinator,
        });

        Assert.Contains("单位联络员必须选择所属单位。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(factory.WithDb(db => db.Users.Any(u => u.Email == "nounit@example.org")));
    }

    [Fact]
    public async Task Coordinator_SeesOnlyTheirOwnUnitsNominations()
    {
        var browser = new Browser(factory);
        await browser.SignInOrFailAsync("coordinator.qingshan@demo.example");

        var html = await browser.GetStringAsync("/coordinator");

        Assert.Contains("李秀兰", html, StringComparison.Ordinal);
        Assert.DoesNotContain("王建国", html, StringComparison.Ordinal);
        Assert.DoesNotContain("柳溪县：", html, StringComparison.Ordinal);
        Assert.Contains("已用 1 / 2", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Author_SeesOnlyTheirOwnEssays()
    {
        var browser = new Browser(factory);
        await browser.SignInOrFailAsync("author.wu@demo.example");

        var html = await browser.GetStringAsync("/author");
        var own = factory.WithDb(db => db.Entries.Single(e => e.OwnerUserId == db.Users.Single(u => u.Email == "author.wu@demo.example").Id));
        var other = factory.WithDb(db => db.Entries.Single(e => e.OwnerUserId == db.Users.Single(u => u.Email == "author.li@demo.example").Id));

        Assert.Contains(own.Code, html, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Code, html, StringComparison.Ordinal);
    }
}
