using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Playwright;

namespace Awards.Browser.Tests;

public sealed partial class EssayJourneyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Author_Registers_UploadsADocx_ConfirmsTheText_Submits_AndSeesTheReceipt()
    {
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString(), Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var consoleErrors = Journey.ConsoleErrors(page);

        await page.GotoAsync("/account/register");
        await page.GetByLabel("真实姓名").FillAsync("沈秋云");
        await page.GetByLabel("电子邮箱").FillAsync("shen.qiuyun@example.org");
        await page.GetByLabel("手机号码").FillAsync("13712345678");
        await page.GetByLabel("所在县（市、区）或单位").SelectOptionAsync(new SelectOptionValue { Label = "柳溪县" });
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync("Essay-Writer-2026");
        await page.GetByLabel("确认密码").FillAsync("Essay-Writer-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();

        var mail = await site.MailToAsync("shen.qiuyun@example.org");
        await page.GotoAsync(new Uri(Link().Match(mail.Body).Value).PathAndQuery);
        await page.GetByTestId("confirm-result").WaitForAsync();

        await Journey.SignInAsync(page, "shen.qiuyun@example.org", "**/author", "Essay-Writer-2026");

        await page.GetByTestId("new-journey").ClickAsync();

        // A file over the limit is refused in the page, before it is sent, with the server's message.
        var formUrl = page.Url;
        await page.GetByLabel("Word 文件").SetInputFilesAsync(new FilePayload
        {
            Name = "太大的文件.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = new byte[(10 * 1024 * 1024) + 1],
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "转换" }).ClickAsync();
        Assert.Equal("文件超过 10 MB。", await page.GetByLabel("Word 文件").EvaluateAsync<string>("e => e.validationMessage"));
        Assert.Equal(formUrl, page.Url);

        await page.GetByLabel("Word 文件").SetInputFilesAsync(new FilePayload
        {
            Name = "我的脱贫历程.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = EssayDocx(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "转换" }).ClickAsync();

        await Journey.ExpectUrlAsync(page, new Regex(@"/essays/[0-9A-Z]{4}-[0-9A-Z]{4}/edit\?imported=true$"));
        await page.GetByTestId("import-notice").WaitForAsync();
        Assert.Equal("从土坯房到新楼房", await page.GetByLabel("标题").InputValueAsync());
        var text = await page.GetByLabel("正文").InputValueAsync();
        Assert.StartsWith("# 搬出大山", text, StringComparison.Ordinal);
        Assert.Contains("**易地扶贫搬迁**", text, StringComparison.Ordinal);
        Assert.Contains("<h2>搬出大山</h2>", await page.GetByTestId("preview").InnerHTMLAsync(), StringComparison.Ordinal);
        Assert.Matches("^1[0-9]{3} 字", await page.GetByTestId("count").InnerTextAsync());

        // The author corrects a word; the preview follows as they type.
        await page.GetByLabel("正文").FillAsync(text + "\n\n（全文完）");
        await page.GetByTestId("preview").GetByText("（全文完）").WaitForAsync();
        await page.GetByLabel("本人声明").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认正文" }).ClickAsync();

        await page.GetByTestId("submit").ClickAsync();
        await Journey.ExpectUrlAsync(page, "**/receipt");
        var code = await page.GetByTestId("receipt-code").InnerTextAsync();
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}$", code);
        Assert.Contains("征文已提交", await page.GetByTestId("receipt").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.ArtifactsFolder, "essay-receipt.png"), FullPage = true });

        await page.GotoAsync("/author");
        Assert.Contains(code, await page.GetByTestId("author-essays").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(consoleErrors);
    }

    [Theory]
    [InlineData("他说：“好！”——然后……走了。")]
    [InlineData("## 标题\n\n**加粗** and *italic* don’t rock 'n' roll 2026 年 [链接](https://example.org/a \"t\") ·")]
    [InlineData("ｆｕｌｌ－ｗｉｄｔｈ　１２３ 한국어 かな")]
    public async Task TheLiveCount_InTheBrowser_IsTheServersCount(string text)
    {
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString(), Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await Journey.SignInAsync(page, "author.tang@demo.example", "**/author");
        await page.GotoAsync("/essays/new/help-story");

        await page.GetByLabel("正文").FillAsync(text);

        var expected = Awards.Core.Common.TextLength.Count(text);
        Assert.StartsWith($"{expected} 字", await page.GetByTestId("count").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatAnAuthorTypedWhenTheSessionEnded_IsKeptOnTheDevice_AndPutBackAfterSigningInAgain()
    {
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString(), Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var consoleErrors = Journey.ConsoleErrors(page);
        await Journey.SignInAsync(page, "author.zhang@demo.example", "**/author");
        await page.GotoAsync("/essays/new/journey");
        var body = "## 一条新修的路\n\n" + string.Concat(Enumerable.Repeat("那年秋天，村里修通了水泥路，山货第一次用卡车运出了大山。", 40));
        await page.GetByLabel("标题").FillAsync("会话结束前写下的标题");
        await page.GetByLabel("正文").FillAsync(body);
        await page.GetByLabel("本人声明").CheckAsync();

        // The session ends (the sign-in cookie is gone) before the author saves.
        await context.ClearCookiesAsync(new() { Name = "awards.auth" });
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await page.GetByTestId("session-ended").WaitForAsync();
        await Journey.FillAndSignInAsync(page, "author.zhang@demo.example", "**/essays/new/journey");

        // Back on the form, which the server sends empty, the device offers what was typed.
        Assert.Equal(string.Empty, await page.GetByLabel("标题").InputValueAsync());
        var notice = page.GetByTestId("kept-notice");
        await notice.WaitForAsync();
        await notice.GetByRole(AriaRole.Button, new() { Name = "放回表单" }).ClickAsync();
        Assert.Equal("会话结束前写下的标题", await page.GetByLabel("标题").InputValueAsync());
        Assert.Equal(body, await page.GetByLabel("正文").InputValueAsync());
        Assert.True(await page.GetByLabel("本人声明").IsCheckedAsync());
        Assert.StartsWith($"{Awards.Core.Common.TextLength.Count(body)} 字", await page.GetByTestId("count").InnerTextAsync(), StringComparison.Ordinal);

        // A Word file would replace the text now in the form: the page asks first, and "cancel" keeps it.
        var asked = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await page.GetByLabel("Word 文件").SetInputFilesAsync(new FilePayload { Name = "另一篇.docx", MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Buffer = EssayDocx() });
        await page.GetByRole(AriaRole.Button, new() { Name = "转换" }).ClickAsync();
        Assert.Contains("替换下方表单中的内容", Assert.Single(asked), StringComparison.Ordinal);
        Assert.Equal("会话结束前写下的标题", await page.GetByLabel("标题").InputValueAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Journey.ExpectUrlAsync(page, new Regex("/essays/[0-9A-Z]{4}-[0-9A-Z]{4}$"));

        // Saved by the server, the copy is gone: a new form offers nothing.
        await page.GotoAsync("/essays/new/help-story");
        await page.GotoAsync("/essays/new/journey");
        Assert.False(await notice.IsVisibleAsync());
        Assert.Empty(consoleErrors);
    }

    /// <summary>An essay as an author would write it in Word: a title, a heading, bold text, and their name in the header.</summary>
    private static byte[] EssayDocx()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                new Style(new StyleName { Val = "Title" }) { Type = StyleValues.Paragraph, StyleId = "Title" },
                new Style(new StyleName { Val = "heading 1" }, new StyleParagraphProperties(new OutlineLevel { Val = 0 })) { Type = StyleValues.Paragraph, StyleId = "Heading1" });
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new DocumentFormat.OpenXml.Wordprocessing.Header(new Paragraph(new Run(new Text("沈秋云 13712345678"))));
            var paragraph = string.Concat(Enumerable.Repeat("那一年，我们全家搬进了安置小区，孩子上学再也不用走两个小时的山路。", 40));
            main.Document = new Document(new Body(
                new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Title" }), new Run(new Text("从土坯房到新楼房"))),
                new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Heading1" }), new Run(new Text("搬出大山"))),
                new Paragraph(new Run(new Text("二〇一八年，村里开始实施")), new Run(new RunProperties(new Bold()), new Text("易地扶贫搬迁")), new Run(new Text("。"))),
                new Paragraph(new Run(new Text(paragraph) { Space = SpaceProcessingModeValues.Preserve }))));
            document.PackageProperties.Creator = "沈秋云";
        }

        return stream.ToArray();
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
