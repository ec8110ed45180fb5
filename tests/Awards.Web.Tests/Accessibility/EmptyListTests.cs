using AngleSharp.Html.Parser;
using Awards.Core.Identity;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Accessibility;

/// <summary>
/// A list with nothing in it is what a new coordinator or author meets first, and what an organizer's
/// filter shows when nothing matches: those pages keep every <see cref="PageRules"/> rule too (an empty
/// table still has its header cells, or is not a table at all).
/// </summary>
public sealed class EmptyListTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private const string NewCoordinator = "a11y.empty.coordinator@example.org";

    private const string NewAuthor = "a11y.empty.author@example.org";

    public static TheoryData<string, string, string> Pages()
    {
        var pages = new TheoryData<string, string, string>();
        foreach (var language in new[] { "zh-CN", "en" })
        {
            pages.Add(NewCoordinator, "/coordinator", language);
            pages.Add(NewAuthor, "/author", language);
            pages.Add("organizer@demo.example", "/organizer/nominations?status=Withdrawn", language);
            pages.Add("organizer@demo.example", "/organizer/essays?q=无此征文", language);
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EmptyList_PassesTheAccessibilityRules(string account, string url, string language)
    {
        var browser = await SignedInAsync(account);
        var html = await browser.GetStringAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=" + language);
        var page = new HtmlParser().ParseDocument(html);
        Assert.True(page.QuerySelector("main tbody tr") is null, $"{url} as {account} lists rows: not the empty state this test is for");
        var failures = PageRules.Check(page, language).Distinct().ToList();
        Assert.True(failures.Count == 0, $"{url} as {account} ({language}), {failures.Count} failures:\n" + string.Join("\n", failures));
    }

    private async Task<Browser> SignedInAsync(string account)
    {
        if (account == NewAuthor)
        {
            return factory.WithDb(db => db.Users.Any(u => u.Email == NewAuthor))
                ? await Nominating.SignedInAsync(factory, NewAuthor)
                : await Writing.NewAuthorAsync(factory, NewAuthor, unit: "women");
        }

        if (account == NewCoordinator && !factory.WithDb(db => db.Users.Any(u => u.Email == NewCoordinator)))
        {
            // A unit with no entries of its own yet.
            await Nominating.CreateUserAsync(factory, NewCoordinator, Roles.UnitCoordinator, "women");
        }

        return await Nominating.SignedInAsync(factory, account);
    }
}
