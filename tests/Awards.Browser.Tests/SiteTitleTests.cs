using Microsoft.Playwright;

namespace Awards.Browser.Tests;

/// <summary>
/// The site's title in the header (the contest's name) is read in full on a phone and on a laptop,
/// in Chinese and in English, beside the organizer's ten links too: it wraps rather than being cut
/// off with an ellipsis, and the page does not scroll sideways.
/// </summary>
public sealed class SiteTitleTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData(375, 812)]
    [InlineData(1280, 800)]
    public async Task TheSiteTitle_IsShownInFull_InBothLanguages(int width, int height)
    {
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString(), Locale = "zh-CN", ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var cut = new List<string>();
        async Task CheckAsync(string url, string name)
        {
            await page.GotoAsync(url);
            var brand = page.Locator(".navbar-brand");
            Assert.Equal(name, (await brand.InnerTextAsync()).Replace("\n", string.Empty, StringComparison.Ordinal));
            var sizes = await brand.EvaluateAsync<double[]>("b => [b.scrollWidth, b.clientWidth, document.documentElement.scrollWidth, b.getBoundingClientRect().height]");
            var (scroll, client, pageWidth, brandHeight) = (sizes[0], sizes[1], sizes[2], sizes[3]);
            if (scroll > client || pageWidth > width)
            {
                cut.Add($"{url}: title {scroll} px in {client} px, page {pageWidth} px");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.ArtifactsFolder, $"title-{width}{url.Replace('/', '-').Replace('?', '-')}.png") });
            }

            // Wrapped, not squeezed to a column of characters: three lines at most.
            Assert.True(brandHeight < 100, $"{url}: the title is {brandHeight} px high");
        }

        const string zh = "2026年清河市扶贫日表彰暨征文活动";
        const string en = "2026 Qinghe Poverty Alleviation Day Commendations and Essay Contest";
        await CheckAsync("/", zh);
        await CheckAsync("/?culture=en", en);
        await Journey.SignInAsync(page, "organizer@demo.example", "**/organizer");
        await CheckAsync("/organizer", zh);
        await CheckAsync("/organizer?culture=en", en);

        Assert.True(cut.Count == 0, "The site's title is cut off:\n" + string.Join("\n", cut));
    }
}
