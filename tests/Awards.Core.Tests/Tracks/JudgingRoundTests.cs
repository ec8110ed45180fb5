using Awards.Core.Common;
using Awards.Core.Tracks;

namespace Awards.Core.Tests.Tracks;

public class JudgingRoundTests
{
    private static readonly DateTime ClosesAt = new(2026, 10, 10, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void IsClosedAt_BeforeClosesAt_IsFalse()
    {
        Assert.False(NewRound().IsClosedAt(ClosesAt.AddSeconds(-1)));
    }

    [Fact]
    public void IsClosedAt_AtClosesAt_IsTrue()
    {
        Assert.True(NewRound().IsClosedAt(ClosesAt));
    }

    [Fact]
    public void Close_Early_ClosesTheRoundBeforeClosesAt()
    {
        var round = NewRound();
        var now = ClosesAt.AddDays(-2);

        round.Close(now);

        Assert.Equal(now, round.ClosedAt);
        Assert.True(round.IsClosedAt(now));
    }

    [Fact]
    public void Reschedule_AnOpenRound_MovesItsClosingTime_EitherWay()
    {
        var round = NewRound();
        var now = ClosesAt.AddDays(-1);

        round.Reschedule(ClosesAt.AddDays(7), now);
        Assert.False(round.IsClosedAt(ClosesAt.AddDays(6)));

        round.Reschedule(now.AddHours(1), now);
        Assert.True(round.IsClosedAt(now.AddHours(1)));
    }

    [Fact]
    public void Reschedule_ToAPastTime_OrAClosedRound_Throws_AndChangesNothing()
    {
        var round = NewRound();
        var now = ClosesAt.AddDays(-1);

        Assert.Throws<DomainException>(() => round.Reschedule(now, now));
        Assert.Throws<DomainException>(() => round.Reschedule(ClosesAt.AddDays(7), ClosesAt));
        Assert.Equal(ClosesAt, round.ClosesAt);

        round.Close(now);
        Assert.Throws<DomainException>(() => round.Reschedule(ClosesAt.AddDays(7), now));
        Assert.Equal(ClosesAt, round.ClosesAt);
    }

    [Fact]
    public void Close_Twice_Throws()
    {
        var round = NewRound();
        var now = ClosesAt.AddDays(-2);
        round.Close(now);

        Assert.Throws<DomainException>(() => round.Close(now.AddMinutes(1)));
        Assert.Equal(now, round.ClosedAt);
    }

    [Fact]
    public void Close_AfterClosesAt_Throws()
    {
        Assert.Throws<DomainException>(() => NewRound().Close(ClosesAt));
    }

    [Fact]
    public void Constructor_RejectsSequenceZero()
    {
        Assert.Throws<DomainException>(() => new JudgingRound(0, RoundKind.Preliminary, BilingualText.Empty, 3, ClosesAt));
    }

    [Fact]
    public void Constructor_RejectsZeroJudgesPerEntry()
    {
        Assert.Throws<DomainException>(() => new JudgingRound(1, RoundKind.Preliminary, BilingualText.Empty, 0, ClosesAt));
    }

    private static JudgingRound NewRound() =>
        new(1, RoundKind.Preliminary, new BilingualText("初评", "Preliminary"), 3, ClosesAt);
}
