using Awards.Web.Data.Generate;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Features.Performance;

/// <summary>
/// The test classes that share one <see cref="GeneratedContests"/> (generating a city takes seconds).
/// Their tests only read: a change would make the town and the city differ.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedGeneratedContests : ICollectionFixture<GeneratedContests>
{
    public const string Name = "Generated contests";
}

/// <summary>Two generated contests, the town and the ten times larger city, each behind a site that counts queries.</summary>
public sealed class GeneratedContests : IAsyncLifetime
{
    public GeneratedSite Town { get; private set; } = null!;

    public GeneratedSite City { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Town = await GeneratedSite.CreateAsync("town");
        City = await GeneratedSite.CreateAsync("city");
    }

    public Task DisposeAsync()
    {
        Town.Dispose();
        City.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Signs in as <paramref name="email"/>, opens <paramref name="url"/> ("{round}": the first round of a track) and returns how many SQL commands it ran.</summary>
    public static async Task<int> QueriesAsync(GeneratedSite site, string email, string url)
    {
        var browser = new Browser(site);
        await browser.SignInOrFailAsync(email, GeneratedAccounts.Password);
        var round = site.WithDb(db => db.Rounds.Where(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "help-story")).Select(r => r.Id).Min());
        var path = url.Replace("{round}", round.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        await browser.GetStringAsync(path);
        site.Queries.Reset();
        await browser.GetStringAsync(path);
        return site.Queries.For(path.Split('?')[0]);
    }

}
