using System.Net;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Features;

/// <summary>
/// The contest's schedule (the dates on the public contest page) drives the organizer's pages: the
/// publish form proposes the notice period it announces and says when publishing now departs from
/// it; rounds that run on past its judging date are pointed out on the judging, round and contest
/// settings pages; a new round proposes the judging date.
/// </summary>
public sealed class ScheduleDatesTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private const string Settings = "/organizer/contest";

    [Fact]
    public async Task ThePublishForm_ProposesTheAnnouncedNoticePeriod_AndSaysWhenPublishingNowIsEarly()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var schedule = Schedule();
        var fields = FormFields.Read(await organizer.GetStringAsync(Settings), "contest-settings");
        // The demo announces seven days; the organizer makes it ten.
        fields["NoticeEndsAt"] = ChinaTime.Input(schedule.NoticeStartsAt.AddDays(10));
        using (var saved = await organizer.SubmitAsync(Settings, Settings, fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var page = await organizer.GetStringAsync("/organizer/results/help-story");
        Assert.Contains("value=\"10\"", Between(page, "id=\"days\"", ">"), StringComparison.Ordinal);
        Assert.Contains("活动日程公布的公示期为", page, StringComparison.Ordinal);
        Assert.Contains(ChinaTime.Shown(schedule.NoticeStartsAt.AddDays(10)), page, StringComparison.Ordinal);
        // Today is weeks before the announced notice.
        Assert.Contains("data-testid=\"notice-early\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"notice-early\"", await organizer.GetStringAsync("/organizer/results/outstanding-organization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoundsClosingAfterTheJudgingDate_ArePointedOut_AndANewRoundProposesIt()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var schedule = Schedule();
        var (preliminary, final) = factory.WithDb(db =>
        {
            var rounds = db.Rounds.Where(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "help-story")).OrderBy(r => r.Sequence).Select(r => new { r.Id, r.ClosesAt }).ToList();
            return (rounds[0], rounds[1]);
        });

        // Judging closes two days after the last round: nothing to point out, and a new round proposes that date.
        var judgingCloses = final.ClosesAt.AddDays(2);
        await SaveJudgingDateAsync(organizer, judgingCloses, schedule.NoticeStartsAt);
        Assert.DoesNotContain("rounds-after-judging-closes", await organizer.GetStringAsync("/organizer/judging"), StringComparison.Ordinal);
        Assert.DoesNotContain("round-after-judging-closes", await organizer.GetStringAsync(Settings), StringComparison.Ordinal);
        var template = Between(await organizer.GetStringAsync("/organizer/contest/tracks/help-story"), "<template id=\"new-round\">", "</template>");
        Assert.Contains($"value=\"{ChinaTime.Input(judgingCloses)}\"", Between(template, "Rounds[__i__].ClosesAt", ">"), StringComparison.Ordinal);

        // Judging now closes between the preliminary and the final round.
        judgingCloses = preliminary.ClosesAt.AddDays(1);
        await SaveJudgingDateAsync(organizer, judgingCloses, schedule.NoticeStartsAt);
        var judging = await organizer.GetStringAsync("/organizer/judging");
        var warning = Between(judging, "data-testid=\"rounds-after-judging-closes\"", "</p>");
        Assert.Contains(ChinaTime.Shown(judgingCloses), warning, StringComparison.Ordinal);
        Assert.Contains("终评", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("初评", warning, StringComparison.Ordinal);

        Assert.Contains("本轮截止晚于活动日程写明的评审截止时间", await organizer.GetStringAsync($"/organizer/judging/{final.Id}"), StringComparison.Ordinal);
        var early = await organizer.GetStringAsync($"/organizer/judging/{preliminary.Id}");
        var said = Between(early, "data-testid=\"judging-closes\"", "</div>");
        Assert.Contains("活动日程写明评审于", said, StringComparison.Ordinal);
        Assert.Contains(ChinaTime.Shown(judgingCloses), said, StringComparison.Ordinal);
        Assert.DoesNotContain("本轮截止晚于", early, StringComparison.Ordinal);

        Assert.Contains("data-testid=\"round-after-judging-closes\"", await organizer.GetStringAsync(Settings), StringComparison.Ordinal);
        // No later round can close before a saved one: the new round proposes nothing.
        template = Between(await organizer.GetStringAsync("/organizer/contest/tracks/help-story"), "<template id=\"new-round\">", "</template>");
        Assert.DoesNotContain("value=", Between(template, "Rounds[__i__].ClosesAt", ">"), StringComparison.Ordinal);
    }

    private async Task SaveJudgingDateAsync(Browser organizer, DateTime judgingCloses, DateTime noticeStarts)
    {
        var fields = FormFields.Read(await organizer.GetStringAsync(Settings), "contest-settings");
        fields["JudgingClosesAt"] = ChinaTime.Input(judgingCloses);
        fields["NoticeStartsAt"] = ChinaTime.Input(noticeStarts > judgingCloses ? noticeStarts : judgingCloses.AddDays(1));
        if (Schedule().NoticeEndsAt <= judgingCloses.AddDays(1))
        {
            fields["NoticeEndsAt"] = ChinaTime.Input(judgingCloses.AddDays(8));
        }

        using var saved = await organizer.SubmitAsync(Settings, Settings, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(judgingCloses, Schedule().JudgingClosesAt);
    }

    private Core.Contests.ContestSchedule Schedule() => factory.WithDb(db => db.Contests.Single(c => c.IsCurrent).Schedule);

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' is not on the page");
        var to = text.IndexOf(end, from + start.Length, StringComparison.Ordinal);
        return text[from..(to < 0 ? text.Length : to)];
    }
}
