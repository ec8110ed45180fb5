using System.Globalization;
using System.Net;
using Awards.Core.Entries;
using Awards.Core.Scoring;
using Awards.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Awards.Web.Tests.Infrastructure.Writing;

namespace Awards.Web.Tests.Security;

/// <summary>
/// Deadlines are enforced by the server's clock at their edges (SECURITY.md §2): one second
/// before, the change is made; one second after, it is refused with a message and nothing changes.
/// </summary>
public sealed class DeadlineTests(AwardsFactory factory) : IClassFixture<AwardsFactory>, IDisposable
{
    public void Dispose() => factory.Clock.Offset = TimeSpan.Zero;

    [Fact]
    public async Task AnEssay_IsSubmitted_OneSecondBeforeTheDeadline_AndRefused_OneSecondAfter()
    {
        var closes = factory.WithDb(db => db.Contests.Single(c => c.IsCurrent).Schedule.SubmissionClosesAt);
        var early = await NewAuthorAsync(factory, "edge.early@example.org");
        var late = await NewAuthorAsync(factory, "edge.late@example.org");
        var onTime = await CreateDraftAsync(early, "journey");
        var tooLate = await CreateDraftAsync(late, "journey", Essay(title: "截止前的标题"));
        var token = await late.TokenFromAsync($"/essays/{tooLate}");

        factory.Clock.Stop(closes.AddSeconds(-1));
        using (var submitted = await SubmitAsync(early, onTime))
        {
            Assert.Equal($"/essays/{onTime}/receipt", submitted.Headers.Location?.OriginalString);
        }

        factory.Clock.Set(closes.AddSeconds(1));
        (await SubmitAsync(late, tooLate)).Dispose();
        Assert.Contains("报送已截止，作品不能再更改。", await late.GetStringAsync($"/essays/{tooLate}"), StringComparison.Ordinal);
        using var edited = await late.Client.PostAsync($"/essays/{tooLate}/edit", new FormUrlEncodedContent(new Dictionary<string, string>(Essay(title: "截止后的标题")) { ["__RequestVerificationToken"] = token }));
        var refused = await edited.Content.ReadAsStringAsync();
        Assert.Contains("报送已截止", refused, StringComparison.Ordinal);

        // The typed text stays, with what to do with it, and no save button that could only be refused again.
        Assert.Contains("value=\"截止后的标题\"", refused, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"closed-notice\"", refused, StringComparison.Ordinal);
        Assert.DoesNotContain(">保存修改</button>", refused, StringComparison.Ordinal);

        var entries = factory.WithDb(db => db.Entries.Where(e => e.Code == onTime || e.Code == tooLate).ToDictionary(e => e.Code));
        Assert.Equal(EntryStatus.Submitted, entries[onTime].Status);
        Assert.Equal((EntryStatus.Draft, "截止前的标题"), (entries[tooLate].Status, entries[tooLate].Title));
    }

