using Awards.Core.Entries;

namespace Awards.Web.Data;

/// <summary>One step of an entry's status history, shown to the entrant and the organizer.</summary>
public class EntryStatusChange
{
    public long Id { get; set; }

    public int EntryId { get; set; }

    public Entry Entry { get; set; } = null!;

    public EntryStatus? From { get; set; }

    public EntryStatus To { get; set; }

    /// <summary>The reason the organizer gave when returning or disqualifying.</summary>
    public string? Reason { get; set; }

    public DateTime At { get; set; }

    public int? UserId { get; set; }
}
