using System.Text;
using Awards.Core.Scoring;
using Awards.Web.Features.Judging;
using Awards.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Features.Judging;

/// <summary>Importing scores given on paper: all rows or none, with each bad row named.</summary>
public sealed class ScoreImportTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private static readonly List<string> Panel = ["judge.huang@demo.example", "judge.lin@demo.example", "judge.gao@demo.example", "judge.zheng@demo.example", "judge.qian@demo.example"];

    [Fact]
    public async Task AGoodSheet_IsImported_AndABadRow_ImportsNothing()
    {
        var round = factory.WithDb(db => db.Rounds.Single(r => r.Sequence == 1 && db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "journey")).Id);
        var judgeIds = factory.WithDb(db => db.Users.Where(u => Panel.Contains(u.Email!)).Select(u => u.Id).ToList());
        using (var scope = factory.Services.CreateScope())
        {
            var setup = scope.ServiceProvider.GetRequiredService<JudgingSetup>();
            await setup.SetPanelAsync(round, judgeIds, default);
            await setup.ApplyAsync(round, seed: 3, default);
        }

        var pairs = factory.WithDb(db => db.Assignments.Where(a => a.RoundId == round).OrderBy(a => a.Id).Take(2)
            .Select(a => new { a.Id, Code = db.Entries.Where(e => e.Id == a.EntryId).Select(e => e.Code).First(), Email = db.Users.Where(u => u.Id == a.JudgeUserId).Select(u => u.Email).First() })
            .ToList());
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var template = await organizer.GetStringAsync($"/organizer/judging/{round}/import/template.csv");
        Assert.Contains("思想内容", template, StringComparison.Ordinal);

        // One good row and one for a judge who is not assigned: nothing may be imported.
        var bad = string.Concat(template.TrimEnd(), "\r\n", pairs[0].Code, ",", pairs[0].Email, ",80,85,90,75,认真\r\n", pairs[1].Code, ",nobody@example.org,80,85,90,75,\r\n");
        using var refused = await organizer.UploadAsync($"/organizer/judging/{round}/import", $"/organizer/judging/{round}/import", "scores.csv", Encoding.UTF8.GetBytes(bad));
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("未导入任何评分", page, StringComparison.Ordinal);
        Assert.Contains("nobody@example.org", page, StringComparison.Ordinal);
        Assert.Equal(0, factory.WithDb(db => db.Scores.Count(s => s.Assignment.RoundId == round)));

        var good = string.Concat(template.TrimEnd(), "\r\n", pairs[0].Code, ",", pairs[0].Email, ",80,85,90,75,认真\r\n", pairs[1].Code.ToLowerInvariant(), ",", pairs[1].Email!.ToUpperInvariant(), ",60,60,60,60,\r\n");
        using var imported = await organizer.UploadAsync($"/organizer/judging/{round}/import", $"/organizer/judging/{round}/import", "scores.csv", Encoding.UTF8.GetBytes(good));
        Assert.Equal($"/organizer/judging/{round}", imported.Headers.Location?.OriginalString);
        var scores = factory.WithDb(db => db.Scores.Where(s => s.Assignment.RoundId == round).ToList());
        Assert.Equal(2, scores.Count);
        Assert.All(scores, s => Assert.Equal(ScoreStatus.Submitted, s.Status));
        // Each row lands on its own judge's assignment, the second row's 60s on the second pair.
        Assert.Equal(60m, scores.Single(s => s.AssignmentId == pairs[1].Id).Total);
        Assert.NotEqual(60m, scores.Single(s => s.AssignmentId == pairs[0].Id).Total);
        Assert.Equal(2, factory.WithDb(db => db.AuditLog.Count(a => a.Action == "Score imported")));

        // A corrected sheet imported again changes the scores already there.
        var again = string.Concat(template.TrimEnd(), "\r\n", pairs[1].Code, ",", pairs[1].Email, ",70,70,70,70,复核\r\n");
        using var reimported = await organizer.UploadAsync($"/organizer/judging/{round}/import", $"/organizer/judging/{round}/import", "scores.csv", Encoding.UTF8.GetBytes(again));
        Assert.Equal($"/organizer/judging/{round}", reimported.Headers.Location?.OriginalString);
        var corrected = factory.WithDb(db => db.Scores.Single(s => s.AssignmentId == pairs[1].Id));
        Assert.Equal(70m, corrected.Total);
        Assert.Equal("复核", corrected.Comment);
        Assert.True(corrected.Version > scores.Single(s => s.AssignmentId == pairs[1].Id).Version, "the import bumps the score's version, so an open scoring page cannot overwrite it");
        Assert.Equal(2, factory.WithDb(db => db.Scores.Count(s => s.Assignment.RoundId == round)));
        Assert.Equal(3, factory.WithDb(db => db.AuditLog.Count(a => a.Action == "Score imported")));
    }
}
