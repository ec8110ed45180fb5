using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Awards.Core.Anonymization;
using Awards.Core.Entries;
using Awards.Core.Scoring;
using Awards.Web.Tests.Infrastructure;
using static Awards.Web.Tests.Infrastructure.Writing;

namespace Awards.Web.Tests.Features.Essays;

/// <summary>The organizer's essay view: the judge rendition and its flag, search, filters, disqualification.</summary>
public sealed class EssayScreeningTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task AnEssayThatNamesItsAuthor_IsFlagged_AndTheJudgeRenditionHidesTheIdentity()
    {
        var browser = await NewAuthorAsync(factory, "signed.author@example.org", unit: "yunling", name: "欧阳春花", phone: "13912345678");
        var body = Text + "\n\n作者：欧阳春花（云岭县），电话 139-1234-5678，邮箱 Signed.Author@example.org。";
        var code = await CreateDraftAsync(browser, "help-story", Essay(title: "欧阳春花的扶贫日记", body: body));
        (await SubmitAsync(browser, code)).Dispose();

        var entry = factory.WithDb(db => db.Entries.Single(e => e.Code == code));
        Assert.True(entry.RedactionCount >= 5, $"{entry.RedactionCount} redactions");
        foreach (var secret in new[] { "欧阳春花", "云岭县", "139-1234-5678", "Signed.Author@example.org", "signed.author" })
        {
            Assert.DoesNotContain(secret, entry.JudgeBody!, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, entry.JudgeTitle!, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("那年春天，我作为驻村工作队员", entry.JudgeBody, StringComparison.Ordinal);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var page = await organizer.GetStringAsync($"/organizer/essays/{code}");
        Assert.Contains("处对评委隐去", page, StringComparison.Ordinal);
        Assert.Contains(code, await organizer.GetStringAsync("/organizer/essays?flagged=true"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANameWrittenWithMarkdownTricks_IsHiddenOnTheJudgesPage_AndCounted()
    {
        var browser = await NewAuthorAsync(factory, "tricky.author@example.org", name: "何春生", phone: "13800000004");
        const string tricks = "- 实体：&#x4F55;&#x6625;&#x751F;\n- 十进制：&#20309;&#26149;&#29983;\n- 代码：`何`春`生`\n- 链接：[何春](https://example.com)生\n"
            + "- 电话：138&#48;0000004\n- 邮件：tricky.author&#64;example.org";
        var code = await CreateDraftAsync(browser, "help-story", Essay(body: Text + "\n\n" + tricks));
        (await SubmitAsync(browser, code)).Dispose();

        var (entry, round) = factory.WithDb(db =>
        {
            var entry = db.Entries.Single(e => e.Code == code);
            var round = db.Rounds.Where(r => r.TrackId == entry.TrackId).OrderBy(r => r.Sequence).First();
            db.Assignments.Add(new JudgeAssignment(round.Id, entry.Id, db.Users.Single(u => u.Email == "judge.lin@demo.example").Id, DateTime.UtcNow));
            db.SaveChanges();
            return (entry, round.Id);
        });
        Assert.True(entry.RedactionCount >= 6, $"{entry.RedactionCount} redactions");

        var judge = await Nominating.SignedInAsync(factory, "judge.lin@demo.example");
        var html = await judge.GetStringAsync($"/judge/rounds/{round}/{code}");
        var page = new HtmlParser().ParseDocument(html).Body!.TextContent;
        Assert.Contains("那年春天，我作为驻村工作队员", page, StringComparison.Ordinal);
        foreach (var secret in new[] { "何春生", "春生", "13800000004", "tricky.author@example.org" })
        {
            Assert.DoesNotContain(secret, page, StringComparison.Ordinal);
        }

        Assert.Equal(6, new Regex(Redactor.Mark).Count(page));
    }

    [Fact]
    public async Task ANameInPinyin_InTraditionalCharacters_OrSplitOverTwoLines_IsHiddenOnTheJudgesPage_AndHeadingsStay()
    {
        var browser = await NewAuthorAsync(factory, "pinyin.author@example.org", name: "张春梅", phone: "13800000005");
        const string signed = "作者：張春梅。\n\nBy ZHANG Chunmei, a teacher.\n\n## 后记\n我叫张春\n梅，来自山区。\n\n梅花开了。";
        var code = await CreateDraftAsync(browser, "help-story", Essay(body: Text + "\n\n" + signed));
        (await SubmitAsync(browser, code)).Dispose();

        var round = factory.WithDb(db =>
        {
            var entry = db.Entries.Single(e => e.Code == code);
            var round = db.Rounds.Where(r => r.TrackId == entry.TrackId).OrderBy(r => r.Sequence).First();
            db.Assignments.Add(new JudgeAssignment(round.Id, entry.Id, db.Users.Single(u => u.Email == "judge.lin@demo.example").Id, DateTime.UtcNow));
            db.SaveChanges();
            return round.Id;
        });

        var judge = await Nominating.SignedInAsync(factory, "judge.lin@demo.example");
        var document = new HtmlParser().ParseDocument(await judge.GetStringAsync($"/judge/rounds/{round}/{code}"));
        var page = document.Body!.TextContent;
        foreach (var secret in new[] { "張春梅", "ZHANG Chunmei", "Chunmei", "张春" })
        {
            Assert.DoesNotContain(secret, page, StringComparison.Ordinal);
        }

        Assert.Equal(4, new Regex(Redactor.Mark).Count(page));
        // A text's ## is an h3 on the page (MarkdownRenderer): the heading did not take in the line after it.
        Assert.Contains(document.QuerySelectorAll("h3"), h => h.TextContent == "后记");
        Assert.Contains("梅花开了。", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingTheProfile_RebuildsTheJudgeRendition_AndNeverShowsAFormerNameOrNumber()
    {
        var browser = await NewAuthorAsync(factory, "renamed.author@example.org", name: "林一", phone: "0791-5558888");
        var code = await CreateDraftAsync(browser, "journey", Essay(body: Text + "\n\n林晓燕写于青山县。林一，电话 0791-5558888。"));
        (await SubmitAsync(browser, code)).Dispose();
        var judged = factory.WithDb(db => db.Entries.Single(e => e.Code == code).JudgeBody);
        Assert.Contains("林晓燕", judged, StringComparison.Ordinal);
        Assert.DoesNotContain("林一", judged, StringComparison.Ordinal);

        var unit = factory.WithDb(db => db.Units.Single(u => u.Code == "qingshan").Id).ToString(System.Globalization.CultureInfo.InvariantCulture);
        async Task RenameAsync(string name, string phone)
        {
            using var saved = await browser.SubmitAsync("/author/profile", "/author/profile", new Dictionary<string, string> { ["Form.Name"] = name, ["Form.Phone"] = phone, ["Form.UnitId"] = unit });
            Assert.Equal("/author", saved.Headers.Location?.OriginalString);
        }

        await RenameAsync("林晓燕", "13800001111");
        judged = factory.WithDb(db => db.Entries.Single(e => e.Code == code).JudgeBody);
        Assert.DoesNotContain("林晓燕", judged, StringComparison.Ordinal);

        // The name and the landline it replaced stay hidden, however often the profile changes after.
        await RenameAsync("林小燕", "13800002222");
        judged = factory.WithDb(db => db.Entries.Single(e => e.Code == code).JudgeBody);
        foreach (var secret in new[] { "林一", "林晓燕", "5558888" })
        {
            Assert.DoesNotContain(secret, judged, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Search_FindsWordsInTitlesAndTexts_InChinese()
    {
        var browser = await NewAuthorAsync(factory, "searched.author@example.org");
        var code = await CreateDraftAsync(browser, "help-story", Essay(title: "猕猴桃丰收了", body: Text + "\n\n合作社的猕猴桃卖到了省城。"));
        (await SubmitAsync(browser, code)).Dispose();
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");

        Assert.Contains(code, await organizer.GetStringAsync("/organizer/essays?q=" + Uri.EscapeDataString("猕猴桃丰收")), StringComparison.Ordinal);
        Assert.Contains(code, await organizer.GetStringAsync("/organizer/essays?q=" + Uri.EscapeDataString("卖到了省城")), StringComparison.Ordinal);
        Assert.Contains(code, await organizer.GetStringAsync("/organizer/essays?q=" + Uri.EscapeDataString("省城")), StringComparison.Ordinal);
        Assert.DoesNotContain(code, await organizer.GetStringAsync("/organizer/essays?q=" + Uri.EscapeDataString("火龙果")), StringComparison.Ordinal);
        // FTS syntax in the query is text, not an operator: no error page.
        Assert.Contains("征文", await organizer.GetStringAsync("/organizer/essays?q=" + Uri.EscapeDataString("\"猕猴 OR * NEAR(")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disqualify_WithAReason_IsShownToTheAuthor_AndMailedToThem()
    {
        var browser = await NewAuthorAsync(factory, "disqualified.author@example.org");
        var code = await CreateDraftAsync(browser, "journey", Essay(title: "抄袭的文章"));
        (await SubmitAsync(browser, code)).Dispose();
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");

        (await organizer.SubmitAsync($"/organizer/essays/{code}", $"/organizer/essays/{code}/disqualify", new Dictionary<string, string> { ["reason"] = "经查与已发表文章雷同。" })).Dispose();

        Assert.Equal(EntryStatus.Disqualified, factory.WithDb(db => db.Entries.Single(e => e.Code == code).Status));
        Assert.Contains("经查与已发表文章雷同。", await browser.GetStringAsync($"/essays/{code}"), StringComparison.Ordinal);
        Assert.Contains("经查与已发表文章雷同。", await browser.GetStringAsync("/author"), StringComparison.Ordinal);
        Assert.Contains(code, await organizer.GetStringAsync("/organizer/essays?status=Disqualified"), StringComparison.Ordinal);
        var mail = Assert.Single(await Mails.InAsync(factory), m => m.To == "disqualified.author@example.org" && m.Subject == $"作品 {code} 已被取消参评资格");
        Assert.Contains("经查与已发表文章雷同。", mail.Body, StringComparison.Ordinal);
        Assert.Contains($"/essays/{code}", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOrganizer_DoesNotSeeDrafts()
    {
        var browser = await NewAuthorAsync(factory, "drafting.author@example.org");
        var code = await CreateDraftAsync(browser, "help-story");
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");

        using var response = await organizer.Client.GetAsync($"/organizer/essays/{code}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task EssayText_IsNeverRenderedAsMarkup_AnywhereItIsShown()
    {
        string[] payloads =
        [
            "<script>alert('x')</script>",
            "<img src=x onerror=alert(1)>",
            "[点我](javascript:alert(1))",
            "[点我](JaVaScRiPt:alert(1))",
            "![图](javascript:alert(1))",
            "<https://example.org\" onmouseover=\"alert(1)>",
            "[ref]: vbscript:msgbox(1)\n\n[ref]",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<svg onload=alert(1)>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<style>body{display:none}</style>",
            "{onclick=alert(1)}",
        ];
        var browser = await NewAuthorAsync(factory, "xss.author@example.org", name: "<b onmouseover=alert(1)>作者</b>");
        var code = await CreateDraftAsync(browser, "journey", Essay(title: "<script>alert('title')</script>标题", body: Text + "\n\n" + string.Join("\n\n", payloads)));
        (await SubmitAsync(browser, code)).Dispose();
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");

        foreach (var url in new[] { $"/essays/{code}", $"/essays/{code}/receipt", $"/essays/{code}/edit", "/author" })
        {
            HtmlSafety.AssertNoActiveContent(await browser.GetStringAsync(url), url);
        }

        foreach (var url in new[] { $"/organizer/essays/{code}", "/organizer/essays", "/organizer/essays?q=" + Uri.EscapeDataString("alert") })
        {
            HtmlSafety.AssertNoActiveContent(await organizer.GetStringAsync(url), url);
        }
    }
}
