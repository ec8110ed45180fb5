using System.Net;

namespace Awards.Durability.Tests.Infrastructure;

/// <summary>Essay drafts as an author saves them: each post carries a fresh form key, so each acknowledged post is one new entry.</summary>
public static class Essays
{
    /// <summary>About 1,200 characters: inside the default 1,000–6,000.</summary>
    public static readonly string Text = "## 初到村里\n\n" + string.Concat(Enumerable.Repeat("那年春天，我作为驻村工作队员来到大山深处，和乡亲们一起修路、种茶、办合作社。", 30));

    public static Dictionary<string, string> Draft(string title) => new()
    {
        ["Form.Title"] = title,
        ["Form.Body"] = Text,
        ["Form.Original"] = "true",
        ["Form.FormKey"] = Guid.NewGuid().ToString("N"),
    };

    /// <summary>Posts a new draft; returns its entry code when the site acknowledged it (a redirect to the essay), else null.</summary>
    public static async Task<string?> SaveDraftAsync(SiteClient author, string token, string theme, string title)
    {
        using var response = await author.PostAsync($"/essays/new/{theme}", token, Draft(title));
        var location = response.Headers.Location?.OriginalString;
        return response.StatusCode == HttpStatusCode.Redirect && location is not null && location.StartsWith("/essays/", StringComparison.Ordinal)
            ? location["/essays/".Length..]
            : null;
    }
}
