using Awards.Core.Common;
using Awards.Core.Contests;
using Awards.Core.Entries;
using Awards.Core.Tracks;

namespace Awards.Core.Tests.Entries;

/// <summary>
/// A return after the deadline can carry a date of its own until which that one entry may be
/// corrected and submitted again; a return or a disqualification made in error can be reinstated.
/// </summary>
public class ReturnAndReinstateTests
{
    private static readonly ContestSchedule Schedule = TestSchedule.Create();

    private static readonly DateTime Now = TestSchedule.DuringSubmission;

    /// <summary>Two days after submissions closed, when screening usually happens.</summary>
    private static readonly DateTime Late = TestSchedule.ClosesAt.AddDays(2);

    private static readonly string ValidBody = new('字', 20);

    [Fact]
    public void AReturnAfterTheDeadline_WithADate_LetsThatEntryBeEditedAndSubmittedUntilThen()
    {
        var entry = SubmittedNomination();
        var by = Late.AddDays(3);

        entry.Return("请补充推荐意见。", Late, by);

        Assert.True(entry.AcceptsChangesAt(Schedule, Late.AddHours(1)));
        Assert.Equal(by, entry.ChangesCloseAt(Schedule));
        entry.Edit("补充后的推荐", ValidBody, Schedule, Late.AddHours(1));
        entry.Submit(Schedule, by.AddSeconds(-1), TakenSlots.None);
        Assert.Equal((EntryStatus.Submitted, "补充后的推荐", (DateTime?)null), (entry.Status, entry.Title, entry.ResubmitBy));

        // Submitted again, it is closed like every other entry.
        Assert.False(entry.AcceptsChangesAt(Schedule, by.AddSeconds(-1)));
        Assert.Throws<DomainException>(() => entry.Edit("再改", ValidBody, Schedule, by.AddSeconds(-1)));
    }

    [Fact]
    public void AtItsDate_TheReturnedEntryCloses_WithAMessageNamingTheDate()
    {
        var entry = SubmittedNomination();
        var by = Late.AddDays(3);
        entry.Return("请补充推荐意见。", Late, by);

        var refused = Assert.Throws<DomainException>(() => entry.Submit(Schedule, by, TakenSlots.None));

        Assert.Equal("The time to correct this entry and submit it again ended on {0}.", refused.MessageKey);
        Assert.Equal((object)by, Assert.Single(refused.Arguments));
        Assert.Equal(EntryStatus.Returned, entry.Status);
    }

    [Fact]
    public void AReturnAfterTheDeadline_WithoutADate_StaysClosed()
    {
        var entry = SubmittedNomination();

        entry.Return("请补充推荐意见。", Late);

        Assert.False(entry.AcceptsChangesAt(Schedule, Late));
        Assert.Equal(TestSchedule.ClosesAt, entry.ChangesCloseAt(Schedule));
        var refused = Assert.Throws<DomainException>(() => entry.Submit(Schedule, Late.AddHours(1), TakenSlots.None));
        Assert.Equal("The submission deadline has passed; entries can no longer change.", refused.MessageKey);
    }

    [Fact]
    public void AReturnWithADateThatIsNotInTheFuture_IsRefused_AndChangesNothing()
    {
        var entry = SubmittedNomination();

        var refused = Assert.Throws<DomainException>(() => entry.Return("请补充推荐意见。", Late, Late));

        Assert.Equal("The date to submit it again by must be in the future.", refused.MessageKey);
        Assert.Equal((EntryStatus.Submitted, (string?)null, (DateTime?)null), (entry.Status, entry.StatusReason, entry.ResubmitBy));
    }

    [Fact]
    public void AReturnedNomination_IsReinstatedAsAccepted_AndLosesItsReasonAndDate()
    {
        var entry = SubmittedNomination();
        entry.Return("误退回", Late, Late.AddDays(3));

        var why = entry.Reinstate("  退回有误，材料齐全。 ", Late.AddHours(1));

        Assert.Equal("退回有误，材料齐全。", why);
        Assert.Equal((EntryStatus.Accepted, (string?)null, (DateTime?)null), (entry.Status, entry.StatusReason, entry.ResubmitBy));
    }

    [Fact]
    public void ADisqualifiedEssay_IsReinstatedAsSubmitted_AndADisqualifiedNominationAsAccepted()
    {
        var essay = new Entry(EssayTrack(), "我的帮扶故事", ValidBody, unitId: 1, ownerUserId: 1, Now);
        essay.DeclareOriginal(true, Now);
        essay.Submit(Schedule, Now, TakenSlots.None);
        essay.Disqualify("抄袭", Late);
        var nomination = SubmittedNomination();
        nomination.Disqualify("不符合条件", Late);

        essay.Reinstate("经核查并非抄袭。", Late.AddHours(1));
        nomination.Reinstate("经核查符合条件。", Late.AddHours(1));

        Assert.Equal((EntryStatus.Submitted, EntryStatus.Accepted), (essay.Status, nomination.Status));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Reinstating_WithoutAReason_IsRefused(string reason)
    {
        var entry = SubmittedNomination();
        entry.Disqualify("不符合条件", Late);

        Assert.Throws<DomainException>(() => entry.Reinstate(reason, Late));

        Assert.Equal((EntryStatus.Disqualified, "不符合条件"), (entry.Status, entry.StatusReason));
    }

    [Fact]
    public void OnlyAReturnedOrDisqualifiedEntry_IsReinstated()
    {
        var entry = SubmittedNomination();

        var refused = Assert.Throws<DomainException>(() => entry.Reinstate("恢复", Late));
        entry.Accept(Late);
        Assert.Throws<DomainException>(() => entry.Reinstate("恢复", Late));

        Assert.Equal("Only a returned or disqualified entry can be reinstated; {0} is {1}.", refused.MessageKey);
        Assert.Equal(EntryStatus.Accepted, entry.Status);
    }

    [Fact]
    public void AReturnedEntryEditedShortOfTheRules_IsNotReinstated()
    {
        var entry = SubmittedNomination();
        entry.Return("请补充", Late, Late.AddDays(3));
        entry.Edit("改短了", "太短", Schedule, Late.AddHours(1));

        Assert.Throws<DomainException>(() => entry.Reinstate("退回有误", Late.AddHours(2)));

        Assert.Equal(EntryStatus.Returned, entry.Status);
    }

    private static Track EssayTrack()
    {
        var track = new Track("help-story", new BilingualText("征文", "Essay"), TrackKind.Essay, Entrant.Individual);
        track.SetLimits(new TrackLimits(10, 100, null, 1));
        return track;
    }

    private static Entry SubmittedNomination()
    {
        var track = new Track("innovation", new BilingualText("创新奖", "Innovation Award"), TrackKind.Nomination, Entrant.Individual);
        track.SetLimits(new TrackLimits(10, 100, 2, null));
        var entry = new Entry(track, "扎根山村的带头人", ValidBody, unitId: 1, ownerUserId: 1, Now);
        entry.DescribeNominee(new Nominee("张三", Gender.Male, 1975, "村党支部书记", "13800000000"), null, null);
        entry.Submit(Schedule, Now, TakenSlots.None);
        return entry;
    }
}
