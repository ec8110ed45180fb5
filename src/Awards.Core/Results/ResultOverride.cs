using Awards.Core.Common;

namespace Awards.Core.Results;

/// <summary>The organizer moved an entry to another prize level (or to none), with a written reason.</summary>
public class ResultOverride
{
    public const int MaxReasonLength = 1_000;

    public ResultOverride(int trackResultId, int entryId, int? levelRank, string reason, int byUserId, DateTime utcNow)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException(ResultMessages.ReasonRequired);
        }

        if (reason.Trim().Length > MaxReasonLength)
        {
            throw new DomainException("{0} can have at most {1} characters.", "Reason", MaxReasonLength);
        }

        TrackResultId = trackResultId;
        EntryId = entryId;
        LevelRank = levelRank;
        Reason = reason.Trim();
        ByUserId = byUserId;
        CreatedAt = utcNow;
    }

    private ResultOverride()
    {
        Reason = string.Empty;
    }

    public int Id { get; private set; }

    public int TrackResultId { get; private set; }

    public int EntryId { get; private set; }

    /// <summary>The level the entry is moved to; null means no prize.</summary>
    public int? LevelRank { get; private set; }

    public string Reason { get; private set; }

    public int ByUserId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>Names the same prize level at its new rank, after a level above it was removed (<c>Track.ReviseLevels</c>).</summary>
    public void Renumber(int levelRank)
    {
        if (LevelRank is null || levelRank < 1)
        {
            throw new DomainException("The operation is not allowed.");
        }

        LevelRank = levelRank;
    }
}
