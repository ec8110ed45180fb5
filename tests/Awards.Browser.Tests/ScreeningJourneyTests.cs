using Microsoft.Playwright;

namespace Awards.Browser.Tests;

/// <summary>
/// The organizer screens the submitted nominations in one go: the box in the list's header ticks
/// every submitted nomination on the page (site.js), clearing it clears them, and the ticked ones
/// are accepted for judging after the confirmation.
/// </summary>
public sealed class ScreeningJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task TickAll_TicksEverySubmittedNomination_AndAcceptsThemAfterTheConfirmation()
    {
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString(), Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var consoleErrors = Journey.ConsoleErrors(page);
        await Journey.SignInAsync(page, "organizer@demo.example", "**/organizer");

        await page.GotoAsync("/organizer/nominations?status=Submitted");
        var boxes = page.GetByTestId("screening-list").Locator("input[name='codes']");
        var submitted = await boxes.CountAsync();
        Assert.True(submitted >= 2, $"the demo has {submitted} submitted nominations");
        Assert.Empty(await Ticked(boxes));

        var all = page.GetByLabel("勾选本页所有已提交的推荐");
        await all.CheckAsync();
        Assert.Equal(submitted, (await Ticked(boxes)).Count);
        await all.UncheckAsync();
        Assert.Empty(await Ticked(boxes));
        await all.CheckAsync();

        var asked = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Message);
            await dialog.AcceptAsync();
        };
        await page.GetByRole(AriaRole.Button, new() { Name = "勾选项审核通过" }).ClickAsync();
        await page.GetByText($"已审核通过并进入评审的推荐：{submitted} 件。").WaitForAsync();
        Assert.Single(asked);

        // None is left to screen.
        await page.GotoAsync("/organizer/nominations?status=Submitted");
        Assert.Equal(0, await page.GetByTestId("screening-list").Locator("input[name='codes']").CountAsync());
        Assert.Empty(consoleErrors);
    }

    private static async Task<List<string>> Ticked(ILocator boxes)
    {
        var ticked = new List<string>();
        foreach (var box in await boxes.AllAsync())
        {
            if (await box.IsCheckedAsync())
            {
                ticked.Add(await box.GetAttributeAsync("value") ?? string.Empty);
            }
        }

        return ticked;
    }
}
