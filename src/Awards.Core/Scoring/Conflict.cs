namespace Awards.Core.Scoring;

/// <summary>
/// A judge's conflict of interest on one entry, declared by the judge or recorded by the organizer
/// with a reason; the entry is reassigned.
/// </summary>
public class Conflict
{
    public Conflict(int entryId, int judgeUserId, DateTime utcNow)
    {
        EntryId = entryId;
        JudgeUserId = judgeUserId;
        DeclaredAt = utcNow;
    }

    /// <summary>A conflict the organizer records for a judge, with the reason (ADR 0016).</summary>
    public Conflict(int entryId, int judgeUserId, DateTime utcNow, int recordedByUserId, string reason)
        : this(entryId, judgeUserId, utcNow)
    {
        RecordedByUserId = recordedByUserId;
        Reason = reason;
    }

    private Conflict()
    {
    }

    public int Id { get; private set; }

    public int EntryId { get; private set; }

    public int JudgeUserId { get; private set; }

    public DateTime DeclaredAt { get; private set; }

    /// <summary>The organizer who recorded the conflict; null when the judge declared it.</summary>
    public int? RecordedByUserId { get; private set; }

    /// <summary>Why the organizer recorded it; null when the judge declared it.</summary>
    public string? Reason { get; private set; }
}
