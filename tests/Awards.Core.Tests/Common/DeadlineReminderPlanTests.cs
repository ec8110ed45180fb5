using Awards.Core.Common;

namespace Awards.Core.Tests.Common;

public class DeadlineReminderPlanTests
{
    private static readonly DateTime Deadline = new(2026, 10, 10, 0, 0, 0, DateTimeKind.Utc);

    private static readonly TimeSpan[] Leads = [TimeSpan.FromHours(24), TimeSpan.FromHours(72)];

    private static readonly TimeSpan ThreeDays = TimeSpan.FromHours(72);

    private static readonly TimeSpan OneDay = TimeSpan.FromHours(24);

    [Fact]
    public void Next_IsTheThreeDayReminder_ThreeDaysBefore_WhenNothingWent()
    {
        var next = DeadlineReminderPlan.Next(Deadline, Leads, [], null, Deadline.AddDays(-10));

        Assert.Equal(new DeadlineReminder(ThreeDays, Deadline.AddDays(-3)), next);
    }

    [Fact]
    public void Next_IsTheOneDayReminder_OnceTheThreeDayOneWent()
    {
        var next = DeadlineReminderPlan.Next(Deadline, Leads, [ThreeDays], Deadline.AddDays(-3), Deadline.AddDays(-2));

        Assert.Equal(new DeadlineReminder(OneDay, Deadline.AddDays(-1)), next);
    }

    [Fact]
    public void AWindowThatPassedUnsent_IsPassedOver_SoOnlyOneReminderIsDue()
    {
        var next = DeadlineReminderPlan.Next(Deadline, Leads, [], null, Deadline.AddHours(-12));

        Assert.Equal(new DeadlineReminder(OneDay, Deadline.AddDays(-1)), next);
    }

    [Fact]
    public void AReminderByHandShortlyBefore_PostponesTheAutomaticOne_TwelveHoursAfterIt()
    {
        var byHand = Deadline.AddDays(-3).AddHours(-2);

        var next = DeadlineReminderPlan.Next(Deadline, Leads, [], byHand, Deadline.AddDays(-3));

        Assert.Equal(new DeadlineReminder(ThreeDays, byHand.AddHours(12)), next);
    }

    [Fact]
    public void AReminderByHandInTheLastTwelveHours_StandsInForTheLastAutomaticOne()
    {
        var byHand = Deadline.AddHours(-6);

        Assert.Null(DeadlineReminderPlan.Next(Deadline, Leads, [ThreeDays], byHand, Deadline.AddHours(-5)));
    }

    [Fact]
    public void NothingIsDue_AfterTheDeadline_OrWhenEveryLeadTimeWent()
    {
        Assert.Null(DeadlineReminderPlan.Next(Deadline, Leads, [], null, Deadline));
        Assert.Null(DeadlineReminderPlan.Next(Deadline, Leads, [ThreeDays, OneDay], Deadline.AddDays(-1), Deadline.AddHours(-1)));
    }

    [Fact]
    public void ADeadlineMovedLater_RemindsOnlyTheLeadTimesNotRemindedYet()
    {
        // The one-day reminder went; the deadline then moved a week later: the three-day one is still to come.
        var moved = Deadline.AddDays(7);

        var next = DeadlineReminderPlan.Next(moved, Leads, [OneDay], Deadline.AddDays(-1), Deadline);

        Assert.Equal(new DeadlineReminder(ThreeDays, moved.AddDays(-3)), next);
        Assert.Null(DeadlineReminderPlan.Next(moved, Leads, [OneDay, ThreeDays], moved.AddDays(-3), moved.AddDays(-2)));
    }
}
