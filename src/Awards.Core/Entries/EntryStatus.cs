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
