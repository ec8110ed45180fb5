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
    public void Render_PutsTheTextsHeadingsBelowThePageTitle()
    {
        var html = MarkdownRenderer.ToSafeHtml("# 一级\n\n###### 六级 <b onclick=x>粗</b>");

        Assert.Contains("<h2>一级</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h6>六级 &lt;b onclick=x&gt;粗&lt;/b&gt;</h6>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_KeepsTheFormattingEssaysUse()
    {
        var html = MarkdownRenderer.ToSafeHtml("## 小标题\n\n**加粗** 和 *斜体*\n\n- 一\n- 二\n\n| 甲 | 乙 |\n|---|--:|\n| 1 | 2 |\n\n[链接](https://example.org/a)");

        Assert.Contains("<h3>小标题</h3>", html, StringComparison.Ordinal);
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
