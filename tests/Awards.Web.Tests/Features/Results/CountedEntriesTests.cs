using System.Text.RegularExpressions;
using Awards.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;

namespace Awards.Web.Tests.Features.Results;

/// <summary>Only the entries still in the contest are ranked: a disqualified essay's scores leave the ranking.</summary>
public sealed class CountedEntriesTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task ADisqualifiedEssay_LeavesTheRanking_WithItsScores()
    {
        var codes = Judged.Score(factory, "journey", [70, 90, 80], [60, 60, 60]);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        const string page = "/organizer/results/journey";
        var before = await organizer.GetStringAsync(page);
        Assert.All(codes, code => Assert.Contains($"data-code=\"{code}\"", before, StringComparison.Ordinal));

        (await organizer.SubmitAsync($"/organizer/essays/{codes[1]}", $"/organizer/essays/{codes[1]}/disqualify", new Dictionary<string, string> { ["reason"] = "与已发表文章雷同。" })).Dispose();

        var after = await organizer.GetStringAsync(page);
        Assert.Contains($"data-code=\"{codes[0]}\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-code=\"{codes[1]}\"", after, StringComparison.Ordinal);
        var csv = await organizer.GetStringAsync(page + "/ranking.csv");
        Assert.Contains(codes[0], csv, StringComparison.Ordinal);
        Assert.DoesNotContain(codes[1], csv, StringComparison.Ordinal);
    }
}

/// <summary>
/// A proposed winner disqualified during the notice (an upheld objection) keeps the results from
/// being finalized until they are published again without it; a prize in final results is not
/// taken back by a disqualification, which is refused and changes nothing.
/// </summary>
public sealed class DisqualifiedWinnerTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private const string Page = "/organizer/results/journey";

    [Fact]
    public async Task AWinnerDisqualifiedOnNotice_BlocksFinalizing_UntilPublishedAgain_AndAFinalWinnerCannotBeDisqualified()
    {
        var codes = Judged.Score(factory, "journey", [90, 90, 90], [80, 80, 80]);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        await Judged.PublishAsync(factory, organizer, "journey", 1, 1, 0, 0);

        // The first prize is disqualified during the notice: the organizer is told what that means.
        await DisqualifyAsync(organizer, codes[0]);
        Assert.Contains($"征文 {codes[0]} 已取消资格。该作品在公示中的拟获奖名单内", await organizer.GetStringAsync($"/organizer/essays/{codes[0]}"), StringComparison.Ordinal);
        var warned = await organizer.GetStringAsync(Page);
        Assert.Contains("data-testid=\"dropped-winners\"", warned, StringComparison.Ordinal);
        Assert.Contains($"以下拟获奖作品已不在评选中（已取消资格或已撤回）：{codes[0]}。", warned, StringComparison.Ordinal);

        // The public notice says so at once: the line is marked, the other winner is not.
        var visitor = new Browser(factory);
        var notice = await visitor.GetStringAsync("/notice");
        var dropped = Assert.Single(Regex.Matches(notice, "<tr class=\"text-body-secondary\" data-testid=\"dropped-winner\">(.*?)</tr>", RegexOptions.Singleline));
        Assert.Contains(codes[0], dropped.Value, StringComparison.Ordinal);
        Assert.Contains("已取消资格", dropped.Value, StringComparison.Ordinal);
        Assert.Contains(codes[1], notice, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"dropped-note\"", notice, StringComparison.Ordinal);

        // A prize list of the results on notice, made now, leaves it out.
        var (_, bytes) = await Exported.RunAsync(factory, organizer, "prize-list", proposed: true);
        using (var sheet = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            var text = Exported.AllSheetsText(sheet);
            Assert.DoesNotContain(codes[0], text, StringComparison.Ordinal);
            Assert.Contains(codes[1], text, StringComparison.Ordinal);
        }

        // After the notice period, finalizing is refused, by the page's button and by a post.
        factory.Clock.Offset += TimeSpan.FromDays(8);
        Assert.Matches("<button class=\"btn btn-success\" type=\"submit\" disabled=\"disabled\"[^>]*>确定最终结果</button>", await organizer.GetStringAsync(Page));
        (await organizer.PostAsync(Page, Page + "/finalize")).Dispose();
        Assert.Contains($"以下拟获奖作品已不在评选中（已取消资格或已撤回）：{codes[0]}。请先将结果退回草稿", await organizer.GetStringAsync(Page), StringComparison.Ordinal);
        Assert.Equal(Core.Results.ResultStage.Notice, Stage());

        // Back to draft and published again: the second becomes first, and the results can be final.
        (await organizer.PostAsync(Page, Page + "/withdraw")).Dispose();
        (await organizer.SubmitAsync(Page, Page + "/publish", new Dictionary<string, string> { ["days"] = "7" })).Dispose();
        Assert.DoesNotContain("data-testid=\"dropped-winners\"", await organizer.GetStringAsync(Page), StringComparison.Ordinal);
        notice = await visitor.GetStringAsync("/notice");
        Assert.DoesNotContain("dropped-winner", notice, StringComparison.Ordinal);
        Assert.DoesNotContain(codes[0], notice, StringComparison.Ordinal);
        factory.Clock.Offset += TimeSpan.FromDays(8);
        (await organizer.PostAsync(Page, Page + "/finalize")).Dispose();
        Assert.Equal(Core.Results.ResultStage.Final, Stage());
        Assert.Equal(1, factory.WithDb(db => db.Placements.Count(p => p.LevelRank == 1 && db.Entries.Any(e => e.Id == p.EntryId && e.Code == codes[1]))));

        // The final first prize cannot be disqualified: refused, and the essay stays in the contest.
        await DisqualifyAsync(organizer, codes[1]);
        Assert.Contains($"{codes[1]} 已在最终结果中获奖，最终结果不可更改，不能取消其资格。如需收回该奖项，请在该奖项的结果页撤销表彰。", await organizer.GetStringAsync($"/organizer/essays/{codes[1]}"), StringComparison.Ordinal);
        Assert.Equal(Core.Entries.EntryStatus.Submitted, factory.WithDb(db => db.Entries.Single(e => e.Code == codes[1]).Status));
    }

    private static async Task DisqualifyAsync(Browser organizer, string code) =>
        (await organizer.SubmitAsync($"/organizer/essays/{code}", $"/organizer/essays/{code}/disqualify", new Dictionary<string, string> { ["reason"] = "与已发表文章雷同。" })).Dispose();

    private Core.Results.ResultStage Stage() =>
        factory.WithDb(db => db.TrackResults.Single(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "journey")).Stage);
}
