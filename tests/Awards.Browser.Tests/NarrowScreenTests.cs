using Microsoft.Playwright;

namespace Awards.Browser.Tests;

/// <summary>
/// On a small phone's width (375 px) no page is wider than the screen: a wide table scrolls inside
/// itself, and the rest of the page (the navigation, the filters, the text) stays in view.
/// </summary>
public sealed class NarrowScreenTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData(null, "/", "/notice", "/account/login", "/account/forgot-password", "/results", "/tracks/outstanding-organization?culture=en", "/tracks/help-story?culture=en")]
    [InlineData("organizer@demo.example", "/organizer", "/organizer/essays", "/organizer/nominations", "/organizer/judging", "/organizer/results", "/organizer/results/help-story", "/organizer/users", "/organizer/users/invite-many", "/organizer/units", "/organizer/units/qingshan", "/organizer/audit", "/organizer/outbox", "/organizer/exports", "/organizer/contest", "/organizer/contest/tracks/help-story", "/organizer/contest/new-track", "/organizer/nominations?culture=en", "/organizer/essays?culture=en", "/organizer/judging?culture=en", "/organizer/results?culture=en", "/organizer/results/outstanding-organization?culture=en")]
    [InlineData("coordinator.qingshan@demo.example", "/coordinator")]
    [InlineData("author.zhang@demo.example", "/author")]
    [InlineData("judge.huang@demo.example", "/judge", "/account/security")]
    public async Task NoPage_IsWiderThanAPhonesScreen(string? email, params string[] pages)
    {
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString(), Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 375, Height = 812 } });
        var page = await context.NewPageAsync();
        if (email is not null)
        {
            // Each role lands on its own dashboard, the first page of its row.
            await Journey.SignInAsync(page, email, "**" + pages[0]);
        }

        var tooWide = new List<string>();
        foreach (var url in pages)
        {
            await page.GotoAsync(url);
            Assert.Equal(url, new Uri(page.Url).PathAndQuery);
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (width > 375)
            {
                tooWide.Add($"{url}: {width} px");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.ArtifactsFolder, $"narrow{url.Replace('/', '-')}.png"), FullPage = true });
            }
        }

        Assert.True(tooWide.Count == 0, "Wider than the screen (375 px):\n" + string.Join("\n", tooWide));
    }
}
