using Awards.Core.Common;
using Awards.Core.Contests;
using Awards.Core.Entries;
using Awards.Core.Tracks;

namespace Awards.Core.Tests.Entries;

public class EntryTests
{
    private const string Title = "我的帮扶故事";

    /// <summary>20 characters: inside the 10–100 limit of the essay track.</summary>
    private static readonly string ValidBody = new('字', 20);

    private static readonly ContestSchedule Schedule = TestSchedule.Create();

    private static readonly DateTime Now = TestSchedule.DuringSubmission;

    private static readonly DateTime AfterDeadline = TestSchedule.ClosesAt;

    private static readonly Nominee Person = new("张三", Gender.Male, 1975, "村党支部书记", "13800000000");

    [Fact]
    public void Constructor_CreatesADraftWithAWellFormedCode()
    {
        var entry = NewEntry();

        Assert.Equal(EntryStatus.Draft, entry.Status);
        Assert.True(EntryCode.IsWellFormed(entry.Code), entry.Code);
        Assert.Null(entry.SubmittedAt);
        Assert.Equal(Now, entry.CreatedAt);
    }

    [Fact]
    public void Constructor_GivesEachEntryItsOwnCode()
    {
        Assert.NotEqual(NewEntry().Code, NewEntry().Code);
    }

    [Fact]
    public void Length_CountsTheBodyWithTextLength()
    {
        var entry = NewEntry(body: "## 标题\n\n我们的**故事** in English.");

        Assert.Equal(9, entry.Length);
    }

    [Fact]
    public void Submit_InsideTheWindow_MarksTheEntrySubmitted()
    {
        var entry = NewEntry();

        entry.Submit(Schedule, Now, TakenSlots.None);

        Assert.Equal(EntryStatus.Submitted, entry.Status);
        Assert.Equal(Now, entry.SubmittedAt);
        Assert.Equal(Now, entry.UpdatedAt);
    }

    [Fact]
    public void Submit_OneSecondBeforeTheDeadline_Succeeds()
    {
        var entry = NewEntry();
        var lastSecond = TestSchedule.ClosesAt.AddSeconds(-1);

        entry.Submit(Schedule, lastSecond, TakenSlots.None);

        Assert.Equal(EntryStatus.Submitted, entry.Status);
        Assert.Equal(lastSecond, entry.SubmittedAt);
    }

    [Fact]
    public void Submit_AtTheDeadline_ThrowsAndLeavesTheEntryADraft()
    {
        var entry = NewEntry();

        var ex = Assert.Throws<DomainException>(() => entry.Submit(Schedule, AfterDeadline, TakenSlots.None));

        Assert.Contains("deadline", ex.Message, StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Draft, entry.Status);
        Assert.Null(entry.SubmittedAt);
    }

    [Fact]
    public void Submit_BeforeSubmissionsOpen_Throws()
    {
        var entry = NewEntry();

        var ex = Assert.Throws<DomainException>(() => entry.Submit(Schedule, TestSchedule.OpensAt.AddSeconds(-1), TakenSlots.None));

        Assert.Contains("not open yet", ex.Message, StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Draft, entry.Status);
    }

    [Fact]
    public void Submit_WithABodyShorterThanTheMinimum_ThrowsAndMentionsTheCount()
    {
        var entry = NewEntry(body: "太短了");

        var ex = Assert.Throws<DomainException>(() => entry.Submit(Schedule, Now, TakenSlots.None));

        Assert.Contains("is 3 long", ex.Message, StringComparison.Ordinal);
        Assert.Contains("10 to 100", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, ex.Arguments[0]);
        Assert.Equal(EntryStatus.Draft, entry.Status);
    }

    [Fact]
    public void Submit_WithABodyLongerThanTheMaximum_Throws()
    {
        var entry = NewEntry(body: new string('字', 101));

        var ex = Assert.Throws<DomainException>(() => entry.Submit(Schedule, Now, TakenSlots.None));

        Assert.Contains("is 101 long", ex.Message, StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Draft, entry.Status);
    }

