using System.Net;
using System.Text.RegularExpressions;
using Awards.Core.Entries;
using Awards.Web.Data.Generate;
using Awards.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Awards.Web.Tests.Features.Performance;

/// <summary>
/// List pages run the same number of SQL commands for a contest ten times larger: no page loads
/// its rows one query at a time (N+1), which would make it slow for a real city.
/// </summary>
public sealed partial class QueryCountTests(GeneratedContests contests, ITestOutputHelper output) : IClassFixture<GeneratedContests>
{
    [Fact]
    public void TheCity_HasTenTimesTheTownsEntries()
    {
        Assert.Equal(220, contests.Town.WithDb(db => db.Entries.Count()));
        Assert.Equal(2_200, contests.City.WithDb(db => db.Entries.Count(e => e.Status == EntryStatus.Submitted || e.Status == EntryStatus.Accepted)));
    }

    [Theory]
    [InlineData("/organizer")]
    [InlineData("/organizer/nominations")]
    [InlineData("/organizer/essays")]
    [InlineData("/organizer/judging")]
    [InlineData("/organizer/judging/{round}")]
    [InlineData("/organizer/results")]
    [InlineData("/organizer/results/help-story")]
    [InlineData("/organizer/results/journey")]
    [InlineData("/organizer/exports")]
    [InlineData("/notice")]
    public async Task OrganizerAndPublicPages_RunAsManyQueries_ForTenTimesTheEntries(string url)
    {
        var town = await GeneratedContests.QueriesAsync(contests.Town, GeneratedAccounts.Organizer, url);
        var city = await GeneratedContests.QueriesAsync(contests.City, GeneratedAccounts.Organizer, url);

        output.WriteLine($"{url}: {town} queries for the town, {city} for the city");
        Assert.InRange(town, 1, 40);
        Assert.Equal(town, city);
    }

    [Theory]
    [InlineData("/judge")]
    [InlineData("/judge/rounds/{round}")]
    public async Task JudgePages_RunAsManyQueries_ForTenTimesTheEntries(string url)
    {
        var town = await GeneratedContests.QueriesAsync(contests.Town, GeneratedAccounts.Judge(1), url);
        var city = await GeneratedContests.QueriesAsync(contests.City, GeneratedAccounts.Judge(1), url);

        output.WriteLine($"{url}: {town} queries for the town, {city} for the city");
        Assert.InRange(town, 1, 40);
        Assert.Equal(town, city);
    }

    [Theory]
    [InlineData("/coordinator", "Coordinator")]
    [InlineData("/author", "Author")]
    public async Task EntrantDashboards_RunAsManyQueries_ForTenTimesTheEntries(string url, string role)
    {
        var email = role == "Author" ? GeneratedAccounts.Author(1) : GeneratedAccounts.Coordinator(1);
        var town = await GeneratedContests.QueriesAsync(contests.Town, email, url);
        var city = await GeneratedContests.QueriesAsync(contests.City, email, url);

        output.WriteLine($"{url}: {town} queries for the town, {city} for the city");
        Assert.InRange(town, 1, 40);
        Assert.Equal(town, city);
    }
    [Theory]
    [InlineData("/organizer/judging/{round}", "organizer")]
    [InlineData("/notice", "organizer")]
    [InlineData("/judge", "judge")]
    [InlineData("/judge/rounds/{round}", "judge")]
    public async Task APage_OpensTheDatabaseConnectionOnce_ForAllItsQueries(string url, string who)
    {
        var (queries, opens) = await GeneratedContests.CountAsync(contests.Town, who == "judge" ? GeneratedAccounts.Judge(1) : GeneratedAccounts.Organizer, url);

        output.WriteLine($"{url}: {queries} queries, {opens} connection opens");
        Assert.True(queries > 1, $"{url} ran {queries} queries");
        Assert.Equal(1, opens);
    }

    [Fact]
    public async Task TheScoringPost_SavesAndOpensTheNextEntry_WithOneOpenOfTheConnection()
    {
        var site = contests.Town;
        var judge = new Browser(site);
        await judge.SignInOrFailAsync(GeneratedAccounts.Judge(1), GeneratedAccounts.Password);
        var round = GeneratedContests.HelpStoryRound(site);
        var codes = EntryLink().Matches(await judge.GetStringAsync($"/judge/rounds/{round}")).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(codes.Count >= 2, $"judge 1 has {codes.Count} entries in round {round}");

        var page = await judge.GetStringAsync($"/judge/rounds/{round}/{codes[0]}");
        var form = Criterion().Matches(page).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.NotEmpty(form);
        form["version"] = Version().Match(page).Groups[1].Value;
        form["action"] = "submit-next";
        form["comment"] = "条理清楚。";
        form["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        site.Queries.Reset();

        using var response = await judge.Client.PostAsync($"/judge/rounds/{round}/{codes[0]}", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/judge/rounds/{round}/{codes[1]}", response.Headers.Location?.OriginalString);
        Assert.Equal(1, site.Queries.OpensFor($"/judge/rounds/{round}/{codes[0]}"));
        Assert.Contains("条理清楚。", await judge.GetStringAsync($"/judge/rounds/{round}/{codes[0]}"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"/judge/rounds/\d+/([0-9A-Z]{4}-[0-9A-Z]{4})""")]
    private static partial Regex EntryLink();

    // Each criterion's field, filled with its maximum.
    [GeneratedRegex(@"name=""(c\d+)"" type=""number""[^>]*max=""([0-9.]+)""")]
    private static partial Regex Criterion();

    [GeneratedRegex(@"name=""version"" value=""(\d+)""")]
    private static partial Regex Version();

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex Token();
}
