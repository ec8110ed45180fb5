using System.Globalization;
using Microsoft.Playwright;

namespace Awards.Browser.Tests;

/// <summary>A site of its own: the journeys move the contest's submission deadline, rewrite its rules, and rename a theme with new limits.</summary>
public sealed class ContestSettingsJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Organizer_ExtendsTheSubmissionDeadline_AndAddsARule_AndThePublicPageShowsBoth()
    {
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString(), Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var consoleErrors = Journey.ConsoleErrors(page);

        await Journey.SignInAsync(page, "organizer@demo.example", "**/organizer");
        await page.GetByTestId("contest-settings-link").ClickAsync();
        await Journey.ExpectUrlAsync(page, "**/organizer/contest");

        var deadline = page.GetByLabel("报送截止");
        var old = DateTime.ParseExact(await deadline.InputValueAsync(), "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        var extended = old.AddDays(10);
        await deadline.FillAsync(extended.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        var rules = page.GetByLabel("活动规则（中文，Markdown）");
        await rules.FillAsync(await rules.InputValueAsync() + "\n\n## 补充说明\n\n投稿请附作者近照一张。");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.ArtifactsFolder, "contest-settings.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "保存设置" }).ClickAsync();

        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "活动设置已保存" }).WaitForAsync();
        Assert.Equal(extended.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture), await page.GetByLabel("报送截止").InputValueAsync());

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Heading, new() { Name = "补充说明" }).WaitForAsync();
        Assert.Contains(extended.ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture), await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task Organizer_RenamesATheme_RaisesItsMinimum_AddsACriterionAndAPrizeLevel_FromTheContestSettings_AndThePublicPagesFollow()
    {
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString(), Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var consoleErrors = Journey.ConsoleErrors(page);

        await Journey.SignInAsync(page, "organizer@demo.example", "**/organizer");
        await page.GotoAsync("/organizer/contest");
        await page.GetByTestId("track-settings-links").GetByRole(AriaRole.Link, new() { Name = "我的帮扶故事" }).ClickAsync();
        await Journey.ExpectUrlAsync(page, "**/organizer/contest/tracks/help-story");

        await page.GetByLabel("名称（中文）", new() { Exact = true }).FillAsync("我的帮扶故事（第二届）");
        await page.GetByLabel("最少字数").FillAsync("1200");
        await page.GetByLabel("评分项（中文）").First.FillAsync("主题思想");

        // The weights' total follows what is typed: 0.4 + 0.3 + 0.25 + 0.15 is not 1.
        var sum = page.GetByTestId("weight-sum");
        Assert.Equal("权重合计：1。", (await sum.InnerTextAsync()).Trim());
        var weight = page.GetByLabel("权重").First;
        await weight.FillAsync("0.4");
        await Assertions.Expect(sum).ToHaveTextAsync("权重合计：1.1。");
        Assert.Contains("text-danger", await sum.Locator("span").GetAttributeAsync("class") ?? string.Empty, StringComparison.Ordinal);
        await weight.FillAsync("0.3");
        await Assertions.Expect(sum).ToHaveTextAsync("权重合计：1。");

        // A new criterion, its weight taken from the first: the total comes back to 1.
        await page.GetByRole(AriaRole.Button, new() { Name = "添加评分项" }).ClickAsync();
        await page.GetByLabel("评分项（中文）").Nth(4).FillAsync("创新性");
        await page.GetByLabel("权重").Nth(4).FillAsync("0.1");
        await Assertions.Expect(sum).ToHaveTextAsync("权重合计：1.1。");
        await weight.FillAsync("0.2");
        await Assertions.Expect(sum).ToHaveTextAsync("权重合计：1。");

        // A prize level below the four, with its quota: the button copies in a blank one.
        await page.GetByRole(AriaRole.Button, new() { Name = "添加奖项等级" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("奖项等级（中文）").Nth(4)).ToBeFocusedAsync();
        await page.GetByLabel("奖项等级（中文）").Nth(4).FillAsync("鼓励奖");
        await page.GetByLabel("名额", new() { Exact = true }).FillAsync("30");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.ArtifactsFolder, "track-settings.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "保存设置" }).ClickAsync();

        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "我的帮扶故事（第二届）的设置已保存" }).WaitForAsync();
        Assert.Equal("1200", await page.GetByLabel("最少字数").InputValueAsync());

        await page.GotoAsync("/tracks/help-story");
        await page.GetByRole(AriaRole.Heading, new() { Name = "我的帮扶故事（第二届）" }).WaitForAsync();
        var rubric = await page.GetByTestId("rubric").InnerTextAsync();
        Assert.Contains("主题思想", rubric, StringComparison.Ordinal);
        Assert.Contains("创新性", rubric, StringComparison.Ordinal);
        Assert.Contains("1200 至 6000 字", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Contains("鼓励奖", await page.GetByTestId("prize-levels").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(consoleErrors);
    }
}
