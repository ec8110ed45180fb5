using Awards.Core.Entries;
using Awards.Web.Data.Generate;
using Xunit.Abstractions;

namespace Awards.Web.Tests.Features.Performance;

/// <summary>
/// List pages run the same number of SQL commands for a contest ten times larger: no page loads
/// its rows one query at a time (N+1), which would make it slow for a real city.
/// </summary>
[Collection(SharedGeneratedContests.Name)]
public sealed class QueryCountTests(GeneratedContests contests, ITestOutputHelper output)
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
    [InlineData("/organizer/users")]
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
}
