using Awards.Core.Common;
using Awards.Core.Contests;
using Awards.Core.Entries;
using Awards.Core.Tracks;

namespace Awards.Core.Tests.Entries;

/// <summary>The per-unit and per-author limits, held by quota slots (Entry.UnitSlot, Entry.OwnerSlot).</summary>
public class EntryQuotaTests
{
    private static readonly ContestSchedule Schedule = TestSchedule.Create();

    private static readonly DateTime Now = TestSchedule.DuringSubmission;

    private static readonly Nominee Person = new("张三", Gender.Male, 1975, "村党支部书记", "13800000000");

    [Fact]
    public void Submit_TakesTheFirstFreeUnitSlot()
    {
        var entry = Nomination();

        entry.Submit(Schedule, Now, new TakenSlots([1], []));

        Assert.Equal(2, entry.UnitSlot);
        Assert.Null(entry.OwnerSlot);
    }

    [Fact]
    public void Submit_WhenTheUnitHasUsedItsLimit_RefusesWithTheLimitAndChangesNothing()
    {
        var entry = Nomination();

        var ex = Assert.Throws<DomainException>(() => entry.Submit(Schedule, Now, new TakenSlots([1, 2], [])));

        Assert.Contains("2", ex.Message, StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Draft, entry.Status);
        Assert.Null(entry.UnitSlot);
        Assert.Null(entry.SubmittedAt);
    }

    [Fact]
    public void Submit_FillsAGapLeftByAWithdrawal()
    {
        var entry = Nomination();

        entry.Submit(Schedule, Now, new TakenSlots([2], []));

        Assert.Equal(1, entry.UnitSlot);
    }

    [Fact]
    public void Withdraw_ReleasesTheSlot()
    {
        var entry = Nomination();
        entry.Submit(Schedule, Now, TakenSlots.None);

        entry.Withdraw(Schedule, Now);

        Assert.Null(entry.UnitSlot);
    }

    [Fact]
    public void Submit_AReturnedEntry_KeepsItsSlotEvenWhenTheOthersAreFull()
    {
        var entry = Nomination();
        entry.Submit(Schedule, Now, new TakenSlots([2], []));
        entry.Return("请补充附件", Now);

        entry.Submit(Schedule, Now.AddHours(1), new TakenSlots([2], []));

        Assert.Equal(EntryStatus.Submitted, entry.Status);
        Assert.Equal(1, entry.UnitSlot);
    }

    [Fact]
    public void Return_KeepsTheSlot_SoTheUnitCannotSubmitAnotherInItsPlace()
    {
        var entry = Nomination();
        entry.Submit(Schedule, Now, TakenSlots.None);

        entry.Return("请补充附件", Now);

        Assert.Equal(1, entry.UnitSlot);
    }

    [Fact]
    public void Submit_AnEssay_TakesTheAuthorsSlot_AndRefusesASecondEssay()
    {
        var track = EssayTrack();
        var first = new Entry(track, "一", new string('字', 20), unitId: 1, ownerUserId: 7, Now);
        var second = new Entry(track, "二", new string('字', 20), unitId: 1, ownerUserId: 7, Now);
        first.DeclareOriginal(true, Now);
        second.DeclareOriginal(true, Now);

        first.Submit(Schedule, Now, TakenSlots.None);
        var ex = Assert.Throws<DomainException>(() => second.Submit(Schedule, Now, new TakenSlots([], [first.OwnerSlot!.Value])));

        Assert.Equal(1, first.OwnerSlot);
        Assert.Null(first.UnitSlot);
        Assert.StartsWith("Each person may submit at most", ex.MessageKey, StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Draft, second.Status);
    }

    [Fact]
    public void Submit_ANominationWithoutANominee_IsRefused()
    {
        var entry = new Entry(NominationTrack(), "事迹", new string('字', 20), unitId: 1, ownerUserId: 1, Now);

        var ex = Assert.Throws<DomainException>(() => entry.Submit(Schedule, Now, TakenSlots.None));

        Assert.Equal("Describe the nominee before submitting.", ex.MessageKey);
    }

    [Fact]
    public void SetCreationKey_CanBeSetOnlyOnce()
    {
        var entry = Nomination();
        entry.SetCreationKey("abc");

        Assert.Throws<DomainException>(() => entry.SetCreationKey("def"));
        Assert.Equal("abc", entry.CreationKey);
    }

    private static Entry Nomination()
    {
        var entry = new Entry(NominationTrack(), "事迹", new string('字', 20), unitId: 1, ownerUserId: 1, Now);
        entry.DescribeNominee(Person, null, "同意推荐");
        return entry;
    }

    private static Track NominationTrack()
    {
        var track = new Track("innovation", new BilingualText("创新奖", "Innovation Award"), TrackKind.Nomination, Entrant.Individual);
        track.SetLimits(new TrackLimits(10, 100, 2, null));
        return track;
    }

    private static Track EssayTrack()
    {
        var track = new Track("help-story", new BilingualText("我的帮扶故事", "My Help Story"), TrackKind.Essay, Entrant.Individual);
        track.SetLimits(new TrackLimits(10, 100, null, 1));
        return track;
    }
}
