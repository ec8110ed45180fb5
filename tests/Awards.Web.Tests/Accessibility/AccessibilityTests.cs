using System.Net;
using AngleSharp.Html.Parser;
using Awards.Web.Tests.Security;

namespace Awards.Web.Tests.Accessibility;

/// <summary>
/// County coordinators and members of the public use the site on phones and with screen readers:
/// every page that MVC's route table answers to GET, opened by a role that may see it with real ids
/// of the demo contest, passes <see cref="PageRules"/> in both languages. A new page is checked
/// without anyone listing it; a new page with an id fails <see cref="EveryPage_IsRendered"/> until
/// <see cref="AccessibilityScenario"/> gives it one.
/// </summary>
public sealed class AccessibilityTests(AccessibilityScenario factory) : IClassFixture<AccessibilityScenario>
{
    /// <summary>Pages that cannot be rendered here, and why.</summary>
    private static readonly Dictionary<string, string> NotRendered = new()
    {
        ["GET /error"] = "the exception handler's page; /status/{code} renders the same view",
        ["GET /dashboard"] = "sends each role on to its own start page, which is checked",
        ["GET /nominations/{code}/attachments/{token}"] = "a file, not a page",
        ["GET /organizer/nominations/{code}/attachments/{token}"] = "a file, not a page",
        ["GET /organizer/essays/{code}/attachments/{token}"] = "a file, not a page",
        ["GET /organizer/exports/{id:int}/download"] = "a file, not a page",
        ["GET /organizer/exports/{id:int}/status"] = "the export's progress as JSON, for the page's script",
        ["GET /leader/documents/{kind}"] = "a file, not a page",
    };

    /// <summary>Pages that answer with an error status by design, shown to the person all the same.</summary>
    private static readonly Dictionary<string, HttpStatusCode> Status = new()
    {
        ["/status/"] = HttpStatusCode.NotFound,
        ["/account/access-denied"] = HttpStatusCode.Forbidden,
        ["/notice/lookup"] = HttpStatusCode.BadRequest,
    };

    private readonly Accounts _accounts = new(factory);

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task EveryPage_PassesTheAccessibilityRules(string language)
    {
        var failures = new List<string>();
        foreach (var (route, html) in await PagesAsync(language == "en" ? "?culture=en" : string.Empty))
        {
            var page = new HtmlParser().ParseDocument(html);
            failures.AddRange(PageRules.Check(page, language).Distinct().Select(f => $"{route} as {factory.AccountFor(route) ?? "anonymous"}: {f}"));
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task EveryPage_IsRendered()
    {
        var rendered = (await PagesAsync(string.Empty)).Select(p => p.Route.ToString()).ToHashSet();
        var missing = new List<string>();
        foreach (var route in Routes.All(factory.Services).Where(r => r.Method == "GET" && !rendered.Contains(r.ToString()) && !NotRendered.ContainsKey(r.ToString())))
        {
            var browser = await _accounts.AsAsync(factory.AccountFor(route));
            using var response = await browser.Client.GetAsync(route.Url(factory.IdsFor(route.Template)));
            if (IsPage(response))
            {
                missing.Add($"{route} as {factory.AccountFor(route) ?? "anonymous"}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(missing.Count == 0, "Pages not checked (give AccessibilityScenario an id that opens them):\n" + string.Join("\n", missing));
        Assert.True(rendered.Count > 60, $"only {rendered.Count} pages were checked: is the route table still read right?");
    }

    /// <summary>The skip link is the first thing a keyboard reaches, lands on the main landmark, and says so in the reader's language.</summary>
    [Theory]
    [InlineData("", "跳到正文", "菜单")]
    [InlineData("?culture=en", "Skip to content", "Menu")]
    public async Task EveryPage_StartsWithASkipLink_AndTheMenuButtonIsNamed(string query, string skip, string menu)
    {
        var page = new HtmlParser().ParseDocument(await new Awards.Web.Tests.Infrastructure.Browser(factory).GetStringAsync("/" + query));
        var first = page.Body!.QuerySelector("a");
        Assert.Equal("#main", first?.GetAttribute("href"));
        Assert.Equal(skip, first?.TextContent.Trim());
        Assert.True(first?.ClassList.Contains("visually-hidden-focusable"), "the skip link is not hidden until focused");
        Assert.Equal("main", page.GetElementById("main")?.LocalName);
        Assert.Equal(menu, page.QuerySelector("button.navbar-toggler")?.GetAttribute("aria-label"));
        var switcher = page.QuerySelector("button[name=culture]");
        Assert.False(string.IsNullOrWhiteSpace(switcher?.TextContent), "the language switch has no name");
        Assert.NotNull(switcher?.GetAttribute("lang"));
    }

    /// <summary>Each GET route that answers an HTML page, opened with the ids of the scenario by a role that may see it.</summary>
    private async Task<List<(Route Route, string Html)>> PagesAsync(string query)
    {
        var pages = new List<(Route, string)>();
        foreach (var route in Routes.All(factory.Services).Where(r => r.Method == "GET" && !NotRendered.ContainsKey(r.ToString())))
        {
            var browser = await _accounts.AsAsync(factory.AccountFor(route));
            var url = route.Url(factory.IdsFor(route.Template)) + query;
            using var response = await browser.Client.GetAsync(url);
            var expected = Status.Where(s => route.Template.StartsWith(s.Key, StringComparison.Ordinal)).Select(s => s.Value).FirstOrDefault(HttpStatusCode.OK);
            if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString is { } self && self.Split('?')[0] == url.Split('?')[0])
            {
                // A page that adds to its own address (the shortlist's seed) and opens that.
                using var opened = await browser.Client.GetAsync(self + (query.Length > 0 ? "&" + query[1..] : string.Empty));
                if (opened.StatusCode == expected && IsPage(opened))
                {
                    pages.Add((route, await opened.Content.ReadAsStringAsync()));
                }
            }
            else if (response.StatusCode == expected && IsPage(response))
            {
                pages.Add((route, await response.Content.ReadAsStringAsync()));
            }
        }

        return pages;
    }

    /// <summary>An HTML page, or something that is not a file: a redirect or an error where a page was meant.</summary>
    private static bool IsPage(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is null or "text/html";
}
