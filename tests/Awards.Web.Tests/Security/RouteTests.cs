using System.Net;
using AngleSharp.Html.Parser;
using Awards.Core.Identity;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Security;

/// <summary>
/// Checks that hold for every action of the site, read from MVC's route table (ASVS 4.1.1, 4.2.2,
/// 8.2.1, 14.4.3): a new action is checked without anyone adding it to a list.
/// </summary>
public sealed class RouteTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private readonly Accounts _accounts = new(factory);

    private IReadOnlyList<Route> All => Routes.All(factory.Services);

    [Fact]
    public void TheRouteTable_IsRead()
    {
        Assert.True(All.Count > 80, $"only {All.Count} routes: is the table still read right?");
        Assert.Contains(All, r => r.ToString() == "POST /nominations/{code}/submit");
    }

    /// <summary>ASVS 4.2.2: every state change needs the antiforgery token of the caller's own session.</summary>
    [Fact]
    public async Task EveryPost_WithoutTheSessionsAntiforgeryToken_IsRefusedWith400()
    {
        // A genuine token, but of another person's session: it must not do either.
        var otherToken = await (await _accounts.AsAsync("judge.zheng@demo.example")).TokenFromAsync("/");
        var failures = new List<string>();
        foreach (var route in All.Where(r => r.Method == "POST"))
        {
            var browser = await _accounts.AsAsync(route.Account);
            foreach (var (label, fields) in new[] { ("no token", new Dictionary<string, string>()), ("another session's token", new Dictionary<string, string> { ["__RequestVerificationToken"] = otherToken }) })
            {
                using var response = await browser.Client.PostAsync(route.Url(), new FormUrlEncodedContent(fields));
                if (response.StatusCode != HttpStatusCode.BadRequest)
                {
                    failures.Add($"{route} as {route.Account ?? "anonymous"} with {label}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>ASVS 4.1.1, 4.1.3: a role's pages refuse every other role and anonymous visitors, for reads and posts alike.</summary>
    [Fact]
    public async Task EveryRolesRoute_RefusesOtherRoles_AndSendsAnonymousVisitorsToSignIn()
    {
        var failures = new List<string>();
        foreach (var route in All.Where(r => r.SignedIn))
        {
            var callers = Routes.AccountOfRole.Where(a => route.Role is not null && a.Key != route.Role).Select(a => a.Value).Append(null);
            foreach (var email in callers)
            {
                var browser = await _accounts.AsAsync(email);
                using var response = route.Method == "GET"
                    ? await browser.Client.GetAsync(route.Url())
                    : await browser.Client.PostAsync(route.Url(), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await browser.TokenFromAsync("/") }));
                var expected = email is null ? "/account/login" : "/account/access-denied";
                var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : string.Empty;
                if (response.StatusCode != HttpStatusCode.Redirect || !location.StartsWith(expected, StringComparison.Ordinal))
                {
                    failures.Add($"{route} as {email ?? "anonymous"}: {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// The only changes a member of the leading group may make (ADR 0018): to their own account and
    /// session. Every other route that is not a read refuses them, whatever roles it admits.
    /// </summary>
    private static readonly Dictionary<string, string> LeadersOwnAccount = new()
    {
        ["POST /account/login"] = "signing in (again, or as someone else)",
        ["POST /account/login/two-factor"] = "as above, the second step",
        ["POST /account/logout"] = "signing out",
        ["POST /culture"] = "the language of their own pages and mail",
        ["POST /account/security/password"] = "their own password",
        ["POST /account/security/sessions/end"] = "their own other sessions",
        ["POST /account/security/two-factor/start"] = "their own two-step verification, which the organizer may require of leaders",
        ["POST /account/security/two-factor"] = "as above",
        ["POST /account/security/two-factor/disable"] = "as above",
        ["POST /account/security/two-factor/recovery-codes"] = "as above",
    };

    /// <summary>ADR 0018: a leader who posts anything but their own account's forms is refused, and nothing is done.</summary>
    [Fact]
    public async Task EveryRouteThatIsNotARead_RefusesASignedInLeader_ExceptTheirOwnAccount()
    {
        var leader = await _accounts.AsAsync(Routes.AccountOfRole[Roles.Leader]);
        var token = await leader.TokenFromAsync("/leader");
        var changes = factory.WithDb(db => db.AuditLog.Count());
        var writes = All.Where(r => r.Method is not ("GET" or "HEAD")).ToList();
        var failures = new List<string>();
        foreach (var route in writes.Where(r => !LeadersOwnAccount.ContainsKey(r.ToString())))
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Url())
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
            };
            using var response = await leader.Client.SendAsync(request);
            var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : string.Empty;
            if (response.StatusCode != HttpStatusCode.Redirect || !location.StartsWith("/account/access-denied", StringComparison.Ordinal))
            {
                failures.Add($"{route}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(failures.Count == 0, "Routes a leader could post to:\n" + string.Join("\n", failures));
        Assert.All(LeadersOwnAccount.Keys, k => Assert.Contains(writes, r => r.ToString() == k));
        Assert.True(writes.Count > 50, $"only {writes.Count} routes that are not reads: is the table still read right?");
        Assert.Equal(changes, factory.WithDb(db => db.AuditLog.Count()));
    }

    /// <summary>ASVS 8.2.1: nothing shown to a signed-in person is kept by the browser or a proxy, whatever the status.</summary>
    [Fact]
    public async Task EverySignedInRead_IsSentNoStore()
    {
        var failures = new List<string>();
        foreach (var route in All.Where(r => r.Method == "GET" && r.SignedIn))
        {
            var browser = await _accounts.AsAsync(route.Account);
            using var response = await browser.Client.GetAsync(route.Url());
            if (response.Headers.CacheControl?.NoStore != true)
            {
                failures.Add($"{route} ({(int)response.StatusCode}): Cache-Control {response.Headers.CacheControl}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// ASVS 14.4.3: the CSP forbids inline script and style, so no page may rely on them (they
    /// would silently not work); and none carries an event handler attribute.
    /// </summary>
    [Fact]
    public async Task NoPage_HasInlineScriptStyleOrHandlers()
    {
        var failures = new List<string>();
        foreach (var route in All.Where(r => r.Method == "GET" && !r.HasParameters))
        {
            var browser = await _accounts.AsAsync(route.Account);
            using var response = await browser.Client.GetAsync(route.Url());
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            failures.AddRange(document.Scripts.Where(s => s.Source is null or "").Select(s => $"{route}: inline <script>"));
            failures.AddRange(document.QuerySelectorAll("style").Select(_ => $"{route}: a <style> element"));
            failures.AddRange(document.All.Where(e => e.HasAttribute("style")).Select(e => $"{route}: style=\"{e.GetAttribute("style")}\" on <{e.LocalName}>"));
            failures.AddRange(document.All.SelectMany(e => e.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.Ordinal)).Select(a => $"{route}: {a.Name} on <{e.LocalName}>")));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
