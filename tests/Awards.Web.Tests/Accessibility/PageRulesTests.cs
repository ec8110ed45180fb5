using AngleSharp.Html.Parser;

namespace Awards.Web.Tests.Accessibility;

/// <summary>The rules find what they are for: a page that breaks each one once gets one message for each, naming the element.</summary>
public sealed class PageRulesTests
{
    private const string Broken = """
        <!DOCTYPE html>
        <html lang="en"><head><title> · Awards</title><meta name="viewport" content="width=device-width, user-scalable=no"></head>
        <body>
        <nav></nav><nav></nav>
        <h1>One</h1><h1>Two</h1>
        <input id="name" name="name">
        <label for="missing">Phone</label>
        <select name="unit"></select>
        <input type="radio" name="yes" value="1"><label>Yes <input type="checkbox" name="agree"></label>
        <a href="/x"></a><button class="btn-close"></button>
        <img src="/logo.png">
        <span id="twice"></span><span id="twice"></span>
        <table><tr><td>1</td></tr></table>
        <progress value="1" max="3"></progress>
        </body></html>
        """;

    [Fact]
    public void APage_ThatBreaksEachRule_GetsAMessageForEach()
    {
        var failures = PageRules.Check(new HtmlParser().ParseDocument(Broken), "zh-CN").ToList();

        Assert.Contains("html lang: \"en\", expected \"zh-CN\"", failures);
        Assert.Contains("title without the page's name: \"· Awards\"", failures);
        Assert.Contains(failures, f => f.StartsWith("field without a label: <input id=\"name\"", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("field without a label: <select", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains("checkbox", StringComparison.Ordinal) && f.StartsWith("field", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("field without a label: <input type=\"radio\"", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("radio buttons without a named group", StringComparison.Ordinal));
        Assert.Contains("link or button without a name: <a href=\"/x\">", failures);
        Assert.Contains("link or button without a name: <button class=\"btn-close\">", failures);
        Assert.Contains("image without alt: <img src=\"/logo.png\">", failures);
        Assert.Contains("id used 2 times: \"twice\"", failures);
        Assert.Contains("for points at no element: \"missing\" on <label for=\"missing\">", failures);
        Assert.Contains("h1: 2 on the page, expected exactly one", failures);
        Assert.Contains("main landmark: 0 on the page, expected exactly one", failures);
        Assert.Equal(2, failures.Count(f => f.StartsWith("one of 2 navigation landmarks without a name", StringComparison.Ordinal)));
        Assert.Contains("progress bar without a name: <progress value=\"1\" max=\"3\">", failures);
        Assert.Contains("viewport missing or forbidding zoom", failures);
        Assert.Contains("table without header cells: <table>", failures);
        Assert.Equal(18, failures.Count);
    }
}
