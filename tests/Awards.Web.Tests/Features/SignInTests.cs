using System.Net;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Features;

public sealed class SignInTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Theory]
    [InlineData("organizer@demo.example", "/organizer", "组织方工作台")]
    [InlineData("coordinator.qingshan@demo.example", "/coordinator", "青山县")]
    [InlineData("author.zhang@demo.example", "/author", "我的征文")]
    [InlineData("judge.huang@demo.example", "/judge", "我的评审")]
    public async Task EachDemoRole_SignsIn_AndReachesItsDashboard(string email, string dashboard, string expected)
    {
        var browser = new Browser(factory);
        await browser.SignInOrFailAsync(email);

        using var redirect = await browser.Client.GetAsync("/dashboard");
        Assert.Equal(dashboard, redirect.Headers.Location?.OriginalString);
        var html = await browser.GetStringAsync(dashboard);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Contains(email, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("coordinator.qingshan@demo.example", "/organizer")]
    [InlineData("author.zhang@demo.example", "/organizer/users")]
    [InlineData("judge.huang@demo.example", "/organizer/mailbox")]
    [InlineData("organizer@demo.example", "/coordinator")]
    [InlineData("author.zhang@demo.example", "/judge")]
    [InlineData("judge.huang@demo.example", "/author")]
    [InlineData("coordinator.qingshan@demo.example", "/organizer/users/invite")]
    public async Task RolePages_AreRefused_ToOtherRoles(string email, string path)
    {
        var browser = new Browser(factory);
        await browser.SignInOrFailAsync(email);

        using var response = await browser.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/organizer")]
    [InlineData("/coordinator")]
    [InlineData("/author")]
    [InlineData("/judge")]
    [InlineData("/organizer/users")]
    public async Task RolePages_SendAnonymousVisitors_ToSignIn(string path)
    {
        using var response = await new Browser(factory).Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessDenied_SaysSoInChinese()
    {
        var browser = new Browser(factory);
        await browser.SignInOrFailAsync("judge.huang@demo.example");

        using var response = await browser.Client.GetAsync("/account/access-denied");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("您无权查看此页面。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPassword_IsRefused_WithAClearMessage()
    {
        var browser = new Browser(factory);
        using var response = await browser.SignInAsync("judge.lin@demo.example", "Wrong-Password-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("邮箱或密码错误。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveFailedSignIns_LockTheAccount_EvenAgainstTheRightPassword()
    {
        var browser = new Browser(factory);
        for (var i = 0; i < 5; i++)
        {
            using var failed = await browser.SignInAsync("judge.gao@demo.example", "Wrong-Password-1");
        }

        using var response = await browser.SignInAsync("judge.gao@demo.example");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("登录失败次数过多，账号已锁定 15 分钟。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var browser = new Browser(factory);
        await browser.SignInOrFailAsync("author.li@demo.example");

        using var signOut = await browser.SubmitAsync("/author", "/account/logout", new Dictionary<string, string>());
        using var after = await browser.Client.GetAsync("/author");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posts_WithoutAnAntiforgeryToken_AreRejected()
    {
        using var response = await new Browser(factory).Client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "organizer@demo.example",
            ["Password"] = Browser.DemoPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignedInPages_AreNotCached()
    {
        var browser = new Browser(factory);
        await browser.SignInOrFailAsync("author.zhang@demo.example");

        using var response = await browser.Client.GetAsync("/author");

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task ReturnUrl_OutsideTheSite_IsIgnored()
    {
        var browser = new Browser(factory);
        using var response = await browser.SubmitAsync("/account/login", "/account/login", new Dictionary<string, string>
        {
            ["Email"] = "author.he@demo.example",
            ["Password"] = Browser.DemoPassword,
            ["ReturnUrl"] = "https://evil.example/",
        });

        Assert.Equal("/dashboard", response.Headers.Location?.OriginalString);
    }
}
