using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Features.Judging;

/// <summary>A judge who has not accepted the invitation yet is marked on the panel form, since entries given to them wait.</summary>
public sealed class PendingJudgeTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task AnInvitedJudge_IsMarkedOnThePanel_UntilTheyAccept()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        (await organizer.SubmitAsync("/organizer/users/invite", "/organizer/users/invite", new Dictionary<string, string> { ["Form.Email"] = "not.yet@example.org", ["Form.Name"] = "未到评委", ["Form.Role"] = "Judge" })).Dispose();
        var round = factory.WithDb(db => db.Rounds.Single(r => r.Sequence == 1 && db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "help-story")).Id);
        var page = await organizer.GetStringAsync($"/organizer/judging/{round}");

        var invited = page[page.IndexOf("未到评委", StringComparison.Ordinal)..];
        Assert.Contains("data-testid=\"judge-pending\"", invited[..invited.IndexOf("</label>", StringComparison.Ordinal)], StringComparison.Ordinal);
        var demo = page[page.IndexOf("judge.huang@demo.example", StringComparison.Ordinal)..];
        Assert.DoesNotContain("data-testid=\"judge-pending\"", demo[..demo.IndexOf("</label>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }
}
