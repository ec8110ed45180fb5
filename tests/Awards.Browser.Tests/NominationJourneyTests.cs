using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Awards.Browser.Tests;

public sealed class NominationJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static readonly string Deeds = string.Concat(Enumerable.Repeat("他三十年如一日守护山村群众健康，自费修建卫生室，带动全村脱贫。", 30));

    [Fact]
    public async Task Coordinator_NominatesWithAnAttachment_Organizer_ReturnsIt_CoordinatorSeesTheReason()
    {
        await using var coordinatorContext = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString(), Locale = "zh-CN" });
        var page = await coordinatorContext.NewPageAsync();
        var consoleErrors = Journey.ConsoleErrors(page);
        await Journey.SignInAsync(page, "coordinator.qingshan@demo.example", "**/coordinator");

        await page.GetByTestId("new-dedication").ClickAsync();
        await page.GetByLabel("事迹标题").FillAsync("三十年守护山村健康的乡村医生");
        await page.GetByLabel("被推荐人姓名").FillAsync("周德福");
        await page.GetByLabel("性别").SelectOptionAsync("Male");
        await page.GetByLabel("出生年份").FillAsync("1968");
        await page.GetByLabel("工作单位及职务").FillAsync("青山县桃源村卫生室乡村医生");
        await page.GetByLabel("联系方式").FillAsync("0791-5550404");
        await page.GetByLabel("主要事迹").FillAsync(Deeds);
        // The live count is the server's count: the same rule, in the browser.
        Assert.StartsWith("930 字", await page.Locator("#deeds-count").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("推荐单位意见").FillAsync("经县扶贫办研究，同意推荐。");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();

        await Journey.ExpectUrlAsync(page, new Regex(@"/nominations/[0-9A-Z]{4}-[0-9A-Z]{4}$"));
        var code = await page.GetByTestId("entry-code").InnerTextAsync();
        await page.GetByLabel("添加证明材料").SetInputFilesAsync(new FilePayload { Name = "卫生室照片.png", MimeType = "image/png", Buffer = Png });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        await page.GetByTestId("attachments").GetByText("卫生室照片.png").WaitForAsync();

        await page.GetByTestId("submit").ClickAsync();
        await Journey.ExpectUrlAsync(page, $"**/nominations/{code}/receipt");
        Assert.Equal(code, await page.GetByTestId("receipt-code").InnerTextAsync());
        Assert.Contains("卫生室照片.png", await page.GetByTestId("receipt").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.ArtifactsFolder, "nomination-receipt.png"), FullPage = true });

        await using var organizerContext = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString(), Locale = "zh-CN" });
        var organizer = await organizerContext.NewPageAsync();
        await Journey.SignInAsync(organizer, "organizer@demo.example", "**/organizer");
        await organizer.GetByRole(AriaRole.Link, new() { Name = "推荐评选", Exact = true }).ClickAsync();
        await organizer.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        Assert.Contains("周德福", await organizer.GetByTestId("entry-status").Locator("xpath=ancestor::main").InnerTextAsync(), StringComparison.Ordinal);
        await organizer.GetByLabel("退回推荐单位并说明理由").FillAsync("请补充卫生室的建设证明。");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "退回", Exact = true }).ClickAsync();
        await organizer.GetByText($"推荐 {code} 已连同理由退回推荐单位。").WaitForAsync();

        await page.GotoAsync("/coordinator");
        Assert.Equal("请补充卫生室的建设证明。", await page.GetByTestId("row-reason").InnerTextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "三十年守护山村健康的乡村医生" }).ClickAsync();
        Assert.Contains("请补充卫生室的建设证明。", await page.GetByTestId("status-reason").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "重新提交" }).WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.ArtifactsFolder, "nomination-returned.png"), FullPage = true });

        Assert.Empty(consoleErrors);
    }


    private static byte[] Png =>
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
        0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
        0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
        0x42, 0x60, 0x82,
    ];
}
