using Awards.Core.Common;
using Awards.Core.Contests;
using Awards.Core.Tracks;

namespace Awards.Core.Tests.Contests;

public class ContestEditionTests
{
    private static readonly BilingualText EditionName = new("2026年扶贫日", "2026 Poverty Alleviation Day");

    [Fact]
    public void Constructor_RejectsAScheduleOutOfOrder()
    {
        var schedule = TestSchedule.Create() with { SubmissionClosesAt = TestSchedule.NoticeEndsAt };

        Assert.Throws<DomainException>(() => new ContestEdition(2026, EditionName, schedule));
    }

    [Fact]
    public void Reschedule_RejectsAScheduleOutOfOrderAndKeepsTheOldOne()
    {
        var original = TestSchedule.Create();
        var edition = new ContestEdition(2026, EditionName, original);
        var broken = original with { JudgingClosesAt = TestSchedule.OpensAt };

        Assert.Throws<DomainException>(() => edition.Reschedule(broken));
        Assert.Equal(original, edition.Schedule);
    }

    [Fact]
    public void AddTrack_RejectsADuplicateCode()
    {
        var edition = new ContestEdition(2026, EditionName, TestSchedule.Create());
        edition.AddTrack(new Track("help-story", new BilingualText("征文", "Essay"), TrackKind.Essay, Entrant.Individual));

        var duplicate = new Track("help-story", new BilingualText("另一个", "Another"), TrackKind.Essay, Entrant.Individual);

        Assert.Throws<DomainException>(() => edition.AddTrack(duplicate));
        Assert.Single(edition.Tracks);
    }
}
