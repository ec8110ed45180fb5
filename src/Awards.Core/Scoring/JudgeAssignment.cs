using System.Security.Cryptography;

namespace Awards.Core.Scoring;

/// <summary>
/// A judge's task in one round: one entry to score. <see cref="QueueKey"/> is random, so that
/// each judge's queue has an order of its own and no two judges read the entries in the order
/// they arrived.
/// </summary>
public class JudgeAssignment
{
    public JudgeAssignment(int roundId, int entryId, int judgeUserId, DateTime utcNow)
    {
        RoundId = roundId;
        EntryId = entryId;
        JudgeUserId = judgeUserId;
        AssignedAt = utcNow;
        QueueKey = RandomNumberGenerator.GetInt32(int.MaxValue);
    }

    private JudgeAssignment()
    {
    }

    public int Id { get; private set; }

    public int RoundId { get; private set; }

    public int EntryId { get; private set; }

    public int JudgeUserId { get; private set; }

    public DateTime AssignedAt { get; private set; }

    public int QueueKey { get; private set; }

    public Score? Score { get; private set; }

    /// <summary>The score of this assignment, started empty on first use.</summary>
    public Score ScoreOrNew() => Score ??= new Score(this);
}
