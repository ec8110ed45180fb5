using System.Text.RegularExpressions;
using Awards.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Awards.Browser.Tests;

/// <summary>
/// In Chromium: a forgotten password reset from the mailed link, then changed again on the account
/// security page; and a judge who sets up two-step verification, scanning nothing but typing the
/// key's code as an authenticator app would, then signs in with the second step.
/// </summary>
public sealed partial class AccountJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task AnAuthorWhoForgotTheirPassword_SetsANewOneFromTheMail_SignsIn_AndChangesItAgain()
    {
        const string email = "author.wu@demo.example";
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString(), Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var consoleErrors = Journey.ConsoleErrors(page);

        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "忘记密码？" }).ClickAsync();
        await Journey.ExpectUrlAsync(page, "**/account/forgot-password");
        await page.GetByLabel("电子邮箱").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "发送链接" }).ClickAsync();
        await page.GetByTestId("forgot-sent").WaitForAsync();

        var mail = await site.MailToAsync(email);
        await page.GotoAsync(new Uri(Link().Match(mail.Body).Value).PathAndQuery);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync("Forgotten-Then-2027");
        await page.GetByLabel("确认密码").FillAsync("Forgotten-Then-2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "设置密码" }).ClickAsync();
        await Journey.ExpectUrlAsync(page, "**/account/login");
        Assert.Contains("新密码已设置", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await Journey.FillAndSignInAsync(page, email, "**/author", "Forgotten-Then-2027");
        await page.GetByTestId("signed-in-as").ClickAsync();
        await Journey.ExpectUrlAsync(page, "**/account/security");
        await page.GetByLabel("当前密码").FillAsync("Forgotten-Then-2027");
        await page.GetByLabel("新密码").FillAsync("Changed-Again-2028");
        await page.GetByLabel("确认密码").FillAsync("Changed-Again-2028");
        await page.GetByRole(AriaRole.Button, new() { Name = "修改密码" }).ClickAsync();
        await page.GetByText("密码已修改，您的其他会话已退出。").WaitForAsync();

        // Still signed in here; the new password is the one that works next time.
        await page.GotoAsync("/author");
        await Journey.ExpectUrlAsync(page, "**/author");
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task AJudge_SetsUpTwoStepVerification_KeepsTheRecoveryCodes_AndSignsInWithTheAppsCode()
    {
        const string email = "judge.qian@demo.example";
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString(), Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var consoleErrors = Journey.ConsoleErrors(page);

        await Journey.SignInAsync(page, email, "**/judge");
        await page.GetByTestId("signed-in-as").ClickAsync();
        await Journey.ExpectUrlAsync(page, "**/account/security");
        await page.GetByTestId("two-factor-start").ClickAsync();
        await Journey.ExpectUrlAsync(page, "**/account/security/two-factor");
        Assert.True(await page.GetByTestId("authenticator-qr").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the QR code is not shown");
        var key = await page.GetByTestId("authenticator-key").InnerTextAsync();
        await page.GetByLabel("应用中的验证码").FillAsync(Authenticator.Code(key, DateTime.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "开启两步验证" }).ClickAsync();
        await page.GetByTestId("recovery-codes").WaitForAsync();
        Assert.Equal(10, await page.GetByTestId("recovery-codes").Locator("li").CountAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("电子邮箱").FillAsync(email);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(Journey.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.GetByTestId("login-two-factor").WaitForAsync();
        // The code that turned it on is spent: the app's next one signs in.
        await page.GetByLabel("应用中的验证码或恢复码").FillAsync(Authenticator.Code(key, DateTime.UtcNow.AddSeconds(30)));
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Journey.ExpectUrlAsync(page, "**/judge");
        Assert.Equal(0, await page.GetByTestId("two-factor-hint").CountAsync());
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task ACoordinator_SeesTheSessionOnTheirPhone_AndSignsItOut_FromTheOfficeComputer()
    {
        const string email = "coordinator.power@demo.example";
        await using var office = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString(), Locale = "zh-CN" });
        await using var phone = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseAddress.ToString(),
            Locale = "zh-CN",
            UserAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
        });
        var onPhone = await phone.NewPageAsync();
        var atOffice = await office.NewPageAsync();
        var consoleErrors = Journey.ConsoleErrors(atOffice);
        await Journey.SignInAsync(onPhone, email, "**/coordinator");
        await Journey.SignInAsync(atOffice, email, "**/coordinator");

        // The office computer is a device the account had not been used on: its owner is told.
        var notice = await site.MailToAsync(email, "您的账号在新设备上登录");
        Assert.Contains("在一台此前未用过的设备上登录：Chrome", notice.Body, StringComparison.Ordinal);

        await atOffice.GetByTestId("signed-in-as").ClickAsync();
        await Journey.ExpectUrlAsync(atOffice, "**/account/security");
        var sessions = atOffice.GetByTestId("sessions");
        var phoneSession = sessions.GetByTestId("session").Filter(new LocatorFilterOptions { HasText = "Safari · iOS" });
        Assert.Equal(1, await phoneSession.CountAsync());
        Assert.Equal(1, await sessions.GetByTestId("this-session").CountAsync());
        await sessions.GetByLabel("当前密码").FillAsync(Journey.DemoPassword);
        await phoneSession.GetByRole(AriaRole.Button, new() { Name = "退出此会话" }).ClickAsync();
        await atOffice.GetByText("该会话已退出。").WaitForAsync();
        Assert.Equal(1, await atOffice.GetByTestId("sessions").GetByTestId("session").CountAsync());

        // The phone is sent to sign in at its next page; the office computer stays signed in.
        await onPhone.GotoAsync("/coordinator");
        await Journey.ExpectUrlAsync(onPhone, "**/account/login**");
        await atOffice.GotoAsync("/coordinator");
        await Journey.ExpectUrlAsync(atOffice, "**/coordinator");
        Assert.Empty(consoleErrors);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
