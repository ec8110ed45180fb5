using Awards.Core.Entries;
using Awards.Core.Tracks;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Features.Screening;

/// <summary>
/// The organizer accepts the ticked nominations of the screening list in one post, all or none: a
/// code that is not a submitted nomination refuses the batch; a second click changes nothing. The
/// judging page says how many submitted nominations still wait for screening, since only accepted
/// ones go to the judges.
/// </summary>
public sealed class AcceptTickedTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private const string List = "/organizer/nominations";

    [Fact]
    public async Task TickedNominations_AreAcceptedTogether_ABadCodeRefusesTheBatch_AndTheJudgingPageCountsThoseWaiting()
    {
        var waiting = factory.WithDb(db => db.Entries.Where(e => e.Track.Kind == TrackKind.Nomination && e.Status == EntryStatus.Submitted).OrderBy(e => e.Id).Select(e => e.Code).ToList());
        Assert.True(waiting.Count >= 3, "the demo has submitted nominations");
        var essay = factory.WithDb(db => db.Entries.First(e => e.Track.Kind == TrackKind.Essay && e.Status == EntryStatus.Submitted).Code);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");

        Assert.Contains($"尚未审核的已提交推荐：{waiting.Count} 件。", await organizer.GetStringAsync("/organizer/judging"), StringComparison.Ordinal);
        var list = await organizer.GetStringAsync(List);
        Assert.All(waiting, code => Assert.Contains($"name=\"codes\" value=\"{code}\"", list, StringComparison.Ordinal));

        // An essay's code among them: the whole batch is refused, naming it.
        await AcceptAsync(organizer, waiting[0], essay);
        Assert.Contains($"以下编号不是已提交的推荐，无法通过审核：{essay}。未作任何更改。", await organizer.GetStringAsync(List), StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Submitted, StatusOf(waiting[0]));

        // Two ticked: both accepted, each with its own history line.
        var history = factory.WithDb(db => db.EntryStatusChanges.Count());
        await AcceptAsync(organizer, waiting[0], waiting[1]);
        Assert.Contains("已审核通过并进入评审的推荐：2 件。", await organizer.GetStringAsync(List), StringComparison.Ordinal);
        Assert.Equal((EntryStatus.Accepted, EntryStatus.Accepted, EntryStatus.Submitted), (StatusOf(waiting[0]), StatusOf(waiting[1]), StatusOf(waiting[2])));
        Assert.Equal(history + 2, factory.WithDb(db => db.EntryStatusChanges.Count()));

        // The same post again (a second click): nothing more happens.
        await AcceptAsync(organizer, waiting[0], waiting[1]);
        Assert.Contains("已审核通过并进入评审的推荐：0 件。", await organizer.GetStringAsync(List), StringComparison.Ordinal);
        Assert.Equal(history + 2, factory.WithDb(db => db.EntryStatusChanges.Count()));

        // Nothing ticked: said so.
        await AcceptAsync(organizer);
        Assert.Contains("请先勾选要通过审核的推荐。", await organizer.GetStringAsync(List), StringComparison.Ordinal);

        Assert.Contains($"尚未审核的已提交推荐：{waiting.Count - 2} 件。", await organizer.GetStringAsync("/organizer/judging"), StringComparison.Ordinal);
    }

    private static async Task AcceptAsync(Browser organizer, params string[] codes)
    {
        var token = await organizer.TokenFromAsync(List);
        var fields = codes.Select(c => new KeyValuePair<string, string>("codes", c)).Append(new("__RequestVerificationToken", token));
        using var response = await organizer.Client.PostAsync($"{List}/accept", new FormUrlEncodedContent(fields));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }

    private EntryStatus StatusOf(string code) => factory.WithDb(db => db.Entries.Single(e => e.Code == code).Status);
}
