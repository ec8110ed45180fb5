using System.Net;
using Awards.Web.Data;
using Awards.Web.Infrastructure;
using Awards.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Features;

/// <summary>
/// ASVS 3.3.4: a person sees where their account is signed in and, with the password, signs any
/// other session out, or all of them (ADR 0013).
/// </summary>
public sealed class SessionListTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private const string Phone = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";

    // Each test that looks its session up by browser has a phone of its own.
    private const string OtherPhone = "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36";
    private const string ThirdPhone = "Mozilla/5.0 (Linux; Android 12; Pixel 6) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0 Mobile Safari/537.36";

    [Fact]
    public async Task ASignInFromANewDevice_IsToldToTheOwnerByMail_ButNotTheFirstSignIn_NorAgainOnTheSameDevice()
    {
        const string email = "author.yang@demo.example";
        int Notices() => Mails.In(factory.MailFolder).Count(m => m.To == email && m.Subject == "您的账号在新设备上登录");

        // The account's first sign-in, then the same browser again after signing out: nothing to tell.
        var desk = new Browser(factory);
        await desk.SignInOrFailAsync(email);
        (await desk.PostAsync("/author", "/account/logout")).Dispose();
        await desk.SignInOrFailAsync(email);
        _ = await Mails.InAsync(factory);
        Assert.Equal(0, Notices());
        Assert.Equal(2, factory.WithDb(db => db.UserSessions.Count(s => db.Users.Any(u => u.Id == s.UserId && u.Email == email))));

        // A phone the account was never used on.
        var phone = new Browser(factory);
        phone.Client.DefaultRequestHeaders.UserAgent.ParseAdd(ThirdPhone);
        await phone.SignInOrFailAsync(email);
        var notice = await Mails.ToAsync(factory, email, "您的账号在新设备上登录");
        Assert.Contains("在一台此前未用过的设备上登录：Chrome · Android，地址", notice.Body, StringComparison.Ordinal);
        Assert.Contains("/account/security", notice.Body, StringComparison.Ordinal);

        // The phone again: known now.
        (await phone.PostAsync("/author", "/account/logout")).Dispose();
        await phone.SignInOrFailAsync(email);
        _ = await Mails.InAsync(factory);
        Assert.Equal(1, Notices());
    }

    [Fact]
    public async Task AnAccountWhoseSessionsPredateDevices_IsNotToldOfItsNextSignIn()
    {
        const string email = "author.li@demo.example";
        var desk = new Browser(factory);
        await desk.SignInOrFailAsync(email);
        // As if that session were made before sessions remembered their device.
        factory.WithDb(db =>
        {
            foreach (var session in db.UserSessions.Where(s => db.Users.Any(u => u.Id == s.UserId && u.Email == email)))
            {
                session.Device = string.Empty;
            }

            return db.SaveChanges();
        });

        await new Browser(factory).SignInOrFailAsync(email);
        Assert.DoesNotContain(await Mails.InAsync(factory), m => m.To == email);
    }

    [Fact]
    public async Task TheOrganizersUsersPage_ShowsWhenAnAccountLastSignedIn_AndWhichNeverDid()
    {
        const string email = "judge.qian@demo.example";
        factory.Clock.Stop(new DateTime(2026, 10, 9, 1, 30, 0, DateTimeKind.Utc));
        try
        {
            (await Nominating.SignedInAsync(factory, email)).Client.Dispose();
        }
        finally
        {
            factory.Clock.Offset = TimeSpan.Zero;
        }

        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var judges = await organizer.GetStringAsync("/organizer/users?role=Judge&q=judge.");
        Assert.Contains("最近登录", judges, StringComparison.Ordinal);
        var row = Row(judges, email);
        Assert.Contains("<td class=\"small\" data-testid=\"last-sign-in\">2026年10月9日 09:30（北京时间）</td>", row, StringComparison.Ordinal);
        Assert.Contains("无登录记录", Row(judges, "judge.zheng@demo.example"), StringComparison.Ordinal);

        static string Row(string page, string email)
        {
            var at = page.IndexOf($"<td>{email}</td>", StringComparison.Ordinal);
            Assert.True(at >= 0, email);
            return page[at..page.IndexOf("</tr>", at, StringComparison.Ordinal)];
        }
    }

    [Fact]
    public async Task EachSession_ShowsWhenItWasLastActive_AtOnce_AndTheTimeIsSavedToTheDatabase()
    {
        const string email = "judge.lin@demo.example";
        const string Desktop = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
        var start = new DateTime(2026, 10, 12, 2, 0, 0, DateTimeKind.Utc);
        factory.Clock.Stop(start);
        try
        {
            var here = await Nominating.SignedInAsync(factory, email);
            var phone = new Browser(factory);
            phone.Client.DefaultRequestHeaders.UserAgent.ParseAdd(OtherPhone);
            await phone.SignInOrFailAsync(email);
            var office = new Browser(factory);
            office.Client.DefaultRequestHeaders.UserAgent.ParseAdd(Desktop);
            await office.SignInOrFailAsync(email);

            // The phone is used 25 minutes later; the office computer is not used again.
            factory.Clock.Stop(start.AddMinutes(25));
            await phone.GetStringAsync("/judge");
            var page = await here.GetStringAsync("/account/security");
            Assert.Contains("最近活动：2026年10月12日 10:25（北京时间）", Session(page, "Chrome · Android"), StringComparison.Ordinal);
            Assert.Contains("最近活动：2026年10月12日 10:00（北京时间）", Session(page, "Firefox · Windows"), StringComparison.Ordinal);

            // Saved: the time outlives the process.
            using (var scope = factory.Services.CreateScope())
            {
                await scope.ServiceProvider.GetRequiredService<SessionActivity>().SaveAsync(scope.ServiceProvider.GetRequiredService<AwardsDbContext>(), factory.Clock.UtcNow, default);
            }

            Assert.Equal(start.AddMinutes(25), factory.WithDb(db => db.UserSessions.Single(s => s.Browser == OtherPhone).LastSeenAt));
        }
        finally
        {
            factory.Clock.Offset = TimeSpan.Zero;
        }

        static string Session(string page, string browser)
        {
            var at = page.IndexOf(browser, StringComparison.Ordinal);
            Assert.True(at >= 0, browser);
            return page[at..page.IndexOf("</li>", at, StringComparison.Ordinal)];
        }
    }

    [Fact]
    public async Task TheSecurityPage_ListsTheSessions_AndEndsAnotherOne_OnlyWithThePassword()
    {
        const string email = "judge.huang@demo.example";
        var here = await Nominating.SignedInAsync(factory, email);
        var phone = new Browser(factory);
        phone.Client.DefaultRequestHeaders.UserAgent.ParseAdd(Phone);
        await phone.SignInOrFailAsync(email);

        var page = await here.GetStringAsync("/account/security");
        Assert.Equal(2, Count(page, "data-testid=\"session\""));
        Assert.Equal(1, Count(page, "data-testid=\"this-session\""));
        Assert.Contains("Chrome · Android", page, StringComparison.Ordinal);
        var id = factory.WithDb(db => db.UserSessions.Single(s => s.Browser == Phone).Id);

        var fields = new Dictionary<string, string> { ["session"] = id, ["End.CurrentPassword"] = "Not-The-Password-1" };
        using (var wrong = await here.SubmitAsync("/account/security", "/account/security/sessions/end", fields))
        {
            Assert.Contains("当前密码不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await phone.Client.GetAsync("/judge")).StatusCode);
        fields["End.CurrentPassword"] = Browser.DemoPassword;
        (await here.SubmitAsync("/account/security", "/account/security/sessions/end", fields)).Dispose();

        using (var ended = await phone.Client.GetAsync("/judge"))
        {
            Assert.StartsWith("/account/login", ended.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        }

        var after = await here.GetStringAsync("/account/security");
        Assert.Contains("该会话已退出。", after, StringComparison.Ordinal);

        // A second click finds it ended and changes nothing.
        using (var again = await here.SubmitAsync("/account/security", "/account/security/sessions/end", fields))
        {
            Assert.Equal("/account/security", again.Headers.Location?.OriginalString);
        }

        Assert.Equal(1, Count(after, "data-testid=\"session\""));
        Assert.Equal(HttpStatusCode.OK, (await here.Client.GetAsync("/judge")).StatusCode);
        var key = factory.WithDb(db => db.Users.Single(u => u.Email == email).Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(factory.WithDb(db => db.AuditLog.Where(a => a.Action == "EndSession" && a.EntityKey == key).ToList()));
    }

    [Fact]
    public async Task SigningOutEveryOtherSession_KeepsOnlyThisOne()
    {
        const string email = "judge.gao@demo.example";
        var here = await Nominating.SignedInAsync(factory, email);
        var others = new[] { await Nominating.SignedInAsync(factory, email), await Nominating.SignedInAsync(factory, email) };

        (await here.SubmitAsync("/account/security", "/account/security/sessions/end", new Dictionary<string, string> { ["session"] = string.Empty, ["End.CurrentPassword"] = Browser.DemoPassword })).Dispose();

        foreach (var other in others)
        {
            using var ended = await other.Client.GetAsync("/judge");
            Assert.StartsWith("/account/login", ended.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        }

        var page = await here.GetStringAsync("/account/security");
        Assert.Contains("其他会话均已退出（2 个）。", page, StringComparison.Ordinal);
        Assert.Equal(1, Count(page, "data-testid=\"session\""));
        Assert.Equal(HttpStatusCode.OK, (await here.Client.GetAsync("/judge")).StatusCode);
    }

    [Fact]
    public async Task AnotherAccountsSession_CannotBeEnded_NorThisOne()
    {
        var victim = await Nominating.SignedInAsync(factory, "author.zhang@demo.example");
        var victimsSession = factory.WithDb(db => db.UserSessions.Where(s => db.Users.Any(u => u.Id == s.UserId && u.Email == "author.zhang@demo.example")).OrderByDescending(s => s.CreatedAt).First().Id);
        var other = await Nominating.SignedInAsync(factory, "author.tang@demo.example");
        var ownSession = factory.WithDb(db => db.UserSessions.Where(s => db.Users.Any(u => u.Id == s.UserId && u.Email == "author.tang@demo.example")).OrderByDescending(s => s.CreatedAt).First().Id);

        foreach (var id in new[] { victimsSession, ownSession, "0123456789abcdef0123456789abcdef" })
        {
            using var refused = await other.SubmitAsync("/account/security", "/account/security/sessions/end", new Dictionary<string, string> { ["session"] = id, ["End.CurrentPassword"] = Browser.DemoPassword });
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await victim.Client.GetAsync("/author")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.Client.GetAsync("/author")).StatusCode);
        Assert.Equal(0, factory.WithDb(db => db.UserSessions.Count(s => (s.Id == victimsSession || s.Id == ownSession) && s.EndedAt != null)));
    }

    private static int Count(string page, string marker) => page.Split(marker).Length - 1;
}
