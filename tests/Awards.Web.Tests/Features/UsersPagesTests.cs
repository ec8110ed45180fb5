using System.Net;
using System.Text.RegularExpressions;
using Awards.Web.Data.Generate;
using Awards.Web.Tests.Features.Performance;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Tests.Features;

/// <summary>
/// A city has about a thousand accounts: the organizer's list shows them fifty at a time, every
/// account on exactly one page, and finds one by a part of its name or e-mail address.
/// </summary>
[Collection(SharedGeneratedContests.Name)]
public sealed partial class UsersPagesTests(GeneratedContests contests)
{
    [Fact]
    public async Task EveryAccount_IsOnExactlyOnePage_FiftyAtATime()
    {
        var organizer = await contests.City.OrganizerAsync();
        var expected = contests.City.WithDb(db => db.UserRoles.Count());
        Assert.True(expected > 500, $"the city has {expected} accounts");

        var first = await organizer.GetStringAsync("/organizer/users");
        Assert.Equal(50, Emails(first).Count);
        Assert.Contains($"共 {expected} 个账号。", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/organizer/users?role=&amp;q=&amp;page=2\" rel=\"next\"", first, StringComparison.Ordinal);

        var pages = (expected + 49) / 50;
        var seen = new List<string>();
        for (var page = 1; page <= pages; page++)
        {
            seen.AddRange(Emails(await organizer.GetStringAsync($"/organizer/users?page={page}")));
        }

        Assert.Equal(expected, seen.Count);
        Assert.Equal(expected, seen.Distinct().Count());
        // Past the end: the last page, not an empty one.
        Assert.Equal(Emails(await organizer.GetStringAsync($"/organizer/users?page={pages}")), Emails(await organizer.GetStringAsync("/organizer/users?page=9999")));
    }

    [Fact]
    public async Task ARoleAndASearch_NarrowTheList_AndThePagesKeepThem()
    {
        var organizer = await contests.City.OrganizerAsync();

        var judges = await organizer.GetStringAsync("/organizer/users?role=Judge");
        var judgeCount = contests.City.WithDb(db => db.UserRoles.Count(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == "Judge")));
        Assert.Contains($"共 {judgeCount} 个账号。", judges, StringComparison.Ordinal);
        Assert.All(Emails(judges), email => Assert.StartsWith("judge", email, StringComparison.Ordinal));
        Assert.Contains("href=\"/organizer/users?role=Judge&amp;q=&amp;page=2\"", judges, StringComparison.Ordinal);

        var byEmail = await organizer.GetStringAsync("/organizer/users?q=JUDGE0002@");
        Assert.Equal([GeneratedAccounts.Judge(2)], Emails(byEmail));

        var name = contests.City.WithDb(db => db.Users.Where(u => u.Email == GeneratedAccounts.Author(7)).Select(u => u.DisplayName).Single());
        var byName = Emails(await organizer.GetStringAsync($"/organizer/users?q={Uri.EscapeDataString(name)}"));
        Assert.Contains(GeneratedAccounts.Author(7), byName);
        Assert.All(byName, email => Assert.Contains(name, contests.City.WithDb(db => db.Users.AsNoTracking().Single(u => u.Email == email).DisplayName), StringComparison.Ordinal));

        var none = await organizer.Client.GetAsync("/organizer/users?q=nobody-has-this");
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        var html = await none.Content.ReadAsStringAsync();
        Assert.Empty(Emails(html));
        Assert.Contains("共 0 个账号。", html, StringComparison.Ordinal);
    }

    // The e-mail column of the list's rows.
    private static List<string> Emails(string page) =>
        [.. UserRow().Matches(page[page.IndexOf("data-testid=\"users\"", StringComparison.Ordinal)..]).Select(m => m.Groups["email"].Value)];

    [GeneratedRegex("<tr>\\s*<td>[^<]*</td>\\s*<td>(?<email>[^<]+@[^<]+)</td>")]
    private static partial Regex UserRow();
}
