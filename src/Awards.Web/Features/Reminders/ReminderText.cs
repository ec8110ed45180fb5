using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Reminders;

/// <summary>A lead time as people say it: "3 days", "1 day", "36 hours".</summary>
public static class ReminderText
{
    public static string Lead(TimeSpan lead, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        var hours = (int)lead.TotalHours;
        return hours % 24 != 0 ? l["{0} hours", hours].Value
            : hours == 24 ? l["1 day"].Value
            : l["{0} days", hours / 24].Value;
    }
}

/// <summary>The automatic reminders shown on a page: the judges' of a round, or the entrants' of the contest.</summary>
public sealed record ReminderPanel(AutomaticReminders Automatic, bool Judges);
