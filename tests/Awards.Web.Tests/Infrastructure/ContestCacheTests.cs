using Awards.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Infrastructure;

/// <summary>
/// Pages share one copy of the current contest until it changes; a change made by anyone shows on
/// the very next page, never a stale quota, date or round.
/// </summary>
public sealed class ContestCacheTests(CountingSite factory) : IClassFixture<CountingSite>
{

    [Fact]
    public async Task ThePublicTrackPage_ReadsTheContestOnlyOnce_AcrossVisits()
    {
        using var client = factory.CreateClient();
        await VisitAsync(client, "innovation");
        factory.Queries.Reset();

        await VisitAsync(client, "innovation");

        // The contest's five queries are gone from the second visit: the page needs nothing else from the database.
        Assert.Equal(0, factory.Queries.For("/tracks/innovation"));
    }

    [Fact]
    public async Task AQuotaChangedAndSaved_ShowsOnTheNextPage()
    {
        using var client = factory.CreateClient();
        Assert.Contains(": 10<", await VisitAsync(client, "dedication"), StringComparison.Ordinal);

        await ChangeQuotaAsync("dedication", 7);

        Assert.Contains(": 7<", await VisitAsync(client, "dedication"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangeInsideAnImmediateTransaction_ShowsOnceItCommits_EvenIfAPageWasReadBefore()
    {
        using var client = factory.CreateClient();
        Assert.Contains(": 10<", await VisitAsync(client, "contribution"), StringComparison.Ordinal);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AwardsDbContext>();
            await ImmediateTransaction.RunAsync(db, async ct =>
            {
                await ChangeQuotaIn(db, "contribution", 4, ct);
                await db.SaveChangesAsync(ct);

                // Saved but not committed: another request still sees (and may keep) the old quota.
                Assert.Contains(": 10<", await VisitAsync(client, "contribution"), StringComparison.Ordinal);
                return 0;
            });
        }

        Assert.Contains(": 4<", await VisitAsync(client, "contribution"), StringComparison.Ordinal);
    }

    private static async Task<string> VisitAsync(HttpClient client, string track)
    {
        using var response = await client.GetAsync($"/tracks/{track}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private async Task ChangeQuotaAsync(string track, int quota)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AwardsDbContext>();
        await ChangeQuotaIn(db, track, quota, CancellationToken.None);
        await db.SaveChangesAsync();
    }

    private static async Task ChangeQuotaIn(AwardsDbContext db, string code, int quota, CancellationToken cancellationToken)
    {
        var track = await db.Tracks.SingleAsync(t => t.Code == code, cancellationToken);
        var level = await db.AwardLevels.SingleAsync(l => l.TrackId == track.Id, cancellationToken);
        level.ChangeQuota(quota);
    }
}