    [Fact]
    public async Task AScore_IsSaved_OneSecondBeforeTheRoundCloses_AndRefused_OneSecondAfter()
    {
        var (round, closes, code, criteria) = factory.WithDb(db =>
        {
            var track = db.Tracks.Include(t => t.Rounds).Include(t => t.Criteria).Single(t => t.Code == "help-story");
            var first = track.Rounds.OrderBy(r => r.Sequence).First();
            var entry = db.Entries.First(e => e.TrackId == track.Id && e.Status == EntryStatus.Submitted);
            db.Assignments.Add(new JudgeAssignment(first.Id, entry.Id, db.Users.Single(u => u.Email == "judge.qian@demo.example").Id, DateTime.UtcNow));
            db.SaveChanges();
            return (first.Id, first.ClosesAt, entry.Code, track.Criteria.Select(c => c.Id).ToList());
        });
        var judge = await Nominating.SignedInAsync(factory, "judge.qian@demo.example");
        var page = $"/judge/rounds/{round}/{code}";
        Dictionary<string, string> Scores(string value, int version) => new(criteria.ToDictionary(c => $"c{c}", _ => value)) { ["version"] = version.ToString(CultureInfo.InvariantCulture), ["action"] = "draft", ["comment"] = value };

        factory.Clock.Stop(closes.AddSeconds(-1));
        (await judge.SubmitAsync(page, page, Scores("70", 0))).Dispose();
        Assert.Equal(ScoreStatus.Draft, StatusOf(code, round));

        factory.Clock.Set(closes.AddSeconds(1));
        var token = await judge.TokenFromAsync("/");
        using var refused = await judge.Client.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>(Scores("95", 1)) { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("本轮评审已结束", await judge.GetStringAsync(page), StringComparison.Ordinal);
        Assert.Equal("70", factory.WithDb(db => db.Assignments.Where(a => a.RoundId == round && db.Entries.Any(e => e.Id == a.EntryId && e.Code == code)).Select(a => a.Score!.Comment).Single()));
    }

    [Fact]
    public async Task AnObjection_IsTaken_OneSecondBeforeTheNoticeEnds_AndRefused_OneSecondAfter_WhenFinalizingOpens()
    {
        Judged.Score(factory, "journey", [90, 90, 90], [80, 80, 80]);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        const string Page = "/organizer/results/journey";
        var round = factory.WithDb(db => db.Rounds.Where(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "journey")).OrderBy(r => r.Sequence).First().Id);
        (await organizer.SubmitAsync(Page, Page + "/settings", new Dictionary<string, string> { ["method"] = "RawMean", ["minimum"] = "", ["round"] = round.ToString(CultureInfo.InvariantCulture), ["quota1"] = "1", ["quota2"] = "1", ["quota3"] = "0", ["quota4"] = "0", ["levels"] = Judged.LevelsStamp(factory, "journey") })).Dispose();
        await Judged.CloseFirstRoundAsync(factory, organizer, "journey");
        (await organizer.SubmitAsync(Page, Page + "/publish", new Dictionary<string, string> { ["days"] = "7" })).Dispose();
        var ends = factory.WithDb(db => db.TrackResults.Single(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "journey")).NoticeEndsAt!.Value);
        var visitor = new Browser(factory);
        Dictionary<string, string> Objection(string name) => new() { ["Track"] = "journey", ["Entry"] = "", ["Name"] = name, ["Contact"] = "0791-5550199", ["Text"] = "我认为该获奖作品与事实不符，请核实。" };

        factory.Clock.Stop(ends.AddSeconds(-1));
        var during = await visitor.GetStringAsync("/notice");
        Assert.Contains("data-testid=\"objection-form\"", during, StringComparison.Ordinal);
        Assert.DoesNotContain("objections-closed", during, StringComparison.Ordinal);
        using (var taken = await visitor.SubmitAsync("/notice", "/notice/objections", Objection("赶在截止前")))
        {
            Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        }

        (await organizer.PostAsync(Page, Page + "/finalize")).Dispose();
        Assert.Equal(Core.Results.ResultStage.Notice, Stage());

        factory.Clock.Set(ends.AddSeconds(1));

        // The page no longer offers a form that would only be refused, and says why.
        var after = await visitor.GetStringAsync("/notice");
        Assert.DoesNotContain("data-testid=\"objection-form\"", after, StringComparison.Ordinal);
        Assert.Contains("各奖项公示期均已结束，不再受理异议。", after, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"objections-closed-journey\"", after, StringComparison.Ordinal);
        using var late = await visitor.SubmitAsync("/notice", "/notice/objections", Objection("截止之后"));
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("只能在公示期间对结果提出异议。", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["赶在截止前"], factory.WithDb(db => db.Objections.Select(o => o.Name).ToList()));
    }

    private Core.Results.ResultStage Stage() =>
        factory.WithDb(db => db.TrackResults.Single(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "journey")).Stage);

    private ScoreStatus? StatusOf(string code, int round) =>
        factory.WithDb(db => db.Assignments.Where(a => a.RoundId == round && db.Entries.Any(e => e.Id == a.EntryId && e.Code == code)).Select(a => a.Score == null ? (ScoreStatus?)null : a.Score.Status).Single());
}
