using System.Net;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Features;

public sealed class ProductionModeTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Fact]
    public async Task ProductionMode_SeedsTheContest_ButNoAccountsAndNoSampleEntries()
    {
        var html = await new Browser(factory).GetStringAsync("/");

        Assert.Contains("2026年清河市扶贫日表彰暨征文活动", html, StringComparison.Ordinal);
        Assert.Equal(0, factory.WithDb(db => db.Users.Count()));
        Assert.Equal(0, factory.WithDb(db => db.Entries.Count()));
    }

    [Fact]
    public async Task ProductionMode_HasNoDemoPassword()
    {
        using var response = await new Browser(factory).SignInAsync("organizer@demo.example");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("邮箱或密码错误。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class RateLimitTests(StrictRateLimitFactory factory) : IClassFixture<StrictRateLimitFactory>
{
    [Fact]
    public async Task SignInPosts_BeyondTheLimit_AreRefused_With429()
    {
        var browser = new Browser(factory);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await browser.SignInAsync("judge.zheng@demo.example", "Wrong-Password-1");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
