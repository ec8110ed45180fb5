using System.Net;
using System.Text.RegularExpressions;
using Awards.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Features;

/// <summary>
/// A forgotten password, a changed password, and two-step verification with an authenticator app:
/// what each person can do for their own account, what the organizer can do for someone who lost
/// their phone, and that every change ends the account's other sessions.
/// </summary>
public sealed partial class AccountSecurityTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private const string NewPassword = "Renewed-Awards-2027";

    [Fact]
    public async Task AForgottenPassword_IsResetFromAOneUseLink_TheOldPasswordAndOtherSessionsStop_AndTheOwnerIsTold()
    {
        const string email = "author.he@demo.example";
        var elsewhere = await Nominating.SignedInAsync(factory, email);
        var anonymous = new Browser(factory);
        Assert.Contains("href=\"/account/forgot-password\"", await anonymous.GetStringAsync("/account/login"), StringComparison.Ordinal);

        var answer = await ForgotAsync(anonymous, email);
        Assert.Contains($"如果 {email} 已注册账号", answer, StringComparison.Ordinal);
        var link = Mails.LinkIn(Assert.Single(await Mails.InAsync(factory), m => m.To == email && m.Subject == "重设密码"));
        Assert.StartsWith("/account/reset-password?", link, StringComparison.Ordinal);

        // A weak password is refused and the link still works; a good one is set.
        var form = FormFields.Read(await anonymous.GetStringAsync(link), "reset-password");
        form["Password"] = form["ConfirmPassword"] = "short";
        using (var weak = await anonymous.Client.PostAsync("/account/reset-password", FormFields.WithToken(form, await anonymous.TokenFromAsync(link))))
        {
            Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
            Assert.Contains("密码至少需要 10 位。", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        form["Password"] = form["ConfirmPassword"] = NewPassword;
        using (var reset = await anonymous.Client.PostAsync("/account/reset-password", FormFields.WithToken(form, await anonymous.TokenFromAsync(link))))
        {
            Assert.Equal("/account/login", reset.Headers.Location?.OriginalString);
        }

        Assert.Contains("新密码已设置", await anonymous.GetStringAsync("/account/login"), StringComparison.Ordinal);
        using (var old = await new Browser(factory).SignInAsync(email))
        {
            Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        }

        await new Browser(factory).SignInOrFailAsync(email, NewPassword);
        await AssertSignedOutAsync(elsewhere, "/author");

        // The link was for one use.
        Assert.Contains("data-testid=\"reset-invalid\"", await anonymous.GetStringAsync(link), StringComparison.Ordinal);
        Assert.Single(await Mails.InAsync(factory), m => m.To == email && m.Subject == "您的密码已修改");
        var id = factory.WithDb(db => db.Users.Single(u => u.Email == email).Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["RequestPasswordReset", "ResetPassword"], factory.WithDb(db => db.AuditLog.Where(a => a.EntityKey == id && a.EntityType == "User").OrderBy(a => a.Id).Select(a => a.Action).ToList()));
    }

    [Fact]
    public async Task TheAnswerNeverTellsWhetherAnAddressHasAnAccount_OneAddressGetsOneMailPerTwoMinutes_AndAnUnfinishedInvitationComesAgain()
    {
        var anonymous = new Browser(factory);
        const string email = "author.tang@demo.example";
        var before = (await Mails.InAsync(factory)).Count;

        var unknown = await ForgotAsync(anonymous, "nobody@example.org");
        var known = await ForgotAsync(anonymous, email);
        Assert.Equal(Sent(unknown).Replace("nobody@example.org", email, StringComparison.Ordinal), Sent(known));
        Assert.Equal(before + 1, (await Mails.InAsync(factory)).Count);

        // Asked again at once: the same answer, no second mail; two minutes later, a new link.
        Assert.Equal(Sent(known), Sent(await ForgotAsync(anonymous, email)));
        Assert.Equal(before + 1, (await Mails.InAsync(factory)).Count);
        factory.Clock.Offset += TimeSpan.FromMinutes(3);
        try
        {
            await ForgotAsync(anonymous, email);
            Assert.Equal(2, (await Mails.InAsync(factory)).Count(m => m.To == email && m.Subject == "重设密码"));
        }
        finally
        {
            factory.Clock.Offset -= TimeSpan.FromMinutes(3);
        }

        // A judge who never accepted their invitation gets the invitation again, not a reset link.
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        (await organizer.SubmitAsync("/organizer/users/invite", "/organizer/users/invite", new Dictionary<string, string> { ["Form.Email"] = "late.judge@example.org", ["Form.Name"] = "迟到评委", ["Form.Role"] = "Judge" })).Dispose();
        await ForgotAsync(anonymous, "late.judge@example.org");
        var invitations = (await Mails.InAsync(factory)).Where(m => m.To == "late.judge@example.org").ToList();
        Assert.Equal(2, invitations.Count);
        Assert.All(invitations, m => Assert.Contains("/account/accept-invitation?", m.Body, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("tampered", "author.yang@demo.example")]
    [InlineData("other-account", "author.li@demo.example")]
    public async Task ATamperedOrBorrowedLink_OpensNothing_AndChangesNoPassword(string how, string email)
    {
        var anonymous = new Browser(factory);
        var seen = (await Mails.InAsync(factory)).Select(m => m.Id).ToHashSet();
        await ForgotAsync(anonymous, email);

        var sent = Mails.LinkIn(Assert.Single(await Mails.InAsync(factory), m => m.To == email && !seen.Contains(m.Id)));
        var link = how == "tampered"
            ? sent.Replace("token=", "token=A", StringComparison.Ordinal)
            : sent.Replace(Uri.EscapeDataString(email), Uri.EscapeDataString("author.wu@demo.example"), StringComparison.Ordinal).Replace(email, "author.wu@demo.example", StringComparison.Ordinal);
        Assert.NotEqual(sent, link);
        Assert.Contains("data-testid=\"reset-invalid\"", await anonymous.GetStringAsync(link), StringComparison.Ordinal);

        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query);
        var fields = new Dictionary<string, string> { ["Email"] = query["email"]!, ["Token"] = query["token"]!, ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword };
        using (var posted = await anonymous.Client.PostAsync("/account/reset-password", FormFields.WithToken(fields, await anonymous.TokenFromAsync("/account/forgot-password"))))
        {
            Assert.Contains("data-testid=\"reset-invalid\"", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await new Browser(factory).SignInOrFailAsync(query["email"]!);
    }

    [Fact]
    public async Task AChangedPassword_NeedsTheCurrentOne_KeepsThisSession_AndEndsTheOthers()
    {
        const string email = "coordinator.yunling@demo.example";
        var me = await Nominating.SignedInAsync(factory, email);
        var elsewhere = await Nominating.SignedInAsync(factory, email);
        Assert.Contains("href=\"/account/security\"", await me.GetStringAsync("/coordinator"), StringComparison.Ordinal);

        var fields = new Dictionary<string, string> { ["Change.CurrentPassword"] = "Wrong-Password-1", ["Change.Password"] = NewPassword, ["Change.ConfirmPassword"] = NewPassword };
        using (var wrong = await me.SubmitAsync("/account/security", "/account/security/password", fields))
        {
            Assert.Contains("当前密码不正确。", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await new Browser(factory).SignInOrFailAsync(email);
        fields["Change.CurrentPassword"] = Browser.DemoPassword;
        using (var changed = await me.SubmitAsync("/account/security", "/account/security/password", fields))
        {
            Assert.Equal("/account/security", changed.Headers.Location?.OriginalString);
        }

        Assert.Contains("密码已修改", await me.GetStringAsync("/account/security"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await me.Client.GetAsync("/coordinator")).StatusCode);
        await AssertSignedOutAsync(elsewhere, "/coordinator");
        await new Browser(factory).SignInOrFailAsync(email, NewPassword);
        Assert.Single(await Mails.InAsync(factory), m => m.To == email && m.Subject == "您的密码已修改");
    }

    [Fact]
    public async Task TwoStepVerification_IsSetUpWithTheAppsCode_ThenSigningInAsksForIt_ARecoveryCodeWorksOnce_AndTheOrganizerCanTurnItOff()
    {
        const string email = "judge.zheng@demo.example";
        var me = await Nominating.SignedInAsync(factory, email);
        var elsewhere = await Nominating.SignedInAsync(factory, email);
        Assert.Contains("未开启", await me.GetStringAsync("/account/security"), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"two-factor-hint\"", await me.GetStringAsync("/judge"), StringComparison.Ordinal);

        (await me.PostAsync("/account/security", "/account/security/two-factor/start")).Dispose();
        var setup = await me.GetStringAsync("/account/security/two-factor");
        // The QR code is an image made by the site itself, not fetched from anywhere.
        var qr = WebUtility.HtmlDecode(Regex.Match(setup, "<img src=\"data:image/png;base64,([^\"]+)\"[^>]*data-testid=\"authenticator-qr\"").Groups[1].Value);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], Convert.FromBase64String(qr)[..4]);
        var key = KeyPattern().Match(setup).Groups[1].Value;

        using (var wrong = await me.SubmitAsync("/account/security/two-factor", "/account/security/two-factor", new Dictionary<string, string> { ["Form.Code"] = Authenticator.Code(key, DateTime.UtcNow.AddMinutes(-10)) }))
        {
            Assert.Contains("验证码错误或已过期", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        List<string> codes;
        using (var on = await me.SubmitAsync("/account/security/two-factor", "/account/security/two-factor", new Dictionary<string, string> { ["Form.Code"] = Authenticator.Code(key, DateTime.UtcNow) }))
        {
            var page = await on.Content.ReadAsStringAsync();
            Assert.Contains("两步验证已开启", page, StringComparison.Ordinal);
            codes = [.. RecoveryCodePattern().Matches(page[page.IndexOf("data-testid=\"recovery-codes\"", StringComparison.Ordinal)..]).Select(m => m.Groups[1].Value)];
        }

        Assert.Equal(10, codes.Distinct().Count());
        Assert.Contains("已开启", await me.GetStringAsync("/account/security"), StringComparison.Ordinal);
        await AssertSignedOutAsync(elsewhere, "/judge");

        // The password alone no longer signs in: the second step asks for the app's code.
        var browser = new Browser(factory);
        using (var first = await browser.SignInAsync(email))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Contains("data-testid=\"login-two-factor\"", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await AssertSignedOutAsync(browser, "/judge");
        using (var wrong = await browser.SubmitAsync("/account/login", "/account/login/two-factor", new Dictionary<string, string> { ["Code"] = "000000" }))
        {
            Assert.Contains("验证码错误或已过期", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The code that turned it on is spent (ASVS 2.8.4): the app's next one signs in.
        var used = Authenticator.Code(key, DateTime.UtcNow.AddSeconds(30));
        using (var second = await browser.SubmitAsync("/account/login", "/account/login/two-factor", new Dictionary<string, string> { ["Code"] = used }))
        {
            Assert.Equal("/dashboard", second.Headers.Location?.OriginalString);
        }

        // Someone who saw that code typed cannot sign in with it while it is still in its window.
        var onlooker = new Browser(factory);
        (await onlooker.SignInAsync(email)).Dispose();
        using (var replayed = await onlooker.SubmitAsync("/account/login", "/account/login/two-factor", new Dictionary<string, string> { ["Code"] = used }))
        {
            Assert.Contains("验证码错误或已过期", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await AssertSignedOutAsync(onlooker, "/judge");

        Assert.DoesNotContain("data-testid=\"two-factor-hint\"", await browser.GetStringAsync("/judge"), StringComparison.Ordinal);

        // A recovery code instead of the app: once.
        Assert.Equal("/dashboard", await TwoStepsAsync(email, codes[0]));
        Assert.Null(await TwoStepsAsync(email, codes[0]));

        // Lost phone and codes: the organizer turns it off, and the password alone signs in again.
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var id = factory.WithDb(db => db.Users.Single(u => u.Email == email).Id);
        Assert.Contains($"action=\"/organizer/users/{id}/two-factor-off\"", await organizer.GetStringAsync("/organizer/users?role=Judge"), StringComparison.Ordinal);
        using (var missing = await organizer.PostAsync("/organizer/users", "/organizer/users/999999/two-factor-off"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        using (var off = await organizer.PostAsync("/organizer/users", $"/organizer/users/{id}/two-factor-off"))
        {
            Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        }

        await AssertSignedOutAsync(browser, "/judge");
        await new Browser(factory).SignInOrFailAsync(email);
        var key2 = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(["EnableTwoFactor", "UseRecoveryCode", "TwoFactorTurnedOff"], factory.WithDb(db => db.AuditLog.Where(a => a.EntityKey == key2 && a.EntityType == "User").OrderBy(a => a.Id).Select(a => a.Action).ToList()));
    }

    [Fact]
    public async Task TurningTwoStepVerificationOff_OrRenewingTheCodes_NeedsThePassword()
    {
        const string email = "judge.qian@demo.example";
        var me = await Nominating.SignedInAsync(factory, email);
        (await me.PostAsync("/account/security", "/account/security/two-factor/start")).Dispose();
        var key = KeyPattern().Match(await me.GetStringAsync("/account/security/two-factor")).Groups[1].Value;
        (await me.SubmitAsync("/account/security/two-factor", "/account/security/two-factor", new Dictionary<string, string> { ["Form.Code"] = Authenticator.Code(key, DateTime.UtcNow) })).Dispose();

        foreach (var action in new[] { "recovery-codes", "disable" })
        {
            using var refused = await me.SubmitAsync("/account/security", $"/account/security/two-factor/{action}", new Dictionary<string, string> { ["Confirm.CurrentPassword"] = "Wrong-Password-1" });
            Assert.Contains("当前密码不正确。", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.True(factory.WithDb(db => db.Users.Single(u => u.Email == email).TwoFactorEnabled));
        using (var renewed = await me.SubmitAsync("/account/security", "/account/security/two-factor/recovery-codes", new Dictionary<string, string> { ["Confirm.CurrentPassword"] = Browser.DemoPassword }))
        {
            Assert.Equal(10, RecoveryCodePattern().Count(await renewed.Content.ReadAsStringAsync()));
        }

        (await me.SubmitAsync("/account/security", "/account/security/two-factor/disable", new Dictionary<string, string> { ["Confirm.CurrentPassword"] = Browser.DemoPassword })).Dispose();
        Assert.Contains("两步验证已关闭", await me.GetStringAsync("/account/security"), StringComparison.Ordinal);
        await new Browser(factory).SignInOrFailAsync(email);
    }

    [Fact]
    public async Task WrongCurrentPasswords_CountAsFailedSignIns_TheFifthEndsTheSession_AndTheOrganizerCanUnlock()
    {
        const string email = "coordinator.liuxi@demo.example";
        var me = await Nominating.SignedInAsync(factory, email);
        for (var i = 1; i <= 4; i++)
        {
            using var wrong = await me.SubmitAsync("/account/security", "/account/security/password", new Dictionary<string, string> { ["Change.CurrentPassword"] = $"Wrong-Password-{i}", ["Change.Password"] = NewPassword, ["Change.ConfirmPassword"] = NewPassword });
            Assert.Contains("当前密码不正确。", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var fifth = await me.SubmitAsync("/account/security", "/account/security/two-factor/disable", new Dictionary<string, string> { ["Confirm.CurrentPassword"] = "Wrong-Password-5" }))
        {
            Assert.Equal("/account/login", fifth.Headers.Location?.OriginalString);
        }

        await AssertSignedOutAsync(me, "/coordinator");
        using (var locked = await new Browser(factory).SignInAsync(email))
        {
            Assert.Contains("账号已锁定", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The organizer, who knows who is asking, ends the lockout early.
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var id = factory.WithDb(db => db.Users.Single(u => u.Email == email).Id);
        Assert.Contains($"action=\"/organizer/users/{id}/unlock\"", await organizer.GetStringAsync("/organizer/users?q=liuxi"), StringComparison.Ordinal);
        using (var missing = await organizer.PostAsync("/organizer/users", "/organizer/users/999999/unlock"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        (await organizer.PostAsync("/organizer/users", $"/organizer/users/{id}/unlock")).Dispose();
        await new Browser(factory).SignInOrFailAsync(email);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, factory.WithDb(db => db.AuditLog.Count(a => a.Action == "Unlock" && a.EntityKey == key)));
    }

    /// <summary>Signs in with the password and then <paramref name="code"/>; the redirect, or null if the code was refused.</summary>
    private async Task<string?> TwoStepsAsync(string email, string code)
    {
        var browser = new Browser(factory);
        (await browser.SignInAsync(email)).Dispose();
        using var response = await browser.SubmitAsync("/account/login", "/account/login/two-factor", new Dictionary<string, string> { ["Code"] = code });
        return response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location?.OriginalString : null;
    }

    /// <summary>Asks for a reset link on the sign-in page's form; returns the answer page.</summary>
    internal static async Task<string> ForgotAsync(Browser browser, string email)
    {
        using var response = await browser.SubmitAsync("/account/forgot-password", "/account/forgot-password", new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Sent(string page) => Regex.Match(page, "data-testid=\"forgot-sent\">([^<]*)<").Groups[1].Value;

    private static async Task AssertSignedOutAsync(Browser browser, string page)
    {
        using var response = await browser.Client.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [GeneratedRegex("data-testid=\"authenticator-key\">([a-z2-7 ]+)<")]
    internal static partial Regex KeyPattern();

    [GeneratedRegex("<li>([A-Z0-9]{5}-[A-Z0-9]{5})</li>")]
    private static partial Regex RecoveryCodePattern();
}

/// <summary>A site that requires two-step verification of its judges (<c>Awards:Security:RequireTwoFactorFor</c>).</summary>
public sealed class TwoFactorForJudgesFactory : AwardsFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Awards:Security:RequireTwoFactorFor", "Judge");
    }
}

/// <summary>Where the organizer requires two-step verification of judges, a judge's pages wait for it; other roles and public pages do not.</summary>
public sealed class TwoFactorRequiredTests(TwoFactorForJudgesFactory factory) : IClassFixture<TwoFactorForJudgesFactory>
{
    [Fact]
    public async Task AJudgeWithoutIt_IsSentToSetItUp_ScoresNothing_ThenWorks_AndAnotherRoleIsNotAsked()
    {
        const string email = "judge.gao@demo.example";
        var judge = await Nominating.SignedInAsync(factory, email);
        using (var queue = await judge.Client.GetAsync("/judge"))
        {
            Assert.Equal("/account/security", queue.Headers.Location?.OriginalString);
        }

        Assert.Contains("组织方要求所有评委使用两步验证登录", await judge.GetStringAsync("/account/security"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await judge.Client.GetAsync("/notice")).StatusCode);

        // A post to a judge's page is not done either.
        var round = factory.WithDb(db => db.Rounds.First().Id);
        using (var posted = await judge.Client.PostAsync($"/judge/rounds/{round}/ANY-CODE", FormFields.WithToken(new Dictionary<string, string> { ["version"] = "0" }, await judge.TokenFromAsync("/account/security"))))
        {
            Assert.Equal("/account/security", posted.Headers.Location?.OriginalString);
        }

        // Set up here and now: this session counts as signed in with it, and the judge's pages open.
        (await judge.PostAsync("/account/security", "/account/security/two-factor/start")).Dispose();
        var key = AccountSecurityTests.KeyPattern().Match(await judge.GetStringAsync("/account/security/two-factor")).Groups[1].Value;
        (await judge.SubmitAsync("/account/security/two-factor", "/account/security/two-factor", new Dictionary<string, string> { ["Form.Code"] = Authenticator.Code(key, DateTime.UtcNow) })).Dispose();
        Assert.Equal(HttpStatusCode.OK, (await judge.Client.GetAsync("/judge")).StatusCode);

        // A new sign-in with the password and the app's code opens them too.
        var again = new Browser(factory);
        (await again.SignInAsync(email)).Dispose();
        (await again.SubmitAsync("/account/login", "/account/login/two-factor", new Dictionary<string, string> { ["Code"] = Authenticator.Code(key, DateTime.UtcNow.AddSeconds(30)) })).Dispose();
        Assert.Equal(HttpStatusCode.OK, (await again.Client.GetAsync("/judge")).StatusCode);

        // Turned off again, the session no longer counts: the pages wait for it once more.
        (await judge.SubmitAsync("/account/security", "/account/security/two-factor/disable", new Dictionary<string, string> { ["Confirm.CurrentPassword"] = Browser.DemoPassword })).Dispose();
        using (var after = await judge.Client.GetAsync("/judge"))
        {
            Assert.Equal("/account/security", after.Headers.Location?.OriginalString);
        }

        // Other roles are not asked.
        var coordinator = await Nominating.SignedInAsync(factory, "coordinator.liuxi@demo.example");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Client.GetAsync("/coordinator")).StatusCode);
    }
}

/// <summary>
/// The same site with Identity's own session check (a locked or changed account, every five
/// minutes in production) due on every request, so that a test meets it at once.
/// </summary>
public sealed class TwoFactorCheckedOftenFactory : AwardsFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Awards:Security:RequireTwoFactorFor", "Judge");
        Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.ConfigureTestServices(builder, services => services.PostConfigure<Microsoft.AspNetCore.Identity.SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero));
    }
}

/// <summary>A session signed in with two-step verification stays one when Identity checks it again.</summary>
public sealed class TwoFactorKeptTests(TwoFactorCheckedOftenFactory factory) : IClassFixture<TwoFactorCheckedOftenFactory>
{
    [Fact]
    public async Task AJudgeSignedInWithTheAppsCode_KeepsWorking_AfterIdentityRenewsTheSession()
    {
        const string email = "judge.lin@demo.example";
        var judge = await Nominating.SignedInAsync(factory, email);
        (await judge.PostAsync("/account/security", "/account/security/two-factor/start")).Dispose();
        var key = AccountSecurityTests.KeyPattern().Match(await judge.GetStringAsync("/account/security/two-factor")).Groups[1].Value;
        (await judge.SubmitAsync("/account/security/two-factor", "/account/security/two-factor", new Dictionary<string, string> { ["Form.Code"] = Authenticator.Code(key, DateTime.UtcNow) })).Dispose();

        var again = new Browser(factory);
        (await again.SignInAsync(email)).Dispose();
        (await again.SubmitAsync("/account/login", "/account/login/two-factor", new Dictionary<string, string> { ["Code"] = Authenticator.Code(key, DateTime.UtcNow.AddSeconds(30)) })).Dispose();
        for (var i = 0; i < 3; i++)
        {
            using var queue = await again.Client.GetAsync("/judge");
            Assert.True(queue.StatusCode == HttpStatusCode.OK, $"request {i + 1}: {(int)queue.StatusCode} {queue.Headers.Location}");
        }

        using (var setUpHere = await judge.Client.GetAsync("/judge"))
        {
            Assert.Equal(HttpStatusCode.OK, setUpHere.StatusCode);
        }

        // The renewed session is still this session, and still one with two-step verification
        // after its password changes (which renews the stamp).
        Assert.Contains("data-testid=\"this-session\"", await again.GetStringAsync("/account/security"), StringComparison.Ordinal);
        (await again.SubmitAsync("/account/security", "/account/security/password", new Dictionary<string, string> { ["Change.CurrentPassword"] = Browser.DemoPassword, ["Change.Password"] = "Kept-Two-Step-2027", ["Change.ConfirmPassword"] = "Kept-Two-Step-2027" })).Dispose();
        using (var changed = await again.Client.GetAsync("/judge"))
        {
            Assert.True(changed.StatusCode == HttpStatusCode.OK, $"after the password change: {(int)changed.StatusCode} {changed.Headers.Location}");
        }
    }
}
