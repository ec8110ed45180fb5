using System.Net;
using System.Text.RegularExpressions;

namespace Awards.Durability.Tests.Infrastructure;

/// <summary>
/// One person's browser against a real port: its own cookies and connections, forms posted with
/// the page's antiforgery token, redirects not followed (a redirect is how the site acknowledges a write).
/// </summary>
public sealed partial class SiteClient : IDisposable
{
    public const string DemoPassword = "Demo-Awards-2026";

    private readonly CookieContainer _cookies = new();

    public SiteClient(Uri address) => Http = new HttpClient(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = true,
        CookieContainer = _cookies,
    })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public HttpClient Http { get; }

    /// <summary>Switches the site to English for this person (the culture cookie), so that tests can read its messages.</summary>
    public void InEnglish() => _cookies.Add(Http.BaseAddress!, new Cookie(".AspNetCore.Culture", "c=en|uic=en"));

    public static async Task<SiteClient> SignedInAsync(Uri address, string email, string password = DemoPassword)
    {
        var client = new SiteClient(address);
        using var response = await client.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = email, ["Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/dashboard", $"{email} could not sign in: {response.StatusCode}");
        return client;
    }

    public async Task<string> GetStringAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    public async Task<string> TokenAsync(string pageUrl)
    {
        var token = TokenPattern().Match(await GetStringAsync(pageUrl));
        Assert.True(token.Success, $"{pageUrl} has no antiforgery token");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    /// <summary>Opens the page with the form, then posts the fields with its token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, string action, Dictionary<string, string> fields) =>
        await PostAsync(action, await TokenAsync(pageUrl), fields);

    public async Task<HttpResponseMessage> PostAsync(string action, string token, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var form = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await Http.PostAsync(action, form);
    }

    public async Task<HttpResponseMessage> UploadAsync(string pageUrl, string action, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent { { new StringContent(await TokenAsync(pageUrl)), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await Http.PostAsync(action, form);
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
