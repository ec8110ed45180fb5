using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Awards.Web.Tests.Infrastructure;

/// <summary>A cookie-keeping client that fills forms the way a browser does, antiforgery token included.</summary>
public sealed partial class Browser(WebApplicationFactory<Program> factory)
{
    public const string DemoPassword = "Demo-Awards-2026";

    public HttpClient Client { get; } = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<string> GetStringAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Opens the page with the form, then posts the fields with that page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, string action, IDictionary<string, string> fields)
    {
        var page = await GetStringAsync(pageUrl);
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, $"{pageUrl} has no antiforgery token");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await Client.PostAsync(action, new FormUrlEncodedContent(form));
    }

    /// <summary>Posts a form with no fields but the token (a button), from the page that shows it.</summary>
    public Task<HttpResponseMessage> PostAsync(string pageUrl, string action) =>
        SubmitAsync(pageUrl, action, new Dictionary<string, string>());

    /// <summary>Uploads a file through a multipart form, as the browser's file input does.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string pageUrl, string action, string fileName, byte[] content, string field = "file")
    {
        var page = await GetStringAsync(pageUrl);
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, $"{pageUrl} has no antiforgery token");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, field, fileName);
        return await Client.PostAsync(action, form);
    }

    /// <summary>The antiforgery token of a page, for posts that tamper with what the page would send.</summary>
    public async Task<string> TokenFromAsync(string pageUrl)
    {
        var token = TokenPattern().Match(await GetStringAsync(pageUrl));
        Assert.True(token.Success, $"{pageUrl} has no antiforgery token");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password = DemoPassword) =>
        await SubmitAsync("/account/login", "/account/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    public async Task SignInOrFailAsync(string email, string password = DemoPassword)
    {
        using var response = await SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard", response.Headers.Location?.OriginalString);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
