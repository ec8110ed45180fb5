using System.Net;
using Awards.Core.Common;
using Awards.Core.Scoring;
using Awards.Web.Features.Judging;
using Awards.Web.Features.Scoring;
using Awards.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Features.Judging;

/// <summary>
/// A judge's save that read the rubric just before an organizer changed it (allowed while no
/// score exists) is refused with a message, instead of being written against criteria that are no
/// longer the award's.
/// </summary>
public sealed class RubricRaceTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task AScoreCheckedAgainstTheOldRubric_IsRefusedAfterTheOrganizerChangesIt_AndASaveAgainstTheNewOneGoesThrough()
    {
        var round = factory.WithDb(db => db.Rounds.Single(r => r.Sequence == 1 && db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "help-story")).Id);
        var judgeIds = factory.WithDb(db => db.Users.Where(u => Judged.Judges.Contains(u.Email!)).Select(u => u.Id).ToList());
        using (var scope = factory.Services.CreateScope())
        {
            var setup = scope.ServiceProvider.GetRequiredService<JudgingSetup>();
            await setup.SetPanelAsync(round, judgeIds, default);
            await setup.ApplyAsync(round, seed: 11, default);
        }

        var work = factory.WithDb(db => db.Assignments.Where(a => a.RoundId == round).OrderBy(a => a.Id)
            .Select(a => new { a.JudgeUserId, Code = db.Entries.Where(e => e.Id == a.EntryId).Select(e => e.Code).First() }).First());

        // The judge's POST has read its target, with the rubric as it is now.
        using var judgeScope = factory.Services.CreateScope();
        var judgeWork = judgeScope.ServiceProvider.GetRequiredService<JudgeWork>();
        var stale = await judgeWork.TargetAsync(work.JudgeUserId, round, work.Code, default);
        Assert.NotNull(stale);
        var oldValues = stale.Criteria.ToDictionary(c => c.Id, c => (decimal?)c.MaxScore);

        // Meanwhile the organizer moves weight from one criterion to another: nobody has scored yet, so it is allowed.
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        const string page = "/organizer/contest/tracks/help-story";
        var fields = FormFields.Read(await organizer.GetStringAsync(page), "track-settings");
        fields["Criteria[0].Weight"] = (stale.Criteria[0].Weight + 0.05m).ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["Criteria[1].Weight"] = (stale.Criteria[1].Weight - 0.05m).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (var saved = await organizer.SubmitAsync(page, page, fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal(stale.Criteria[0].Weight + 0.05m, factory.WithDb(db => db.RubricCriteria.Single(c => c.Id == stale.Criteria[0].Id).Weight));

        // The judge's save lands after it: refused, nothing written, and the judge is told why.
        var refused = await Assert.ThrowsAsync<DomainException>(() => judgeWork.SaveAsync(stale, oldValues, null, submit: true, version: 0, default));
        Assert.Equal(ScoringMessages.RubricChanged, refused.Message);
        Assert.False(factory.WithDb(db => db.Scores.Any()));

        // Saved again from a page with the new rubric, the same scores go through, weighted the new way.
        using var again = factory.Services.CreateScope();
        var fresh = await again.ServiceProvider.GetRequiredService<JudgeWork>().SaveAsync(work.JudgeUserId, round, work.Code, oldValues, null, submit: true, version: 0, default);
        Assert.Equal(ScoreStatus.Submitted, fresh.Status);
        Assert.Equal(1, factory.WithDb(db => db.Scores.Count()));
    }
}
