using AngleSharp.Html.Parser;

namespace Awards.Web.Tests.Infrastructure;

/// <summary>Checks a page the way a browser would parse it: no script, handler or dangerous URL that the site did not put there itself.</summary>
public static class HtmlSafety
{
    private static readonly string[] OwnScripts = ["/lib/bootstrap/js/bootstrap.bundle.min.js", "/js/site.js"];

    public static void AssertNoActiveContent(string html, string where)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var script in document.Scripts)
        {
            var source = script.GetAttribute("src") ?? string.Empty;
            Assert.True(OwnScripts.Any(own => source.StartsWith(own, StringComparison.Ordinal)), $"{where}: a script that is not the site's own: {script.OuterHtml}");
        }

        foreach (var element in document.All)
        {
            Assert.False(element.LocalName is "iframe" or "svg" or "object" or "embed" or "style" or "math" or "base" or "form" && !IsOwnForm(element) && !IsOwnChart(element), $"{where}: <{element.LocalName}> from user text: {element.OuterHtml}");
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{where}: an event handler: {element.OuterHtml}");
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href")
                {
                    var value = new string([.. attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]);
                    Assert.False(
                        value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("data:", StringComparison.OrdinalIgnoreCase),
                        $"{where}: a dangerous URL: {element.OuterHtml}");
                }
            }
        }
    }

    /// <summary>The results and judging pages draw charts as inline SVG of bars, lines and labels only.</summary>
    private static bool IsOwnChart(AngleSharp.Dom.IElement element) =>
        element.LocalName == "svg" && element.GetAttribute("role") == "img"
        && element.QuerySelectorAll("*").All(e => e.LocalName is "rect" or "text" or "title" or "g" or "line");

    /// <summary>The site's own forms post to its own paths with an antiforgery token.</summary>
    private static bool IsOwnForm(AngleSharp.Dom.IElement element) =>
        element.LocalName == "form" && (element.GetAttribute("action") ?? "/").StartsWith('/');
}
