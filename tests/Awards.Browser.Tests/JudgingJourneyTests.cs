using Microsoft.Playwright;

namespace Awards.Browser.Tests;

public sealed class JudgingJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Judge_ScoresThreeEntries_WithTheKeyboardOnly_AndSeesTheProgress()
    {
        // The organizer puts three judges from units with no essays on the "My Help Story" panel and assigns.
        await using var organizerContext = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString(), Locale = "zh-CN" });
        var organizer = await organizerContext.NewPageAsync();
        await Journey.SignInAsync(organizer, "organizer@demo.example", "**/organizer");
        await organizer.GotoAsync("/organizer/judging");
        await organizer.GetByTestId("rounds").Locator("tr", new() { HasText = "征文：我的帮扶故事" }).First.GetByRole(AriaRole.Link).ClickAsync();
        foreach (var judge in new[] { "林雪", "高建华", "郑若兰" })
        {
            await organizer.GetByLabel(judge).CheckAsync();
        }

        await organizer.GetByRole(AriaRole.Button, new() { Name = "保存评审组" }).ClickAsync();
        await organizer.GetByRole(AriaRole.Button, new() { Name = "分配评委（预览）" }).ClickAsync();
        await organizer.GetByRole(AriaRole.Button, new() { Name = "确认分配" }).ClickAsync();
        await organizer.GetByText("分配结果：保留 0 项，新增 9 项，撤销 0 项。").WaitForAsync();

        // The judge works with the keyboard alone, on a wide but low window (a laptop's).
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString(), Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1100, Height = 420 } });
        var page = await context.NewPageAsync();
        await Journey.SignInAsync(page, "judge.lin@demo.example", "**/judge");
        await page.GetByTestId("my-queues").GetByRole(AriaRole.Link).First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTestId("queue").WaitForAsync();
        await page.GetByTestId("queue").GetByRole(AriaRole.Link).First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        for (var entry = 1; entry <= 3; entry++)
        {
            await page.GetByTestId("position").Filter(new() { HasTextString = $"第 {entry} 件，共 3 件" }).WaitForAsync();

            // The browser moves the focus to the first score (autofocus) a moment after the page
            // shows; keys typed before that go to the page and, on a busy machine, Enter then
            // followed the first link.
            await Assertions.Expect(page.Locator("input[autofocus]")).ToBeFocusedAsync();
            if (entry == 1)
            {
                // Scrolled down the essay, the rubric stays in view beside it; then back to the top.
                var scrolled = await page.EvaluateAsync<double>("() => { const text = document.querySelector('[data-testid=judge-text]'); window.scrollTo({ top: text.getBoundingClientRect().top + window.scrollY + text.offsetHeight / 2, behavior: 'instant' }); return window.scrollY; }");
                Assert.True(scrolled > 200, $"the page scrolls only {scrolled} px");
                Assert.True((await page.GetByTestId("judge-text").BoundingBoxAsync())!.Y < 0, "the essay's top is still in view");
                Assert.InRange((await page.GetByTestId("rubric-column").BoundingBoxAsync())!.Y, 0, 100);
                await page.EvaluateAsync("() => window.scrollTo({ top: 0, behavior: \"instant\" })");
            }

            foreach (var score in new[] { "90", "85", "80", "88" })
            {
                await page.Keyboard.TypeAsync(score);
                await page.Keyboard.PressAsync("Tab");
            }

            // The comment, then back to a score field so that Enter submits the form.
            await page.Keyboard.TypeAsync("真实感人，结构完整。");
            await page.Keyboard.PressAsync("Shift+Tab");
            await page.Keyboard.PressAsync("Enter");
            await page.GetByText("的评分已提交").WaitForAsync();
        }

        Assert.Equal("已提交", await page.GetByTestId("score-status").InnerTextAsync());
        // A weighted mean of 80–90 lies between them.
        Assert.Matches(@"^8\d(\.\d+)?$", await page.GetByTestId("score-total").InnerTextAsync());
        await page.GotoAsync("/judge");
        Assert.Contains("已提交 3 / 3", await page.GetByTestId("my-queues").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.ArtifactsFolder, "judge-progress.png"), FullPage = true });
    }

}
