namespace Awards.Core.Common;

/// <summary>A reminder before a deadline: how long before it (the lead time), and when it goes or went.</summary>
public readonly record struct DeadlineReminder(TimeSpan Lead, DateTime At);

/// <summary>
/// When the site reminds people of a deadline by itself (ADR 0022): once for each configured lead
/// time (say 3 days and 1 day before). Only the window the clock is in counts: a lead time whose
/// window has passed unsent (the site was down, the round was set up late) is passed over, so that
/// nobody gets two reminders at once. A reminder of the same kind that went within
/// <see cref="Quiet"/> (the organizer's, by hand) postpones the automatic one until that much time
/// has passed; if that is after the deadline, the earlier reminder stands in for it.
/// </summary>
public static class DeadlineReminderPlan
{
    /// <summary>How long after any reminder of a kind the next automatic one of that kind waits.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromHours(12);

    /// <summary>
    /// The next automatic reminder before <paramref name="deadline"/>: due when its time is not after
    /// <paramref name="now"/>; null when none is left. <paramref name="sent"/>: the lead times already
    /// reminded (for this deadline or an earlier one of the same thing); <paramref name="last"/>: when the
    /// last reminder of this kind went, by hand or by itself.
    /// </summary>
    public static DeadlineReminder? Next(DateTime deadline, IEnumerable<TimeSpan> leads, IEnumerable<TimeSpan> sent, DateTime? last, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(leads);
        ArgumentNullException.ThrowIfNull(sent);
        if (now >= deadline)
        {
            return null;
        }

        // Longest first, which is the order their windows open in.
        var ordered = leads.Where(l => l > TimeSpan.Zero).Distinct().OrderDescending().ToList();
        var done = sent.ToHashSet();
        var reached = ordered.Where(l => deadline - l <= now).ToList();
        IEnumerable<TimeSpan> candidates = reached.Count == 0
            ? ordered
            : [reached[^1], .. ordered.Where(l => deadline - l > now)];
        foreach (var lead in candidates.Where(l => !done.Contains(l)))
        {
            var at = deadline - lead;
            if (last is DateTime previous && previous + Quiet > at)
            {
                at = previous + Quiet;
            }

            if (at < deadline)
            {
                return new DeadlineReminder(lead, at);
            }
        }

        return null;
    }
}
