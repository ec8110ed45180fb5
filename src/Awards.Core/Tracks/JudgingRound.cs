using Awards.Core.Common;

namespace Awards.Core.Tracks;

public enum RoundKind
{
    /// <summary>Every entry gets k judges.</summary>
    Preliminary,

    /// <summary>The panel scores every shortlisted entry.</summary>
    Final,
}

/// <summary>A judging round of a track.</summary>
public class JudgingRound
{
    public JudgingRound(int sequence, RoundKind kind, BilingualText name, int judgesPerEntry, DateTime closesAt)
    {
        if (sequence < 1)
        {
            throw new DomainException("Rounds are numbered from 1.");
        }

        if (judgesPerEntry < 1)
        {
            throw new DomainException("Every entry needs at least one judge per round.");
        }

        Sequence = sequence;
        Kind = kind;
        Name = name;
        JudgesPerEntry = judgesPerEntry;
        ClosesAt = closesAt;
    }

    private JudgingRound()
    {
        Name = BilingualText.Empty;
    }

    public int Id { get; private set; }

    public int TrackId { get; private set; }

    public int Sequence { get; private set; }

    public RoundKind Kind { get; private set; }

    public BilingualText Name { get; private set; }

    /// <summary>k: how many judges score each entry (a final round's whole panel scores each).</summary>
    public int JudgesPerEntry { get; private set; }

    /// <summary>How many entries go on from this round: the top N, or the top percentage.</summary>
    public int? ShortlistTop { get; set; }

    public decimal? ShortlistPercent { get; set; }

    public DateTime ClosesAt { get; private set; }

    /// <summary>Set when the organizer closes the round early; a closed round is read-only.</summary>
    public DateTime? ClosedAt { get; private set; }

    public bool IsClosedAt(DateTime utcNow) => ClosedAt is not null || utcNow >= ClosesAt;

    /// <summary>
    /// Moves the time judges can score until (to give late judges a week more, say). Only an
    /// open round moves: a closed one is read-only, and the time must still lie ahead; to end the
    /// round now, the organizer closes it.
    /// </summary>
    public void Reschedule(DateTime closesAt, DateTime utcNow)
    {
        if (IsClosedAt(utcNow))
        {
            throw new DomainException("This round is already closed.");
        }

        if (closesAt <= utcNow)
        {
            throw new DomainException("The round's new closing time must be in the future; to end the round now, close it.");
        }

        ClosesAt = closesAt;
    }

    public void Close(DateTime utcNow)
    {
        if (IsClosedAt(utcNow))
        {
            throw new DomainException("This round is already closed.");
        }

        ClosedAt = utcNow;
    }
}
