using Awards.Web.Features.Judging;
using Awards.Web.Features.Scoring;
using Awards.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Features.Judging;

/// <summary>
/// Assigning again after the panel changed: a judge taken off the panel loses the entries they
/// have not scored, which go to the others, and keeps the one they scored, with its score.
/// </summary>
public sealed class ReassignTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private static readonly List<string> Panel = ["judge.huang@demo.example", "judge.lin@demo.example", "judge.gao@demo.example", "judge.zheng@demo.example", "judge.qian@demo.example"];

    [Fact]
    public async Task AJudgeOffThePanel_LosesTheUnscoredEntries_AndKeepsTheScoredOne()
    {
        var round = factory.WithDb(db => db.Rounds.Single(r => r.Sequence == 1 && db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "help-story")).Id);
        var judgeIds = factory.WithDb(db => db.Users.Where(u => Panel.Contains(u.Email!)).OrderBy(u => u.Id).Select(u => u.Id).ToList());
        await InScopeAsync(async s =>
        {
            var setup = s.GetRequiredService<JudgingSetup>();
            await setup.SetPanelAsync(round, judgeIds, default);
            await setup.ApplyAsync(round, seed: 3, default);
        });

        // The judge with the most entries scores one of them, then leaves the panel.
        var leaving = factory.WithDb(db => db.Assignments.Where(a => a.RoundId == round).GroupBy(a => a.JudgeUserId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).First());
        var theirs = factory.WithDb(db => db.Assignments.Where(a => a.RoundId == round && a.JudgeUserId == leaving).Select(a => db.Entries.Where(e => e.Id == a.EntryId).Select(e => e.Code).First()).ToList());
        Assert.True(theirs.Count > 1, $"the judge has {theirs.Count} entries");
        var criteria = factory.WithDb(db => db.RubricCriteria.Where(c => db.Tracks.Any(t => t.Id == c.TrackId && t.Code == "help-story")).ToList());
        await InScopeAsync(s => s.GetRequiredService<JudgeWork>().SaveAsync(leaving, round, theirs[0], criteria.ToDictionary(c => c.Id, _ => (decimal?)70m), null, submit: true, version: 0, default));
        var entries = factory.WithDb(db => db.Assignments.Where(a => a.RoundId == round).Select(a => a.EntryId).Distinct().Count());

        AssignmentPlanSummary plan = default;
        await InScopeAsync(async s =>
        {
            var setup = s.GetRequiredService<JudgingSetup>();
            await setup.SetPanelAsync(round, [.. judgeIds.Where(id => id != leaving)], default);
            var applied = await setup.ApplyAsync(round, seed: 3, default);
            plan = new(applied.Added.Count, applied.Removed.Count);
        });

        var after = factory.WithDb(db => db.Assignments.AsNoTracking().Where(a => a.RoundId == round)
            .Select(a => new { a.EntryId, a.JudgeUserId, Code = db.Entries.Where(e => e.Id == a.EntryId).Select(e => e.Code).First(), Total = a.Score == null ? null : a.Score.Total })
            .ToList());
        Assert.Equal(theirs.Count - 1, plan.Removed);
        Assert.Equal(theirs.Count - 1, plan.Added);
        var kept = Assert.Single(after, a => a.JudgeUserId == leaving);
        Assert.Equal((theirs[0], (decimal?)70m), (kept.Code, kept.Total));
        Assert.Equal(entries, after.Select(a => a.EntryId).Distinct().Count());
        Assert.All(after.GroupBy(a => a.EntryId), g => Assert.Equal(3, g.Select(a => a.JudgeUserId).Distinct().Count()));
        Assert.All(theirs.Skip(1), code => Assert.DoesNotContain(after, a => a.Code == code && a.JudgeUserId == leaving));
    }

    private async Task InScopeAsync(Func<IServiceProvider, Task> action)
    {
        using var scope = factory.Services.CreateScope();
        await action(scope.ServiceProvider);
    }

    private record struct AssignmentPlanSummary(int Added, int Removed);
}
