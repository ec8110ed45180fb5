using System.Net;
using System.Text;
using Awards.Core.Common;
using Awards.Web.Features.Judging;
using Awards.Web.Features.Scoring;
using Awards.Web.Infrastructure;
using Awards.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Features.Judging;

/// <summary>
/// A score that was on its way when an organizer closed the round (a judge's save that had read
/// the round open, a sheet being read) is refused with a message, not written into a round whose
/// scores the page calls final.
/// </summary>
public sealed class RoundCloseRaceTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task AJudgesSaveAndASheetThatReadTheRoundOpen_AreRefusedOnceTheOrganizerHasClosedIt()
    {
        var round = factory.WithDb(db => db.Rounds.Single(r => r.Sequence == 1 && db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "help-story")).Id);
        var judgeIds = factory.WithDb(db => db.Users.Where(u => Judged.Judges.Contains(u.Email!)).Select(u => u.Id).ToList());
        using (var scope = factory.Services.CreateScope())
        {
            var setup = scope.ServiceProvider.GetRequiredService<JudgingSetup>();
            await setup.SetPanelAsync(round, judgeIds, default);
            await setup.ApplyAsync(round, seed: 5, default);
        }

        var work = factory.WithDb(db => db.Assignments.Where(a => a.RoundId == round).OrderBy(a => a.Id).Take(2)
            .Select(a => new { a.JudgeUserId, Code = db.Entries.Where(e => e.Id == a.EntryId).Select(e => e.Code).First(), Email = db.Users.Where(u => u.Id == a.JudgeUserId).Select(u => u.Email).First() })
            .ToList());

        // A judge's POST has read its target with the round open; the organizer's sheet import has read the round too.
        using var judgeScope = factory.Services.CreateScope();
        var judgeWork = judgeScope.ServiceProvider.GetRequiredService<JudgeWork>();
        var target = await judgeWork.TargetAsync(work[0].JudgeUserId, round, work[0].Code, default);
        Assert.NotNull(target);
        var values = target.Criteria.ToDictionary(c => c.Id, c => (decimal?)c.MaxScore);
        using var importScope = factory.Services.CreateScope();
        var (track, openRound) = (await importScope.ServiceProvider.GetRequiredService<SiteContext>().RoundAsync(round))!.Value;
        var sheet = string.Join(",", ["作品编号", "评委邮箱", .. track.Criteria.OrderBy(c => c.Order).Select(c => c.Name.Zh)])
            + "\r\n" + string.Join(",", [work[1].Code, work[1].Email!, .. track.Criteria.OrderBy(c => c.Order).Select(c => "80")]) + "\r\n";

        // Meanwhile another organizer closes the round.
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        using (var closed = await organizer.PostAsync($"/organizer/judging/{round}", $"/organizer/judging/{round}/close"))
        {
            Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        }

        Assert.NotNull(factory.WithDb(db => db.Rounds.Single(r => r.Id == round).ClosedAt));

        // Both land after the close: refused, with the message the judge and the organizer read, and nothing written.
        var refused = await Assert.ThrowsAsync<DomainException>(() => judgeWork.SaveAsync(target, values, null, submit: true, version: 0, default));
        Assert.Equal("This round is already closed.", refused.Message);
        var import = importScope.ServiceProvider.GetRequiredService<ScoreImport>();
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(sheet));
        var notImported = await Assert.ThrowsAsync<DomainException>(() => import.ImportAsync(track, openRound, content, "scores.csv", default));
        Assert.Equal("This round is already closed.", notImported.Message);
        Assert.False(factory.WithDb(db => db.Scores.Any()));
        Assert.Equal(0, factory.WithDb(db => db.AuditLog.Count(a => a.Action == "Score imported" || a.Action == "Score submitted")));
    }
}
