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

        Assert.Empty(consoleErrors);
    }
}
