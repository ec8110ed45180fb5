using System.Net;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Security;

/// <summary>
/// ASVS 2.2.1, 11.1.4 (SECURITY.md §2): sign-in and objections are rate-limited per client address
/// (here 3 account posts a minute; objections below), with a message in Chinese and nothing done. Entry posts have NominationRateLimitTests.
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
}

/// <summary>
/// Objections are counted when received (5 an hour per address by default): a form refused for a
/// mistake costs the visitor nothing. A class of its own, so that no other test's posts from the
/// same address share its counts.
/// </summary>
public sealed class ObjectionLimitTests(StrictRateLimitFactory factory) : IClassFixture<StrictRateLimitFactory>
{
    [Fact]
    public async Task MistakenObjectionsCostNothing_AndTheSixthReceivedGets429()
    {
        var codes = Judged.Score(factory, "help-story", [90, 90, 90], [80, 80, 80]);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        await Judged.PublishAsync(factory, organizer, "help-story", 1, 1);
        var visitor = new Browser(factory);
        var token = await visitor.TokenFromAsync("/notice");
        FormUrlEncodedContent Objection(string text, string entry = "") => new(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Track"] = "help-story",
            ["Entry"] = entry,
            ["Name"] = "王先生",
            ["Contact"] = "0791-5550100",
            ["Text"] = text,
        });

        // Three mistakes (too short, a code not on the notice, empty): each refused with a message, none counted.
        foreach (var mistaken in new[] { Objection("太短"), Objection("我认为该获奖作品与事实不符，请核实。", "ZZZZ-ZZZZ"), Objection(string.Empty) })
        {
            using var refused = await visitor.Client.PostAsync("/notice/objections", mistaken);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        for (var i = 0; i < 5; i++)
        {
            using var received = await visitor.Client.PostAsync("/notice/objections", Objection($"第{i + 1}条：我认为该获奖作品与事实不符，请核实。", codes[0]));
            Assert.Equal(HttpStatusCode.Redirect, received.StatusCode);
        }

        using (var sixth = await visitor.Client.PostAsync("/notice/objections", Objection("第6条：我认为该获奖作品与事实不符，请核实。", codes[0])))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
            Assert.Contains("<p data-testid=\"error-message\">您的地址提交异议过于频繁，请一小时后再试。</p>", await sixth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(5, factory.WithDb(db => db.Objections.Count()));
    }
}

/// <summary>
/// The objection count is checked and taken in one step: ten objections from one address at the
/// same moment (all well formed, under the flood guard's 10) store five, and the other five get
/// the 429. A class of its own, so that no other test's posts share its counts.
/// </summary>
public sealed class ObjectionRaceTests(StrictRateLimitFactory factory) : IClassFixture<StrictRateLimitFactory>
{
    [Fact]
    public async Task TenObjectionsAtOnceFromOneAddress_StoreFive_AndTheRestGet429()
    {
        var codes = Judged.Score(factory, "help-story", [90, 90, 90], [80, 80, 80]);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        await Judged.PublishAsync(factory, organizer, "help-story", 1, 1);
        var visitor = new Browser(factory);
        var token = await visitor.TokenFromAsync("/notice");
        FormUrlEncodedContent Objection(int i) => new(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Track"] = "help-story",
            ["Entry"] = codes[0],
            ["Name"] = "王先生",
            ["Contact"] = "0791-5550100",
            ["Text"] = $"第{i + 1}条：我认为该获奖作品与事实不符，请核实。",
        });

        using var start = new ManualResetEventSlim();
        var posts = Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            start.Wait();
            using var response = await visitor.Client.PostAsync("/notice/objections", Objection(i));
            return response.StatusCode;
        })).ToList();
        start.Set();
        var answers = await Task.WhenAll(posts);

        Assert.Equal(5, answers.Count(a => a == HttpStatusCode.Redirect));
        Assert.Equal(5, answers.Count(a => a == HttpStatusCode.TooManyRequests));
        Assert.Equal(5, factory.WithDb(db => db.Objections.Count()));
    }
}

/// <summary>
/// The flood guard in front of the objection count: posts of the objection form, refused ones
/// included, stop at 10 an hour per address here. A class of its own, so that its factory (and
/// the address's count) is not shared with the tests above.
/// </summary>
public sealed class ObjectionFloodTests(StrictRateLimitFactory factory) : IClassFixture<StrictRateLimitFactory>
{
    [Fact]
    public async Task ObjectionFormPosts_StopAtTheFloodGuard_EvenWhenEachIsRefused()
    {
        var visitor = new Browser(factory);
        var token = await visitor.TokenFromAsync("/notice");
        FormUrlEncodedContent Objection(int i) => new(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Track"] = "journey",
            ["Name"] = $"第{i}位",
            ["Contact"] = "0791-5550100",
            ["Text"] = "我认为该获奖作品与事实不符，请核实。",
        });
        for (var i = 0; i < 10; i++)
        {
            // Nothing of this theme is on notice, so each is refused with a message.
            using var refused = await visitor.Client.PostAsync("/notice/objections", Objection(i));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        using var limited = await visitor.Client.PostAsync("/notice/objections", Objection(11));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("<p data-testid=\"error-message\">您的地址提交异议过于频繁，请一小时后再试。</p>", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, factory.WithDb(db => db.Objections.Count()));
    }
}

/// <summary>
/// Look-ups by a typed code (an objection's reference, a certificate's code) stop at the limit per
/// address (3 a minute here), whichever of the two is tried, with the message to wait; the count
/// starts again the next minute.
/// </summary>
public sealed class LookupLimitTests(LookupLimitFactory factory) : IClassFixture<LookupLimitFactory>
{
    [Fact]
    public async Task TryingCodesInALoop_Gets429_AcrossObjectionsAndCertificates()
    {
        var visitor = new Browser(factory);
        using (var first = await visitor.Client.GetAsync("/notice/lookup?reference=YY-0000-0001"))
        {
            Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        }

        using (var second = await visitor.Client.GetAsync("/notice/objections/YY-0000-0002"))
        {
            Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        }

        using (var third = await visitor.Client.GetAsync("/verify/ZS-0000-0003"))
        {
            Assert.Equal(HttpStatusCode.NotFound, third.StatusCode);
        }

        using var limited = await visitor.Client.GetAsync("/verify/ZS-0000-0004");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("<p data-testid=\"error-message\">尝试次数过多，请一分钟后再试。</p>", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The public pages around them are not counted.
        using var notice = await visitor.Client.GetAsync("/verify");
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
    }
}