    [Fact]
    public void Submit_WithExactlyTheMinimumLength_Succeeds()
    {
        var entry = NewEntry(body: new string('字', 10));

        entry.Submit(Schedule, Now, TakenSlots.None);

        Assert.Equal(EntryStatus.Submitted, entry.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Submit_WithAnEmptyTitle_Throws(string title)
    {
        var entry = NewEntry(title: title);

        var ex = Assert.Throws<DomainException>(() => entry.Submit(Schedule, Now, TakenSlots.None));

        Assert.Contains("title", ex.Message, StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Draft, entry.Status);
    }

    [Fact]
    public void Submit_AnAlreadySubmittedEntry_Throws()
    {
        var entry = Submitted();

        Assert.Throws<DomainException>(() => entry.Submit(Schedule, Now.AddHours(1), TakenSlots.None));
        Assert.Equal(Now, entry.SubmittedAt);
    }

    [Fact]
    public void Edit_BeforeTheDeadline_ChangesTheText()
    {
        var entry = NewEntry();
        var later = Now.AddHours(1);

        entry.Edit("新标题", "新的正文内容足够长了吗", Schedule, later);

        Assert.Equal("新标题", entry.Title);
        Assert.Equal("新的正文内容足够长了吗", entry.Body);
        Assert.Equal(later, entry.UpdatedAt);
    }

    [Fact]
    public void Edit_AfterTheDeadline_ThrowsAndKeepsTheOldText()
    {
        var entry = Submitted();

        Assert.Throws<DomainException>(() => entry.Edit("新标题", "新的正文", Schedule, AfterDeadline));

        Assert.Equal(Title, entry.Title);
        Assert.Equal(ValidBody, entry.Body);
        Assert.Equal(Now, entry.UpdatedAt);
    }

    [Fact]
    public void Edit_AWithdrawnEntry_Throws()
    {
        var entry = NewEntry();
        entry.Withdraw(Schedule, Now);

        Assert.Throws<DomainException>(() => entry.Edit("新标题", "新的正文", Schedule, Now));
        Assert.Equal(Title, entry.Title);
    }

    [Fact]
    public void Withdraw_BeforeTheDeadline_MarksTheEntryWithdrawn()
    {
        var entry = Submitted();

        entry.Withdraw(Schedule, Now.AddHours(1));

        Assert.Equal(EntryStatus.Withdrawn, entry.Status);
        Assert.False(entry.IsEditable);
    }

    [Fact]
    public void Withdraw_AfterTheDeadline_ThrowsAndKeepsTheEntrySubmitted()
    {
        var entry = Submitted();

        Assert.Throws<DomainException>(() => entry.Withdraw(Schedule, AfterDeadline));
        Assert.Equal(EntryStatus.Submitted, entry.Status);
    }

    [Fact]
    public void Withdraw_Twice_Throws()
    {
        var entry = NewEntry();
        entry.Withdraw(Schedule, Now);

        Assert.Throws<DomainException>(() => entry.Withdraw(Schedule, Now));
    }

    [Fact]
    public void Return_WithAReason_MarksTheEntryReturnedAndKeepsTheTrimmedReason()
    {
        var entry = Submitted();

        entry.Return("  缺少推荐单位意见  ", Now.AddHours(1));

        Assert.Equal(EntryStatus.Returned, entry.Status);
        Assert.Equal("缺少推荐单位意见", entry.StatusReason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Return_WithABlankReason_ThrowsAndLeavesTheEntrySubmitted(string reason)
    {
        var entry = Submitted();

        Assert.Throws<DomainException>(() => entry.Return(reason, Now.AddHours(1)));

        Assert.Equal(EntryStatus.Submitted, entry.Status);
        Assert.Null(entry.StatusReason);
    }

    [Fact]
    public void Return_ADraft_Throws()
    {
        var entry = NewEntry();

        Assert.Throws<DomainException>(() => entry.Return("缺少材料", Now));
        Assert.Equal(EntryStatus.Draft, entry.Status);
    }

    [Fact]
    public void Submit_AReturnedEntry_ResubmitsItAndClearsTheReason()
    {
        var entry = Submitted();
        entry.Return("缺少推荐单位意见", Now.AddHours(1));
        var resubmittedAt = Now.AddDays(1);

        entry.Submit(Schedule, resubmittedAt, TakenSlots.None);

        Assert.Equal(EntryStatus.Submitted, entry.Status);
        Assert.Null(entry.StatusReason);
        Assert.Equal(resubmittedAt, entry.SubmittedAt);
    }

    [Fact]
    public void Accept_ASubmittedEntry_MarksItAccepted()
    {
        var entry = Submitted();

        entry.Accept(AfterDeadline);

        Assert.Equal(EntryStatus.Accepted, entry.Status);
        Assert.False(entry.IsEditable);
    }

    [Fact]
    public void Accept_ADraft_Throws()
    {
        var entry = NewEntry();

        Assert.Throws<DomainException>(() => entry.Accept(AfterDeadline));
        Assert.Equal(EntryStatus.Draft, entry.Status);
    }

    [Fact]
    public void Accept_AnAcceptedEntry_Throws()
    {
        var entry = Submitted();
        entry.Accept(AfterDeadline);

        Assert.Throws<DomainException>(() => entry.Accept(AfterDeadline));
    }

    [Fact]
    public void Accept_AReturnedEntry_Throws()
    {
        var entry = Submitted();
        entry.Return("缺少材料", Now);

        Assert.Throws<DomainException>(() => entry.Accept(AfterDeadline));
        Assert.Equal(EntryStatus.Returned, entry.Status);
    }

    [Fact]
    public void Disqualify_AnAcceptedEntry_MarksItDisqualifiedWithTheReason()
    {
        var entry = Submitted();
        entry.Accept(AfterDeadline);

        entry.Disqualify("抄袭", AfterDeadline.AddDays(1));

        Assert.Equal(EntryStatus.Disqualified, entry.Status);
        Assert.Equal("抄袭", entry.StatusReason);
    }

    [Fact]
    public void Disqualify_ADraft_Throws()
    {
        var entry = NewEntry();

        Assert.Throws<DomainException>(() => entry.Disqualify("抄袭", Now));
        Assert.Equal(EntryStatus.Draft, entry.Status);
    }

    [Fact]
    public void Disqualify_WithABlankReason_ThrowsAndLeavesTheEntryAccepted()
    {
        var entry = Submitted();
        entry.Accept(AfterDeadline);

        Assert.Throws<DomainException>(() => entry.Disqualify(" ", AfterDeadline));

        Assert.Equal(EntryStatus.Accepted, entry.Status);
        Assert.Null(entry.StatusReason);
    }

    [Fact]
    public void DescribeNominee_OnAnEssayTrack_Throws()
    {
        var entry = NewEntry();

        Assert.Throws<DomainException>(() => entry.DescribeNominee(Person, null, "同意推荐"));
        Assert.Null(entry.Nominee);
    }

    [Fact]
    public void DescribeNominee_ForAnIndividualAward_RecordsThePerson()
    {
        var entry = NewEntry(NominationTrack(Entrant.Individual));

        entry.DescribeNominee(Person, null, "同意推荐");

        Assert.Equal(Person, entry.Nominee);
        Assert.Null(entry.NomineeUnitId);
        Assert.Equal("同意推荐", entry.RecommendationOpinion);
    }

    [Fact]
    public void DescribeNominee_ForAnIndividualAward_RequiresAPerson()
    {
        var entry = NewEntry(NominationTrack(Entrant.Individual));

        Assert.Throws<DomainException>(() => entry.DescribeNominee(null, null, "同意推荐"));
    }

    [Fact]
    public void DescribeNominee_ForAnIndividualAward_RefusesAUnit()
    {
        var entry = NewEntry(NominationTrack(Entrant.Individual));

        Assert.Throws<DomainException>(() => entry.DescribeNominee(Person, 7, "同意推荐"));
        Assert.Null(entry.Nominee);
    }

    [Fact]
    public void DescribeNominee_ForAnOrganisationAward_RecordsTheUnit()
    {
        var entry = NewEntry(NominationTrack(Entrant.Organisation));

        entry.DescribeNominee(null, 7, "同意推荐");

        Assert.Equal(7, entry.NomineeUnitId);
        Assert.Null(entry.Nominee);
    }

    [Fact]
    public void DescribeNominee_ForAnOrganisationAward_RequiresAUnit()
    {
        var entry = NewEntry(NominationTrack(Entrant.Organisation));

        Assert.Throws<DomainException>(() => entry.DescribeNominee(null, null, "同意推荐"));
    }

    [Fact]
    public void DescribeNominee_ForAnOrganisationAward_RefusesAPerson()
    {
        var entry = NewEntry(NominationTrack(Entrant.Organisation));

        Assert.Throws<DomainException>(() => entry.DescribeNominee(Person, 7, "同意推荐"));
        Assert.Null(entry.NomineeUnitId);
    }

    [Fact]
    public void Submit_AnEssayWithoutTheOriginalityDeclaration_IsRefused()
    {
        var entry = new Entry(EssayTrack(), Title, ValidBody, unitId: 1, ownerUserId: 1, Now);

        var ex = Assert.Throws<DomainException>(() => entry.Submit(Schedule, Now, TakenSlots.None));

        Assert.Equal("Confirm the originality declaration before submitting.", ex.MessageKey);
        Assert.Equal(EntryStatus.Draft, entry.Status);
    }

    [Fact]
    public void DeclareOriginal_KeepsTheFirstTime_AndCanBeTakenBack()
    {
        var entry = new Entry(EssayTrack(), Title, ValidBody, unitId: 1, ownerUserId: 1, Now);

        entry.DeclareOriginal(true, Now);
        entry.DeclareOriginal(true, Now.AddHours(1));
        Assert.Equal(Now, entry.DeclaredOriginalAt);

        entry.DeclareOriginal(false, Now.AddHours(2));
        Assert.Null(entry.DeclaredOriginalAt);
    }

    [Fact]
    public void DeclareOriginal_OnANomination_Throws()
    {
        var entry = NewEntry(NominationTrack(Entrant.Individual));

        Assert.Throws<DomainException>(() => entry.DeclareOriginal(true, Now));
    }

    [Fact]
    public void MoveToUnit_MovesADraft_ButNotASubmittedEntry()
    {
        var draft = NewEntry();
        draft.MoveToUnit(5);
        Assert.Equal(5, draft.UnitId);

        var submitted = Submitted();
        Assert.Throws<DomainException>(() => submitted.MoveToUnit(5));
        Assert.Equal(1, submitted.UnitId);
    }

    [Fact]
    public void SetJudgeRendition_StoresWhatJudgesRead()
    {
        var entry = NewEntry();

        entry.SetJudgeRendition("■■的故事", "正文", 2);

        Assert.Equal(("■■的故事", "正文", 2), (entry.JudgeTitle, entry.JudgeBody, entry.RedactionCount));
        Assert.Throws<ArgumentOutOfRangeException>(() => entry.SetJudgeRendition("a", "b", -1));
    }

    private static Track EssayTrack()
    {
        var track = new Track("help-story", new BilingualText("征文", "Essay"), TrackKind.Essay, Entrant.Individual);
        track.SetLimits(new TrackLimits(10, 100, null, 1));
        return track;
    }

    private static Track NominationTrack(Entrant entrant)
    {
        var track = new Track("innovation", new BilingualText("创新奖", "Innovation Award"), TrackKind.Nomination, entrant);
        track.SetLimits(new TrackLimits(10, 100, 2, null));
        return track;
    }

    /// <summary>An essay draft whose author has confirmed the originality declaration.</summary>
    private static Entry NewEntry(string title = Title, string? body = null)
    {
        var entry = new Entry(EssayTrack(), title, body ?? ValidBody, unitId: 1, ownerUserId: 1, Now);
        entry.DeclareOriginal(true, Now);
        return entry;
    }

    private static Entry NewEntry(Track track) =>
        new(track, Title, ValidBody, unitId: 1, ownerUserId: 1, Now);

    private static Entry Submitted()
    {
        var entry = NewEntry();
        entry.Submit(Schedule, Now, TakenSlots.None);
        return entry;
    }
}
