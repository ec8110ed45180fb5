using Awards.Core.Entries;
using Awards.Core.Scoring;
using Awards.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Awards.Browser.Tests;

public sealed class ResultsJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Organizer_RanksAndPublishes_AndAVisitorRaisesAnObjection()
    {
        ScoreAndCloseHelpStory();
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString(), Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var consoleErrors = Journey.ConsoleErrors(page);

        await Journey.SignInAsync(page, "organizer@demo.example", "**/organizer");
        await page.GetByRole(AriaRole.Link, new() { Name = "评审结果", Exact = true }).ClickAsync();
        await page.GetByTestId("result-tracks").GetByRole(AriaRole.Link, new() { Name = "征文：我的帮扶故事" }).ClickAsync();
        await page.GetByLabel("标准化（z 分数）").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存并重新排名" }).ClickAsync();
        await page.GetByText("排名设置已保存。").WaitForAsync();

        var rows = page.GetByTestId("ranking").Locator("tbody tr");
        Assert.Equal(3, await rows.CountAsync());
        Assert.Equal("一等奖", (await rows.First.GetByTestId("level").InnerTextAsync()).Trim());

        // Finding an entry by its code (typed in lower case) marks its row and fills the override form.
        var second = await rows.Nth(1).GetAttributeAsync("data-code");
        await page.GetByLabel("按作品编号查找").FillAsync(second!.ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "查找", Exact = true }).ClickAsync();
        await page.Locator("tr[aria-current=true]").WaitForAsync();
        Assert.Equal(second, await page.Locator("tr[aria-current=true]").GetAttributeAsync("data-code"));
        Assert.Equal(second, await page.Locator("#override-entry").InputValueAsync());
        Assert.Contains("find=", page.Url, StringComparison.Ordinal);
        await page.GetByTestId("distribution-chart").WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.ArtifactsFolder, "results-ranking.png"), FullPage = true });

        // Publishing asks first; "cancel" publishes nothing.
        var answer = false;
        var asked = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Message);
            await (answer ? dialog.AcceptAsync() : dialog.DismissAsync());
        };
        await page.GetByRole(AriaRole.Button, new() { Name = "公示拟获奖名单" }).ClickAsync();
        Assert.Contains("拟获奖名单", Assert.Single(asked), StringComparison.Ordinal);
        Assert.Contains("草稿", await page.GetByTestId("stage").InnerTextAsync(), StringComparison.Ordinal);
        answer = true;
        await page.GetByRole(AriaRole.Button, new() { Name = "公示拟获奖名单" }).ClickAsync();
        await page.GetByText("拟获奖名单已公示").WaitForAsync();
        Assert.Contains("公示中", await page.GetByTestId("stage").InnerTextAsync(), StringComparison.Ordinal);

        // A visitor, not signed in, reads the notice and objects.
        await using var visitorContext = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString(), Locale = "zh-CN" });
        var visitor = await visitorContext.NewPageAsync();
        await visitor.GotoAsync("/");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "拟获奖名单公示" }).ClickAsync();
        Assert.Equal(3, await visitor.GetByTestId("notice-help-story").Locator("tbody tr").CountAsync());
        await visitor.GetByLabel("您的姓名").FillAsync("王明");
        await visitor.GetByLabel("电话或电子邮箱").FillAsync("13800001111");
        await visitor.GetByLabel("异议内容").FillAsync("我认为第一名作品与去年的获奖作品内容雷同，请核实。");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "提交异议" }).ClickAsync();
        await visitor.GetByText("您的异议已收到").WaitForAsync();

        // The confirmation page gives the reference to look the objection up by; the notice offers the lookup.
        var reference = await visitor.GetByTestId("reference").InnerTextAsync();
        Assert.Matches("^YY-[0-9A-Z]{4}-[0-9A-Z]{4}$", reference);
        await visitor.GotoAsync("/notice");
        await visitor.GetByLabel("您提出的异议的编号").FillAsync(reference.ToLowerInvariant());
        await visitor.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        await visitor.GetByText("组织方正在核实处理中。").WaitForAsync();
        await visitor.GotoAsync("/notice");
        await visitor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.ArtifactsFolder, "public-notice.png"), FullPage = true });

        // On paper the notice names its contest and issuer, without the navigation or the objection form.
        await visitor.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.True(await visitor.GetByTestId("print-heading").IsVisibleAsync());
        Assert.Contains("2026", await visitor.GetByTestId("print-heading").InnerTextAsync(), StringComparison.Ordinal);
        Assert.False(await visitor.GetByTestId("objection-form").IsVisibleAsync());
        Assert.False(await visitor.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).IsVisibleAsync());
        Assert.True(await visitor.GetByTestId("notice-help-story").IsVisibleAsync());
        await visitor.EmulateMediaAsync(new() { Media = Media.Screen });

        await page.GotoAsync("/organizer/results/objections");
        Assert.Contains("内容雷同", await page.GetByTestId("objections").InnerTextAsync(), StringComparison.Ordinal);

        // The proposed prize list, made in the background: the page follows it and then offers the file.
        await page.GotoAsync("/organizer/exports");
        await page.GetByLabel("包括仍在公示中的结果").First.CheckAsync();
        await page.GetByTestId("start-prize-list").ClickAsync();
        var link = page.GetByTestId("export-jobs").GetByTestId("download").First;
        await link.WaitForAsync(new() { Timeout = 60_000 });
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Matches(@"获奖名单-拟-\d{8}\.xlsx$", download.SuggestedFilename);
        var file = Path.Combine(SiteFixture.ArtifactsFolder, "prize-list.xlsx");
        await download.SaveAsAsync(file);
        Assert.Equal("PK"u8.ToArray(), File.ReadAllBytes(file)[..2]);
        Assert.Empty(consoleErrors);
    }

    /// <summary>Three judges score the three demo essays of "My Help Story" (90, 85 and 80 each), and the round closes.</summary>
    private void ScoreAndCloseHelpStory()
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AwardsDbContext>();
        var track = db.Tracks.Include(t => t.Criteria).Include(t => t.Rounds).Single(t => t.Code == "help-story");
        var round = track.Rounds.OrderBy(r => r.Sequence).First();
        var entries = db.Entries.Where(e => e.TrackId == track.Id && e.Status == EntryStatus.Submitted).OrderBy(e => e.Id).ToList();
        List<string> emails = ["judge.lin@demo.example", "judge.gao@demo.example", "judge.zheng@demo.example"];
        var judges = db.Users.Where(u => emails.Contains(u.Email!)).ToList();
        var criteria = track.Criteria.ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            foreach (var judge in judges)
            {
                var assignment = new JudgeAssignment(round.Id, entries[i].Id, judge.Id, DateTime.UtcNow);
                db.Assignments.Add(assignment);
                var value = 90m - (5 * i);
                assignment.ScoreOrNew().Record(criteria, criteria.ToDictionary(c => c.Id, _ => (decimal?)value), null, submit: true, expectedVersion: 0, round, DateTime.UtcNow);
            }
        }

        round.Close(DateTime.UtcNow);
        db.SaveChanges();
    }
}
