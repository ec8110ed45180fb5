using System.Net;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Security;

/// <summary>
/// ASVS 14.4.1–14.4.7, 3.4.2–3.4.3: the security headers are on every kind of response (pages,
/// errors, refusals, static files, downloads), the CSP allows no inline or foreign script, and
/// the session cookies are out of reach of script and of other sites' posts.
/// </summary>
public sealed class HeaderTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    public static TheoryData<string, string?> Responses() => new()
    {
        { "/", null },
        { "/no-such-page", null },
        { "/js/site.js", null },
        { "/favicon.svg", null },
        { "/organizer", null },
        { "/organizer", "organizer@demo.example" },
        { "/organizer/audit/export.csv", "organizer@demo.example" },
        { "/organizer/results/help-story/scores.csv", "organizer@demo.example" },
        { "/organizer/nominations/NO-SUCH", "organizer@demo.example" },
        { "/judge", "judge.huang@demo.example" },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task EveryKindOfResponse_CarriesTheSecurityHeaders(string url, string? email)
    {
        var browser = email is null ? new Browser(factory) : await Nominating.SignedInAsync(factory, email);

        using var response = await browser.Client.GetAsync(url);

        AssertHeaders(response, url);
        if (email is not null)
        {
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url}: {response.Headers.CacheControl}");
        }
    }

    [Fact]
    public async Task ARefusedPost_CarriesThemToo()
    {
        using var response = await new Browser(factory).Client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertHeaders(response, "POST /account/login");
    }

    [Fact]
    public async Task TheContentSecurityPolicy_AllowsOnlyTheSitesOwnScripts_AndNoFraming()
    {
        using var response = await new Browser(factory).Client.GetAsync("/");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single()
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToArray());

        Assert.Equal(["'self'"], policy["default-src"]);
        Assert.Equal(["'self'"], policy["script-src"]);
        Assert.Equal(["'self'"], policy["style-src"]);
        Assert.Equal(["'none'"], policy["object-src"]);
        Assert.Equal(["'none'"], policy["frame-ancestors"]);
        Assert.Equal(["'self'"], policy["base-uri"]);
        Assert.Equal(["'self'"], policy["form-action"]);
        Assert.DoesNotContain(policy.Values.SelectMany(v => v), v => v is "'unsafe-inline'" or "'unsafe-eval'" or "*");
    }

    [Fact]
    public async Task TheSessionAndAntiforgeryCookies_AreHttpOnly_AndSameSite()
    {
        var browser = new Browser(factory);
        using var page = await browser.Client.GetAsync("/account/login");
        using var signIn = await browser.SignInAsync("author.he@demo.example");

        var cookies = page.Headers.GetValues("Set-Cookie").Concat(signIn.Headers.GetValues("Set-Cookie")).ToList();
        var session = cookies.Single(c => c.StartsWith("awards.auth=", StringComparison.Ordinal)).ToLowerInvariant();
        var antiforgery = cookies.First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).ToLowerInvariant();

        Assert.Contains("httponly", session, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", session, StringComparison.Ordinal);
        Assert.Contains("httponly", antiforgery, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.Ordinal);
    }

    private static void AssertHeaders(HttpResponseMessage response, string where)
    {
        string Header(string name) => response.Headers.TryGetValues(name, out var values) ? values.Single() : $"(no {name})";

        Assert.True(Header("Content-Security-Policy").Contains("frame-ancestors 'none'", StringComparison.Ordinal), $"{where}: {Header("Content-Security-Policy")}");
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("DENY", Header("X-Frame-Options"));
        Assert.Equal("same-origin", Header("Referrer-Policy"));
        Assert.Equal("same-origin", Header("Cross-Origin-Opener-Policy"));
    }
}
