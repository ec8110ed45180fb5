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

    /// <summary>The most judges per entry a round may ask for.</summary>
    public const int MaxJudgesPerEntry = 20;

    /// <summary>
    /// Checks a new name, number of judges per entry and shortlist for this round
    /// (<see cref="Revise"/>) without changing anything. <paramref name="assigned"/>: judges are
    /// assigned in this round, so k stays; <paramref name="shortlisted"/>: its shortlist went on to
    /// the next round, so the shortlist's size stays.
    /// </summary>
    public void CheckRevision(RoundRevision revision, bool assigned, bool shortlisted)
    {
        ArgumentNullException.ThrowIfNull(revision);
        if (string.IsNullOrWhiteSpace(revision.Name.Zh))
        {
            throw new DomainException("Every judging round needs a Chinese name.");
        }

        if (revision.JudgesPerEntry is < 1 or > MaxJudgesPerEntry)
        {
            throw new DomainException("A round asks for 1 to {0} judges per entry.", MaxJudgesPerEntry);
        }

        if (assigned && revision.JudgesPerEntry != JudgesPerEntry)
        {
            throw new DomainException("Judges are already assigned in {0}, so its number of judges per entry can no longer change.", Name);
        }

        if (revision.ShortlistTop is < 1 || revision.ShortlistPercent is <= 0 or > 100)
        {
            throw new DomainException("A shortlist is at least 1 entry, or a percentage above 0 and at most 100.");
        }

        if (revision.ShortlistTop is not null && revision.ShortlistPercent is not null)
        {
            throw new DomainException("Give the shortlist as a number of entries or as a percentage, not both.");
        }

        if (shortlisted && (revision.ShortlistTop != ShortlistTop || revision.ShortlistPercent != ShortlistPercent))
        {
            throw new DomainException("The shortlist of {0} has gone on to the next round, so its size can no longer change.", Name);
        }
    }

    /// <summary>Applies a revision that <see cref="CheckRevision"/> accepted.</summary>
    public void Revise(RoundRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        Name = revision.Name;
        JudgesPerEntry = revision.JudgesPerEntry;
        ShortlistTop = revision.ShortlistTop;
        ShortlistPercent = revision.ShortlistPercent;
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

/// <summary>
/// A round as the organizer revises it: its name, judges per entry and shortlist. Its closing
/// time moves on its own page; <see cref="ClosesAt"/> is read only for a round being added
/// (<see cref="Sequence"/> 0).
/// </summary>
public sealed record RoundRevision(int Sequence, BilingualText Name, int JudgesPerEntry, int? ShortlistTop, decimal? ShortlistPercent, DateTime? ClosesAt = null);
