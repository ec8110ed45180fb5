using Awards.Web.Infrastructure.Markdown;

namespace Awards.Web.Tests.Infrastructure;

public sealed class MarkdownRendererTests
{
    public static TheoryData<string> Payloads() =>
    [
        "<script>alert(1)</script>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](  javascript:alert(1))",
        "[click](vbscript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<javascript:alert(1)>",
        "[ref]\n\n[ref]: javascript:alert(1)",
        "![x](javascript:alert(1))",
        "![x](https://example.org/x.png \"t\" onerror=alert(1))",
        "<img src=x onerror=alert(1)>",
        "[x](https://example.org){onclick=alert(1)}",
        "<a href=\"https://example.org\" onclick=\"alert(1)\">x</a>",
        "<iframe src=\"https://example.org\"></iframe>",
        "<svg onload=alert(1)>",
        "<style>body{display:none}</style>",
        "[x](//evil.example/steal)",
    ];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Render_NeverEmitsScriptsHandlersOrDangerousUrls(string payload)
    {
        var html = MarkdownRenderer.ToSafeHtml(payload);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("(?i)<[^>]+\\son\\w+=", html);
        Assert.DoesNotMatch("(?i)href=\"\\s*(javascript|vbscript|data):", html);
        Assert.DoesNotMatch("(?i)href=\"//", html);
    }

    [Fact]
    public void Render_PutsTheTextsHeadingsBelowThePageTitle_SkippingNoLevel()
    {
        var html = MarkdownRenderer.ToSafeHtml("# 一级\n\n###### 六级 <b onclick=x>粗</b>");

        Assert.Contains("<h2>一级</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>六级 &lt;b onclick=x&gt;粗&lt;/b&gt;</h3>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "<h2>搬出大山</h2>", "<h3>新家</h3>")]
    [InlineData(2, "<h3>搬出大山</h3>", "<h4>新家</h4>")]
    [InlineData(3, "<h4>搬出大山</h4>", "<h5>新家</h5>")]
    public void Render_PutsATextsTopHeadingDirectlyUnderThePagesHeading_AndTheNextLevelUnderIt(int under, string top, string next)
    {
        // An essay's "#" and "###", or "##" and "####": the page's outline never jumps a level.
        foreach (var text in new[] { "# 搬出大山\n\n段落\n\n### 新家\n\n段落", "## 搬出大山\n\n#### 新家" })
        {
            var html = MarkdownRenderer.ToSafeHtmlUnder(text, under);

            Assert.Contains(top, html, StringComparison.Ordinal);
            Assert.Contains(next, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_StopsAtH6_WhenATextHasMoreLevelsThanThePageHasRoomFor()
    {
        var html = MarkdownRenderer.ToSafeHtmlUnder("# 一\n\n## 二\n\n### 三\n\n#### 四", under: 3);

        Assert.Equal(["h4", "h5", "h6", "h6"], new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName));
    }

    [Fact]
    public void Render_KeepsAHeadingsFormattingAndStillCleansItsLinks()
    {
        var html = MarkdownRenderer.ToSafeHtml("# 标题 **粗** *斜* [好](https://example.org/h) [坏](javascript:alert(1))\n\n正文");

        Assert.Contains("<h2>标题 <strong>粗</strong> <em>斜</em> <a href=\"https://example.org/h\" rel=\"nofollow noopener noreferrer\">好</a> <a rel=\"nofollow noopener noreferrer\">坏</a></h2>", html, StringComparison.Ordinal);
        Assert.Contains("</h2>\n<p>正文</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_GivesTheSameHtmlWhenManyTextsAreRenderedAtOnce()
    {
        // Pages render on many threads at once; each text must come out as it does alone.
        var texts = Enumerable.Range(0, 64).Select(i => $"## 第{i}节\n\n段落 {i} **粗{i}** [链{i}](https://example.org/{i})\n\n| 甲 | 乙 |\n|---|--:|\n| {i} | {i * 2} |").ToList();
        var alone = texts.Select(MarkdownRenderer.ToSafeHtml).ToList();

        var together = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => texts.Select(MarkdownRenderer.ToSafeHtml).ToList())));

        Assert.All(together, rendered => Assert.Equal(alone, rendered));
        Assert.Contains("<h2>第7节</h2>", alone[7], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_KeepsTheFormattingEssaysUse()
    {
        var html = MarkdownRenderer.ToSafeHtml("## 小标题\n\n**加粗** 和 *斜体*\n\n- 一\n- 二\n\n| 甲 | 乙 |\n|---|--:|\n| 1 | 2 |\n\n[链接](https://example.org/a)");

        Assert.Contains("<h2>小标题</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>加粗</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<em>斜体</em>", html, StringComparison.Ordinal);
        Assert.Contains("<li>一</li>", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"text-end\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/a\" rel=\"nofollow noopener noreferrer\">链接</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ShowsRawHtmlAsText()
    {
        var html = MarkdownRenderer.ToSafeHtml("a <b>bold</b> claim");

        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", html, StringComparison.Ordinal);
    }
}
