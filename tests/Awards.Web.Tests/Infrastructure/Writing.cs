using System.Net;
using Awards.Core.Identity;

namespace Awards.Web.Tests.Infrastructure;

/// <summary>Writing essays the way an author does, and fresh authors to write them.</summary>
public static class Writing
{
    /// <summary>About 1,200 characters: inside the default 1,000–6,000.</summary>
    public static readonly string Text = "## 初到村里\n\n" + string.Concat(Enumerable.Repeat("那年春天，我作为驻村工作队员来到大山深处，和乡亲们一起修路、种茶、办合作社。", 30));

    public static Dictionary<string, string> Essay(string title = "我的帮扶故事", string? body = null, bool original = true) => new()
    {
        ["Form.Title"] = title,
        ["Form.Body"] = body ?? Text,
        ["Form.Original"] = original ? "true" : "false",
    };

    /// <summary>A confirmed author with a unit, signed in.</summary>
    public static async Task<Browser> NewAuthorAsync(AwardsFactory factory, string email, string unit = "qingshan", string? name = null, string? phone = null)
    {
        await Nominating.CreateUserAsync(factory, email, Roles.Author, unit, name, phone);
        return await Nominating.SignedInAsync(factory, email);
    }

    public static async Task<string> CreateDraftAsync(Browser browser, string theme, Dictionary<string, string>? fields = null)
    {
        var page = $"/essays/new/{theme}";
        using var response = await browser.SubmitAsync(page, page, fields ?? Essay());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/essays/", location, StringComparison.Ordinal);
        return location["/essays/".Length..];
    }

    public static async Task<HttpResponseMessage> SubmitAsync(Browser browser, string code) =>
        await browser.PostAsync($"/essays/{code}", $"/essays/{code}/submit");
}
