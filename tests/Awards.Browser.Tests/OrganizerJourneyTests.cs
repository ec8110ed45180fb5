using Microsoft.Playwright;

namespace Awards.Browser.Tests;

public sealed class OrganizerJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Organizer_OpensTheHomePage_SignsIn_AndReachesTheDashboard()
    {
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString(), Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var consoleErrors = Journey.ConsoleErrors(page);

        await page.GotoAsync("/");
        Assert.Equal("正在报送", await page.GetByTestId("phase").InnerTextAsync());
        // The countdown script runs (no inline script is needed under the CSP): it renders 天/时/分/秒.
        await page.Locator("[data-countdown]").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("秒$") }).WaitForAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "登录", Exact = true }).ClickAsync();
        await Journey.FillAndSignInAsync(page, "organizer@demo.example", "**/organizer");
        Assert.Equal("组织方工作台", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Contains("征文：我的帮扶故事", await page.GetByTestId("entries-by-track").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.ArtifactsFolder, "organizer-dashboard.png"), FullPage = true });
        Assert.True(new FileInfo(Path.Combine(SiteFixture.ArtifactsFolder, "organizer-dashboard.png")).Length > 10_000);

        // Switching to English keeps the person on the page.
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Organizer dashboard" }).WaitForAsync();
        await Journey.ExpectUrlAsync(page, "**/organizer");

        // In English, the longer language, every link of the organizer's navigation and the
        // sign-out button are on the screen (1280 px wide), each label on one line.
        var width = page.ViewportSize!.Width;
        var items = await page.Locator("nav.navbar .navbar-collapse .nav-link, nav.navbar .navbar-collapse button").AllAsync();
        Assert.True(items.Count >= 12, $"only {items.Count} navigation items");
        foreach (var item in items)
        {
            var box = await item.BoundingBoxAsync();
            var label = await item.InnerTextAsync();
            Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= width, $"\"{label}\" is off the screen: {box?.X} + {box?.Width} of {width}");
            Assert.True(box!.Height < 48, $"\"{label}\" wraps: {box.Height} px high");
        }

        Assert.Empty(consoleErrors);
    }
}
