using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Awards.Web.Infrastructure;
using Awards.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Awards.Web.Tests.Features;

public sealed class PublicPagesTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task ContestPage_IsInChinese_ByDefault_WithRulesDeadlinesAndQuotas()
    {
        var html = await new Browser(factory).GetStringAsync("/");

        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("2026年清河市扶贫日表彰暨征文活动", html, StringComparison.Ordinal);
        Assert.Contains("正在报送", html, StringComparison.Ordinal);
        Assert.Contains("报送截止", html, StringComparison.Ordinal);
        Assert.Contains("data-countdown=", html, StringComparison.Ordinal);
        Assert.Contains("征文：我的帮扶故事", html, StringComparison.Ordinal);
        Assert.Contains("一等奖 5", html, StringComparison.Ordinal);
        Assert.Contains("优秀奖 50", html, StringComparison.Ordinal);
        Assert.Contains("<td>85</td>", html, StringComparison.Ordinal);
        Assert.Contains("组织创新奖", html, StringComparison.Ordinal);
        Assert.Contains("优秀组织奖", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNavigation_CallsTheNotice_ProposedWinners_AsItsPageDoes()
    {
        var browser = new Browser(factory);
        Assert.Contains("href=\"/notice\">拟获奖名单公示</a>", await browser.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("<h1 class=\"h3\">拟获奖名单公示</h1>", await browser.GetStringAsync("/notice"), StringComparison.Ordinal);
        Assert.Contains("href=\"/notice\">Proposed winners</a>", WebUtility.HtmlDecode(await browser.GetStringAsync("/?culture=en")), StringComparison.Ordinal);
        Assert.Contains("<h1 class=\"h3\">Public notice of proposed winners</h1>", await browser.GetStringAsync("/notice?culture=en"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageSwitch_RemembersEnglish_InACookie()
    {
        var browser = new Browser(factory);
        using var response = await browser.SubmitAsync("/", "/culture", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/tracks/journey" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/tracks/journey", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));

        var html = await browser.GetStringAsync("/");
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("2026 Qinghe Poverty Alleviation Day Commendations and Essay Contest", html, StringComparison.Ordinal);
        Assert.Contains("Open for submissions", html, StringComparison.Ordinal);
        Assert.Contains("Essay: My Help Story", html, StringComparison.Ordinal);
        Assert.DoesNotContain("活动规则", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALinksCultureQuery_ShowsThatPageInItsLanguage_WhateverTheDeviceChose_WithoutChangingTheChoice()
    {
        var browser = new Browser(factory);
        (await browser.SubmitAsync("/", "/culture", new Dictionary<string, string> { ["culture"] = "zh-CN", ["returnUrl"] = "/" })).Dispose();

        var english = await browser.GetStringAsync("/tracks/journey?culture=en&x=1");
        var next = await browser.GetStringAsync("/tracks/journey");

        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-CN\">", next, StringComparison.Ordinal);

        // The switch on that page brings the reader back to it without the link's language.
        Assert.Contains("name=\"returnUrl\" value=\"/tracks/journey?x=1\"", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageSwitch_RefusesToRedirectOffSite()
    {
        var browser = new Browser(factory);
        using var response = await browser.SubmitAsync("/", "/culture", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "https://evil.example/" });

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TrackPage_ShowsTheRubricWithWeightsAndLevels()
    {
        var html = await new Browser(factory).GetStringAsync("/tracks/help-story");

        Assert.Contains("思想内容", html, StringComparison.Ordinal);
        Assert.Contains("30%", html, StringComparison.Ordinal);
        Assert.Contains("90–100 优秀", html, StringComparison.Ordinal);
        Assert.Contains("1000 至 6000 字", html, StringComparison.Ordinal);
        Assert.Contains("每位作者最多 1 篇", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_GetsALocalized404_WithoutDetails()
    {
        using var response = await new Browser(factory).Client.GetAsync("/tracks/no-such-track");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在，或您无权查看。", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryResponse_CarriesTheSecurityHeaders()
    {
        using var response = await new Browser(factory).Client.GetAsync("/");

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("unsafe-inline", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task StaticAssets_AreServedFromTheSite_NotACdn()
    {
        var browser = new Browser(factory);
        var html = await browser.GetStringAsync("/");
        using var css = await browser.Client.GetAsync("/lib/bootstrap/css/bootstrap.min.css");
        using var js = await browser.Client.GetAsync("/js/site.js");

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
    }

    [Fact]
    public async Task StaticAssets_AreLinkedWithTheirContentsVersion_SoAnUpgradeIsNotServedFromAStaleCache()
    {
        var browser = new Browser(factory);
        var html = await browser.GetStringAsync("/");
        var links = Regex.Matches(html, "(?:href|src)=\"(/(?:lib|css|js)/[^\"?]+)\\?v=([^\"]+)\"").Select(m => (Path: m.Groups[1].Value, Version: m.Groups[2].Value)).ToList();

        Assert.Equal(["/lib/bootstrap/css/bootstrap.min.css", "/css/site.css", "/lib/bootstrap/js/bootstrap.bundle.min.js", "/js/site.js"], links.Select(l => l.Path));
        foreach (var (path, version) in links)
        {
            using var response = await browser.Client.GetAsync($"{path}?v={version}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var hash = SHA256.HashData(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(WebEncoders.Base64UrlEncode(hash), version);
        }
    }
}
