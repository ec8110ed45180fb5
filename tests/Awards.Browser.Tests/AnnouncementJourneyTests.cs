using Microsoft.Playwright;

namespace Awards.Browser.Tests;

/// <summary>The organizer writes an announcement with its live preview and publishes it; a visitor reads it from the contest page.</summary>
public sealed class AnnouncementJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Organizer_PublishesAnAnnouncement_WithAPreview_AndAVisitorReadsItFromTheContestPage()
    {
        await using var organizerContext = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString(), Locale = "zh-CN" });
        var page = await organizerContext.NewPageAsync();
        var consoleErrors = Journey.ConsoleErrors(page);
        await Journey.SignInAsync(page, "organizer@demo.example", "**/organizer");

        await page.GetByTestId("announcements-link").ClickAsync();
        await Journey.ExpectUrlAsync(page, "**/organizer/announcements");
        await page.GetByTestId("new-announcement").ClickAsync();
        await Journey.ExpectUrlAsync(page, "**/organizer/announcements/new");
        await page.GetByLabel("标题（中文）").FillAsync("颁奖典礼时间地点");
        await page.GetByLabel("正文（中文，Markdown）").FillAsync("颁奖典礼于 **10 月 17 日上午** 在市民中心举行。");

        // The preview is the server's own rendering, as the public will see it.
        await page.Locator("#preview-zh strong").Filter(new() { HasText = "10 月 17 日上午" }).WaitForAsync();

        await page.GetByTestId("publish").ClickAsync();
        await Journey.ExpectUrlAsync(page, "**/organizer/announcements");
        Assert.Contains("已发布在评选首页", await page.Locator(".alert[role=status]").InnerTextAsync(), StringComparison.Ordinal);

        await using var visitorContext = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString(), Locale = "zh-CN" });
        var visitor = await visitorContext.NewPageAsync();
        var visitorErrors = Journey.ConsoleErrors(visitor);
        await visitor.GotoAsync("/");
        await visitor.GetByTestId("latest-announcements").GetByRole(AriaRole.Link, new() { Name = "颁奖典礼时间地点" }).ClickAsync();
        await Journey.ExpectUrlAsync(visitor, "**/announcements/*");
        Assert.Equal("颁奖典礼时间地点", await visitor.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Equal("10 月 17 日上午", await visitor.GetByTestId("announcement-body").Locator("strong").InnerTextAsync());

        Assert.Empty(consoleErrors);
        Assert.Empty(visitorErrors);
    }
}
