using Awards.Web.Data.Generate;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Features.Performance;

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
    public static async Task<int> QueriesAsync(GeneratedSite site, string email, string url) =>
        (await CountAsync(site, email, url)).Queries;

    /// <summary>As <see cref="QueriesAsync"/>, with how many times the page opened the database connection.</summary>
    public static async Task<(int Queries, int Opens)> CountAsync(GeneratedSite site, string email, string url)
    {
        var browser = new Browser(site);
        await browser.SignInOrFailAsync(email, GeneratedAccounts.Password);
        var path = url.Replace("{round}", HelpStoryRound(site).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        await browser.GetStringAsync(path);
        site.Queries.Reset();
        await browser.GetStringAsync(path);
        path = path.Split('?')[0];
        return (site.Queries.For(path), site.Queries.OpensFor(path));
    }

    /// <summary>The help-story theme's first (preliminary) round, open for scoring in a generated contest.</summary>
    public static int HelpStoryRound(GeneratedSite site) =>
        site.WithDb(db => db.Rounds.Where(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "help-story")).Select(r => r.Id).Min());

}
