using System.Text;
using Awards.Web.Features.Judging;
using Awards.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Features.Judging;

/// <summary>
/// A score sheet whose rows break what a judge's page would refuse (more than two decimals, a
/// comment past 2,000 characters, an entry disqualified since) names each such row by its number,
/// all at once, and imports nothing.
/// </summary>
public sealed class ScoreImportRowsTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task RowsAJudgesPageWouldRefuse_AreEachNamedByNumber_AndNothingIsImported()
    {
        var round = factory.WithDb(db => db.Rounds.Single(r => r.Sequence == 1 && db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "help-story")).Id);
        var judgeIds = factory.WithDb(db => db.Users.Where(u => Judged.Judges.Contains(u.Email!)).Select(u => u.Id).ToList());
        using (var scope = factory.Services.CreateScope())
        {
            var setup = scope.ServiceProvider.GetRequiredService<JudgingSetup>();
            await setup.SetPanelAsync(round, judgeIds, default);
            await setup.ApplyAsync(round, seed: 7, default);
        }

        // One assignment of each of three entries.
        var pairs = factory.WithDb(db => db.Assignments.Where(a => a.RoundId == round).OrderBy(a => a.Id)
            .Select(a => new { a.EntryId, Code = db.Entries.Where(e => e.Id == a.EntryId).Select(e => e.Code).First(), Email = db.Users.Where(u => u.Id == a.JudgeUserId).Select(u => u.Email).First() })
            .ToList()).GroupBy(p => p.EntryId).Select(g => g.First()).Take(3).ToList();
        Assert.Equal(3, pairs.Count);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        (await organizer.SubmitAsync($"/organizer/essays/{pairs[2].Code}", $"/organizer/essays/{pairs[2].Code}/disqualify", new Dictionary<string, string> { ["reason"] = "与已发表文章雷同。" })).Dispose();

        var template = (await organizer.GetStringAsync($"/organizer/judging/{round}/import/template.csv")).TrimEnd();
        var criteria = template.Split(',').Length - 3;
        string Row(int i, string first, string comment) =>
            string.Join(",", [pairs[i].Code, pairs[i].Email!, first, .. Enumerable.Repeat("80", criteria - 1), comment]);
        var sheet = string.Join("\r\n", template, Row(0, "80.125", "认真"), Row(1, "80", new string('评', 2001)), Row(2, "80", string.Empty)) + "\r\n";

        using var refused = await organizer.UploadAsync($"/organizer/judging/{round}/import", $"/organizer/judging/{round}/import", "scores.csv", Encoding.UTF8.GetBytes(sheet));

        var page = System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("未导入任何评分", page, StringComparison.Ordinal);
        Assert.Matches("第 2 行：“[^”]+”的分数最多保留两位小数。", page);
        Assert.Contains("第 3 行：评语最多 2000 个字。", page, StringComparison.Ordinal);
        Assert.Contains($"第 4 行：作品 {pairs[2].Code} 已撤回或被取消资格，不再评审。", page, StringComparison.Ordinal);
        Assert.False(factory.WithDb(db => db.Scores.Any()));
    }
}
