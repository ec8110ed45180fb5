using System.Globalization;
using System.Net;
using Awards.Core.Entries;
using Awards.Core.Scoring;
using Awards.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Tests.Features.Judging;

/// <summary>
/// The organizer gives late judges more time by moving an open round's closing time: the server
/// then takes scores until the new time; a time already past, a closed round or a mistyped time
/// is refused with a message and changes nothing.
/// </summary>
public sealed class RoundClosingTimeTests(AwardsFactory factory) : IClassFixture<AwardsFactory>, IDisposable
{
    public void Dispose() => factory.Clock.Offset = TimeSpan.Zero;

    [Fact]
    public async Task MovingTheClosingTimeOn_LetsAJudgeScoreAfterTheOldOne_AndIsAudited()
    {
        var (round, closes, code, criteria) = Assign("help-story", "judge.qian@demo.example");
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var judge = await Nominating.SignedInAsync(factory, "judge.qian@demo.example");
        var roundPage = $"/organizer/judging/{round}";
        var later = closes.AddDays(7);

        using (var moved = await organizer.SubmitAsync(roundPage, $"{roundPage}/closes-at", new Dictionary<string, string> { ["closesAt"] = ChinaTime.Input(later) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        Assert.Contains("评委现在可以评分至", await organizer.GetStringAsync(roundPage), StringComparison.Ordinal);
        Assert.Equal(later, ClosesAt(round));
        Assert.Contains(ChinaTime.Shown(later), await judge.GetStringAsync($"/judge/rounds/{round}"), StringComparison.Ordinal);

        // A day after the old closing time the judge's score is saved.
        factory.Clock.Set(closes.AddDays(1));
        var page = $"/judge/rounds/{round}/{code}";
        (await judge.SubmitAsync(page, page, Scores(criteria, "75"))).Dispose();
        Assert.Equal(ScoreStatus.Draft, factory.WithDb(db => db.Assignments.Where(a => a.RoundId == round && db.Entries.Any(e => e.Id == a.EntryId && e.Code == code)).Select(a => a.Score!.Status).Single()));

        var audit = factory.WithDb(db => db.AuditLog.Single(a => a.Action == "Round rescheduled" && a.EntityKey == round.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(Utc(closes), audit.Before);
        Assert.Equal(Utc(later), audit.After);
    }

    [Fact]
    public async Task APastTime_AMistypedTime_OrAClosedRound_AreRefusedWithAMessage_AndChangeNothing()
    {
        var (round, closes, _, _) = Assign("journey", "judge.lin@demo.example");
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var roundPage = $"/organizer/judging/{round}";

        async Task<string> MoveAsync(string value)
        {
            (await organizer.SubmitAsync(roundPage, $"{roundPage}/closes-at", new Dictionary<string, string> { ["closesAt"] = value })).Dispose();
            return await organizer.GetStringAsync(roundPage);
        }

        Assert.Contains("评审截止时间须晚于当前时间", await MoveAsync(ChinaTime.Input(DateTime.UtcNow.AddHours(-1))), StringComparison.Ordinal);
        Assert.Contains("“下周五”不是有效的日期时间", await MoveAsync("下周五"), StringComparison.Ordinal);

        // Not past the final round, whose entries come from this round's shortlist.
        var final = factory.WithDb(db => db.Rounds.Where(r => r.TrackId == db.Rounds.Single(x => x.Id == round).TrackId && r.Sequence == 2).Select(r => r.ClosesAt).Single());
        Assert.Contains("各轮评审须依次截止", await MoveAsync(ChinaTime.Input(final.AddDays(1))), StringComparison.Ordinal);
        Assert.Equal(closes, ClosesAt(round));

        (await organizer.PostAsync(roundPage, $"{roundPage}/close")).Dispose();
        var closed = await organizer.GetStringAsync(roundPage);
        Assert.DoesNotContain("data-testid=\"closes-at-form\"", closed, StringComparison.Ordinal);

        // A form still open in another tab.
        var token = await organizer.TokenFromAsync("/");
        using var stale = await organizer.Client.PostAsync($"{roundPage}/closes-at", new FormUrlEncodedContent(new Dictionary<string, string> { ["closesAt"] = ChinaTime.Input(closes.AddDays(7)), ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Contains("本轮评审已结束。", await organizer.GetStringAsync(roundPage), StringComparison.Ordinal);
        Assert.Equal(closes, ClosesAt(round));
        Assert.False(factory.WithDb(db => db.AuditLog.Any(a => a.Action == "Round rescheduled" && a.EntityKey == round.ToString(CultureInfo.InvariantCulture))));
    }

    // The track's first round, with one submitted entry assigned to the judge.
    private (int Round, DateTime ClosesAt, string Code, List<int> Criteria) Assign(string track, string judge) => factory.WithDb(db =>
    {
        var t = db.Tracks.Include(x => x.Rounds).Include(x => x.Criteria).Single(x => x.Code == track);
        var first = t.Rounds.OrderBy(r => r.Sequence).First();
        var entry = db.Entries.First(e => e.TrackId == t.Id && e.Status == EntryStatus.Submitted);
        db.Assignments.Add(new JudgeAssignment(first.Id, entry.Id, db.Users.Single(u => u.Email == judge).Id, DateTime.UtcNow));
        db.SaveChanges();
        return (first.Id, first.ClosesAt, entry.Code, t.Criteria.Select(c => c.Id).ToList());
    });

    private DateTime ClosesAt(int round) => factory.WithDb(db => db.Rounds.Single(r => r.Id == round).ClosesAt);

    private static Dictionary<string, string> Scores(List<int> criteria, string value) =>
        new(criteria.ToDictionary(c => $"c{c}", _ => value)) { ["version"] = "0", ["action"] = "draft", ["comment"] = "" };

    private static string Utc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);
}
