namespace Awards.Core.Scoring;

/// <summary>A judge's declaration that they cannot judge an entry impartially; the entry is reassigned.</summary>
public class Conflict
{
    public Conflict(int entryId, int judgeUserId, DateTime utcNow)
    {
        EntryId = entryId;
        JudgeUserId = judgeUserId;
        DeclaredAt = utcNow;
    }

    private Conflict()
    {
    }

    public int Id { get; private set; }

    public int EntryId { get; private set; }

    public int JudgeUserId { get; private set; }

    public DateTime DeclaredAt { get; private set; }
}
