using System.Globalization;
using System.Text.RegularExpressions;
using Awards.Core.Common;
using Awards.Web.Data;
using Awards.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Awards.Web.Features.Reminders;

/// <summary>What the organizer sees of a deadline's automatic reminders: whether they are on, the ones that went, and the next.</summary>
public sealed record AutomaticReminders(bool On, IReadOnlyList<DeadlineReminder> Sent, DeadlineReminder? Next);

/// <summary>
/// The automatic reminders of one round or contest as the audit log holds them (ADR 0022): one
/// row each, by the system, whose summary starts with its lead time ("lead=72; judges=3,5"). The
/// log is the only record, so a reminder is never sent twice, across restarts too, and the
/// organizer's pages read from it what went.
/// </summary>
public sealed partial class AutomaticReminderLog(AwardsDbContext db, AuditLog audit, IClock clock, IOptions<AwardsOptions> options)
{
    /// <summary>The summary an automatic reminder's audit row keeps: its lead time in hours and what it named.</summary>
    public static string Summary(TimeSpan lead, string what, IEnumerable<string> items) =>
        string.Create(CultureInfo.InvariantCulture, $"lead={(int)lead.TotalHours}; {what}={string.Join(",", items)}");

    /// <summary>The lead time a summary starts with, if it does.</summary>
    public static TimeSpan? Lead(string? summary) =>
        summary is not null && LeadPattern().Match(summary) is { Success: true } m ? TimeSpan.FromHours(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)) : null;

    /// <summary>
    /// The automatic reminders of <paramref name="entityKey"/> before <paramref name="deadline"/> (null: it
    /// has passed or the thing is closed): those that went (<paramref name="automaticAction"/>), and the next,
    /// which waits for any reminder of the kind (<paramref name="kind"/>, by hand too) as <see cref="DeadlineReminderPlan"/> says.
    /// </summary>
    public async Task<AutomaticReminders> ReadAsync(string automaticAction, IReadOnlyCollection<string> kind, string entityKey, DateTime? deadline, CancellationToken cancellationToken)
    {
        var rows = await db.AuditLog.AsNoTracking()
            .Where(a => a.Action == automaticAction && a.EntityKey == entityKey)
            .OrderBy(a => a.Id)
            .Select(a => new { a.At, a.After })
            .ToListAsync(cancellationToken);
        var sent = rows.Select(r => (Lead: Lead(r.After), r.At)).Where(r => r.Lead is not null).Select(r => new DeadlineReminder(r.Lead!.Value, r.At)).ToList();
        var settings = options.Value.Reminders;
        if (!settings.Automatic || deadline is not DateTime due)
        {
            return new AutomaticReminders(settings.Automatic, sent, null);
        }

        var last = await audit.LastAsync(kind, entityKey, cancellationToken);
        return new AutomaticReminders(true, sent, DeadlineReminderPlan.Next(due, settings.Leads, sent.Select(s => s.Lead), last, clock.UtcNow));
    }

    [GeneratedRegex(@"^lead=(\d{1,4});")]
    private static partial Regex LeadPattern();
}
