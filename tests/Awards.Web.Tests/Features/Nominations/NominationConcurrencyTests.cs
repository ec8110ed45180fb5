using System.Net;
using Awards.Core.Entries;
using Awards.Core.Identity;
using Awards.Web.Tests.Infrastructure;
using static Awards.Web.Tests.Infrastructure.Nominating;

namespace Awards.Web.Tests.Features.Nominations;

/// <summary>SECURITY.md §5: two coordinators of one unit submitting at the same moment never exceed the unit's limit.</summary>
public sealed class NominationConcurrencyTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task ParallelSubmissions_FromTwoCoordinatorsOfOneUnit_StopAtTheLimit()
    {
        await CreateUserAsync(factory, "first.hedong@example.org", Roles.UnitCoordinator, "hedong");
        await CreateUserAsync(factory, "second.hedong@example.org", Roles.UnitCoordinator, "hedong");
        var first = await SignedInAsync(factory, "first.hedong@example.org");
        var second = await SignedInAsync(factory, "second.hedong@example.org");
        var drafts = new List<(Browser Browser, string Code, string Token)>();
        for (var i = 0; i < 8; i++)
        {
            foreach (var browser in new[] { first, second })
            {
                var code = await CreateDraftAsync(browser, "innovation", Person(title: $"并发推荐 {drafts.Count}"));
                drafts.Add((browser, code, await browser.TokenFromAsync($"/nominations/{code}")));
            }
        }

        // All sixteen at once, each with a valid token, as clicks in two offices would arrive. (With a
        // deferred BEGIN most of them fail with "database is locked"; that is what this test catches.)
        using var start = new SemaphoreSlim(0);
        var posts = drafts.Select(async d =>
        {
            await start.WaitAsync();
            using var response = await d.Browser.Client.PostAsync($"/nominations/{d.Code}/submit", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = d.Token }));
            return (d.Code, response.StatusCode, response.Headers.Location?.OriginalString);
        }).ToList();
        start.Release(drafts.Count);
        var results = await Task.WhenAll(posts);

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var accepted = results.Where(r => r.OriginalString!.EndsWith("/receipt", StringComparison.Ordinal)).Select(r => r.Code).ToHashSet();
        Assert.Equal(2, accepted.Count);
        var hedong = factory.WithDb(db => db.Units.Single(u => u.Code == "hedong").Id);
        var submitted = factory.WithDb(db => db.Entries.Where(e => e.UnitId == hedong && e.Status == EntryStatus.Submitted).Select(e => new { e.Code, e.UnitSlot }).ToList());
        Assert.Equal(accepted, submitted.Select(s => s.Code).ToHashSet());
        Assert.Equal([1, 2], submitted.Select(s => s.UnitSlot!.Value).Order());
    }
}
