using Awards.Web.Infrastructure;

namespace Awards.Web.Tests.Features.Reminders;

/// <summary>Awards:Reminders:LeadHours: 3 days and 1 day unless set; a lead time that cannot be one is refused at start, with its name.</summary>
public sealed class ReminderOptionsTests
{
    [Fact]
    public void LeadTimes_AreThreeDaysAndOneDay_UnlessSet_LongestFirst()
    {
        Assert.Equal([TimeSpan.FromHours(72), TimeSpan.FromHours(24)], new ReminderOptions().Leads);
        Assert.Equal([TimeSpan.FromHours(48), TimeSpan.FromHours(6)], new ReminderOptions { LeadHours = [6, 48, 6] }.Leads);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-24)]
    [InlineData(ReminderOptions.MaxLeadHours + 1)]
    public void ALeadTimeOutOfRange_StopsTheSite_NamingTheSetting(int hours)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ReminderOptions { LeadHours = [72, hours] }.Leads);

        Assert.Contains("Awards:Reminders:LeadHours", error.Message, StringComparison.Ordinal);
    }
}
