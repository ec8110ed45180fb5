using Awards.Core.Entries;
using Awards.Web.Tests.Infrastructure;
using static Awards.Web.Tests.Infrastructure.Nominating;

namespace Awards.Web.Tests.Features.Screening;

/// <summary>
/// A nomination returned after judges had it stays what they read (ADR 0014): its unit cannot
/// change or withdraw it by a post from an old page, though the page offers neither.
/// </summary>
public sealed class ReturnedJudgedEntryTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task AReturnedNominationJudgesHave_IsNeitherEditedNorWithdrawnByADirectPost()
    {
        var coordinator = await SignedInAsync(factory, "coordinator.qingshan@demo.example");
        var code = await CreateDraftAsync(coordinator, "contribution", Person(title: "评委评过后退回的推荐", name: "郑九"));
        (await SubmitAsync(coordinator, code)).Dispose();
        var organizer = await SignedInAsync(factory, "organizer@demo.example");
        var page = $"/organizer/nominations/{code}";
        (await organizer.PostAsync(page, page + "/accept")).Dispose();
        Judged.ScoreRound(factory, "contribution", 1, new() { [code] = [88] });
        (await organizer.SubmitAsync(page, page + "/return", new Dictionary<string, string> { ["reason"] = "请补充推荐意见。", ["resubmitBy"] = "" })).Dispose();
        Assert.Equal(EntryStatus.Returned, factory.WithDb(db => db.Entries.Single(e => e.Code == code).Status));

        var shown = $"/nominations/{code}";
        Assert.DoesNotContain($"/nominations/{code}/edit", await coordinator.GetStringAsync(shown), StringComparison.Ordinal);
        var token = await coordinator.TokenFromAsync(shown);
        var fields = Person(title: "评委评过之后改写的推荐", name: "郑九");
        fields["__RequestVerificationToken"] = token;
        (await coordinator.Client.PostAsync($"/nominations/{code}/edit", new FormUrlEncodedContent(fields))).Dispose();
        (await coordinator.Client.PostAsync($"/nominations/{code}/withdraw", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))).Dispose();

        var entry = factory.WithDb(db => db.Entries.Single(e => e.Code == code));
        Assert.Equal("评委评过后退回的推荐", entry.Title);
        Assert.Equal(EntryStatus.Returned, entry.Status);
        Assert.Contains("评委已开始评审该作品，不能再修改或撤回。", await coordinator.GetStringAsync(shown), StringComparison.Ordinal);
    }
}
