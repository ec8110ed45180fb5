using System.Globalization;
using Awards.Core.Common;
using Awards.Core.Contests;

namespace Awards.Core.Tests.Contests;

public class ContestScheduleTests
{
    private static readonly ContestSchedule Schedule = TestSchedule.Create();

    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData("2026-08-31T23:59:59", ContestPhase.NotYetOpen)]
    [InlineData("2026-09-01T00:00:00", ContestPhase.Submission)]
    [InlineData("2026-09-15T12:00:00", ContestPhase.Submission)]
    [InlineData("2026-09-30T23:59:59", ContestPhase.Submission)]
    [InlineData("2026-10-01T00:00:00", ContestPhase.Judging)]
    [InlineData("2026-10-09T23:59:59", ContestPhase.Judging)]
    [InlineData("2026-10-10T00:00:00", ContestPhase.Ranking)]
    [InlineData("2026-10-11T23:59:59", ContestPhase.Ranking)]
    [InlineData("2026-10-12T00:00:00", ContestPhase.Notice)]
    [InlineData("2026-10-16T23:59:59", ContestPhase.Notice)]
    [InlineData("2026-10-17T00:00:00", ContestPhase.Final)]
    [InlineData("2027-01-01T00:00:00", ContestPhase.Final)]
    public void PhaseAt_ReturnsThePhaseForTheMoment(string utc, ContestPhase expected)
    {
        Assert.Equal(expected, Schedule.PhaseAt(ParseUtc(utc)));
    }

    [Fact]
    public void PhaseAt_OneSecondBeforeTheDeadline_IsSubmission()
    {
        Assert.Equal(ContestPhase.Submission, Schedule.PhaseAt(TestSchedule.ClosesAt - OneSecond));
    }

    [Fact]
    public void PhaseAt_TheDeadline_IsJudging()
    {
        Assert.Equal(ContestPhase.Judging, Schedule.PhaseAt(TestSchedule.ClosesAt));
    }

    [Fact]
    public void AcceptsSubmissions_IsTrueOneSecondBeforeTheDeadline()
    {
        Assert.True(Schedule.AcceptsSubmissions(TestSchedule.ClosesAt - OneSecond));
    }

    [Fact]
    public void AcceptsSubmissions_IsFalseAtTheDeadline()
    {
        Assert.False(Schedule.AcceptsSubmissions(TestSchedule.ClosesAt));
    }

    [Fact]
    public void AcceptsSubmissions_IsFalseAfterTheDeadline()
    {
        Assert.False(Schedule.AcceptsSubmissions(TestSchedule.ClosesAt + OneSecond));
    }

    [Fact]
    public void AcceptsSubmissions_IsFalseBeforeOpening()
    {
        Assert.False(Schedule.AcceptsSubmissions(TestSchedule.OpensAt - OneSecond));
    }

    [Fact]
    public void AcceptsSubmissions_IsTrueAtOpening()
    {
        Assert.True(Schedule.AcceptsSubmissions(TestSchedule.OpensAt));
    }

    [Fact]
    public void Validated_ReturnsTheScheduleWhenTheDatesAreInOrder()
    {
        Assert.Same(Schedule, Schedule.Validated());
        Assert.Null(Schedule.FirstOutOfOrder());
    }

    [Fact]
    public void Validated_AcceptsTwoPhasesOnTheSameDay()
    {
        var schedule = Schedule with { NoticeStartsAt = TestSchedule.JudgingClosesAt };

        Assert.Same(schedule, schedule.Validated());
    }

    [Fact]
    public void Validated_ThrowsWhenSubmissionClosesBeforeItOpens()
    {
        var schedule = Schedule with { SubmissionClosesAt = TestSchedule.OpensAt - OneSecond };

        Assert.Throws<DomainException>(schedule.Validated);
        Assert.Equal(1, schedule.FirstOutOfOrder());
    }

    [Fact]
    public void Validated_ThrowsWhenJudgingClosesBeforeSubmissionCloses()
    {
        var schedule = Schedule with { JudgingClosesAt = TestSchedule.ClosesAt - OneSecond };

        Assert.Throws<DomainException>(schedule.Validated);
        Assert.Equal(2, schedule.FirstOutOfOrder());
    }

    [Fact]
    public void Validated_ThrowsWhenTheNoticeEndsBeforeItStarts()
    {
        var schedule = Schedule with { NoticeEndsAt = TestSchedule.NoticeStartsAt - OneSecond };

        Assert.Throws<DomainException>(schedule.Validated);
        Assert.Equal(4, schedule.FirstOutOfOrder());
    }

    [Fact]
    public void NextDeadline_BeforeOpening_IsTheOpening()
    {
        var next = Schedule.NextDeadline(TestSchedule.OpensAt - OneSecond);

        Assert.NotNull(next);
        Assert.Equal(TestSchedule.OpensAt, next.Value.At);
    }

    [Fact]
    public void NextDeadline_DuringSubmission_IsTheSubmissionDeadline()
    {
        var next = Schedule.NextDeadline(TestSchedule.DuringSubmission);

        Assert.NotNull(next);
        Assert.Equal(TestSchedule.ClosesAt, next.Value.At);
        Assert.Equal("Submissions close", next.Value.Label);
    }

    [Fact]
    public void NextDeadline_DuringJudging_IsTheEndOfJudging()
    {
        var next = Schedule.NextDeadline(TestSchedule.ClosesAt);

        Assert.NotNull(next);
        Assert.Equal(TestSchedule.JudgingClosesAt, next.Value.At);
    }

    [Fact]
    public void NextDeadline_DuringTheNotice_IsTheEndOfTheNotice()
    {
        var next = Schedule.NextDeadline(TestSchedule.NoticeStartsAt);

        Assert.NotNull(next);
        Assert.Equal(TestSchedule.NoticeEndsAt, next.Value.At);
    }

    [Fact]
    public void NextDeadline_WhenFinal_IsNull()
    {
        Assert.Null(Schedule.NextDeadline(TestSchedule.NoticeEndsAt));
    }

    [Fact]
    public void NoticeDays_IsTheAnnouncedPeriodInWholeDays()
    {
        // The test schedule announces the notice from 12 to 17 October.
        Assert.Equal(5, Schedule.NoticeDays(1, 30));
        var longer = Schedule with { NoticeEndsAt = TestSchedule.NoticeStartsAt.AddDays(7).AddHours(9) };
        Assert.Equal(7, longer.NoticeDays(1, 30));
        Assert.Equal(8, (Schedule with { NoticeEndsAt = TestSchedule.NoticeStartsAt.AddDays(7).AddHours(12) }).NoticeDays(1, 30));
    }

    [Fact]
    public void NoticeDays_OutsideTheAllowedPeriod_IsNull()
    {
        Assert.Null(Schedule.NoticeDays(6, 30));
        Assert.Null((Schedule with { NoticeEndsAt = TestSchedule.NoticeStartsAt.AddHours(6) }).NoticeDays(1, 30));
        Assert.Null((Schedule with { NoticeEndsAt = TestSchedule.NoticeStartsAt.AddDays(45) }).NoticeDays(1, 30));
    }

    private static DateTime ParseUtc(string value) =>
        DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
