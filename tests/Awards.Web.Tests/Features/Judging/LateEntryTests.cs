using Awards.Web.Features.Judging;
using Awards.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Features.Judging;

/// <summary>An essay submitted after the judges were assigned has none: the round page says so before it is closed, so that no entry is left out of the ranking unseen.</summary>
public sealed class LateEntryTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task AnEssaySubmittedAfterTheAssignment_IsNamedBeforeTheRoundIsClosed()
    {
        var round = factory.WithDb(db => db.Rounds.Single(r => r.Sequence == 1 && db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "help-story")).Id);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");

        // Before any assignment the page says to assign, and that no judge has progress yet, not that entries came late.
        var before = await organizer.GetStringAsync($"/organizer/judging/{round}");
        Assert.Contains("尚未分配评委：请先分配本轮", before, StringComparison.Ordinal);
        Assert.DoesNotContain("分配之后", before, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"no-progress\"", before, StringComparison.Ordinal);

        var judges = factory.WithDb(db => db.Users.Where(u => Judged.Judges.Contains(u.Email!)).Select(u => u.Id).ToList());
        using (var scope = factory.Services.CreateScope())
        {
            var setup = scope.ServiceProvider.GetRequiredService<JudgingSetup>();
            await setup.SetPanelAsync(round, judges, default);
            await setup.ApplyAsync(round, seed: 1, default);
        }

        var assigned = await organizer.GetStringAsync($"/organizer/judging/{round}");
        Assert.DoesNotContain("data-testid=\"unjudged-warning\"", assigned, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"no-progress\"", assigned, StringComparison.Ordinal);

        var author = await Writing.NewAuthorAsync(factory, "late.comer@example.org", unit: "liuxi");
        var code = await Writing.CreateDraftAsync(author, "help-story");
        (await Writing.SubmitAsync(author, code)).Dispose();

        var page = await organizer.GetStringAsync($"/organizer/judging/{round}");
        Assert.Contains("data-testid=\"unjudged-warning\"", page, StringComparison.Ordinal);
        Assert.Contains("有 1 件参评作品在本轮没有评委", page, StringComparison.Ordinal);
        Assert.Contains("有 1 件作品在本轮没有评委，将不参加排名", page, StringComparison.Ordinal);
    }
}
