using System.Net;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Security;

/// <summary>
/// ASVS 2.2.1, 11.1.4 (SECURITY.md §2): sign-in and objections are rate-limited per client address
/// (here 3 account posts a minute and the default 5 objections an hour), with a message in Chinese
/// and nothing done. Entry posts have NominationRateLimitTests.
/// </summary>
public sealed class RateLimitTests(StrictRateLimitFactory factory) : IClassFixture<StrictRateLimitFactory>
{
    [Fact]
    public async Task TheFourthSignInAttemptInAMinute_Gets429_EvenWithTheRightPassword()
    {
        var browser = new Browser(factory);
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await browser.SignInAsync("judge.zheng@demo.example", "Wrong-Password-1");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var limited = await browser.SignInAsync("judge.zheng@demo.example");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var page = await limited.Content.ReadAsStringAsync();
        Assert.Contains("<p data-testid=\"error-message\">尝试次数过多，请一分钟后再试。</p>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">", page, StringComparison.Ordinal);
        Assert.False(limited.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("awards.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TheSixthObjectionInAnHour_Gets429_AndIsNotStored()
    {
        var visitor = new Browser(factory);
        var token = await visitor.TokenFromAsync("/notice");
        FormUrlEncodedContent Objection(int i) => new(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Track"] = "help-story",
            ["Name"] = $"第{i}位",
            ["Contact"] = "0791-5550100",
            ["Text"] = "我认为该获奖作品与事实不符，请核实。",
        });
        for (var i = 0; i < 5; i++)
        {
            // Nothing is on notice, so each is refused with a message; each still counts.
            using var refused = await visitor.Client.PostAsync("/notice/objections", Objection(i));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        using var limited = await visitor.Client.PostAsync("/notice/objections", Objection(6));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("<p data-testid=\"error-message\">您的地址提交异议过于频繁，请一小时后再试。</p>", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, factory.WithDb(db => db.Objections.Count()));
    }
}
