using System.Net;
using Awards.Web.Tests.Infrastructure;
using static Awards.Web.Tests.Infrastructure.Nominating;

namespace Awards.Web.Tests.Features.Nominations;

/// <summary>Entry posts are rate-limited per account (SECURITY.md §2), with a localized message.</summary>
public sealed class NominationRateLimitTests(StrictRateLimitFactory factory) : IClassFixture<StrictRateLimitFactory>
{
    [Fact]
    public async Task TooManyPostsInAMinute_AreRefusedWith429_AndCreateNothing()
    {
        // Three posts a minute: the sign-in is an account post, the drafts are entry posts.
        var browser = await SignedInAsync(factory, "coordinator.qingshan@demo.example");
        for (var i = 0; i < 3; i++)
        {
            await CreateDraftAsync(browser, "dedication", Person(title: $"限流 {i}"));
        }

        using var fourth = await browser.SubmitAsync("/nominations/new/dedication", "/nominations/new/dedication", Person(title: "限流 3"));

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Contains("尝试次数过多", await fourth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(factory.WithDb(db => db.Entries.Any(e => e.Title == "限流 3")));
    }
}
