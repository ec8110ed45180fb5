namespace Awards.Core.Entries;

public enum EntryStatus
{
    Draft,
    Submitted,

    /// <summary>The organizer sent a nomination back with a reason; the unit may resubmit.</summary>
    Returned,

    /// <summary>Screened and admitted to judging.</summary>
    Accepted,
    Withdrawn,
    Disqualified,
}

/// <summary>Sets of statuses that several parts of the system ask about.</summary>
public static class EntryStatuses
{
    /// <summary>
    /// Entries whose judges' scores count: in judging (submitted) or accepted after screening, and
    /// not withdrawn or disqualified since. A list, not an array: EF 6 cannot evaluate the span
    /// overload that C# 14 picks for an array's Contains in a query.
    /// </summary>
    public static readonly IReadOnlyList<EntryStatus> Counted = new List<EntryStatus> { EntryStatus.Submitted, EntryStatus.Accepted }.AsReadOnly();
}
