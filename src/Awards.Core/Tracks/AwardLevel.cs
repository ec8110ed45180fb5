using Awards.Core.Common;

namespace Awards.Core.Tracks;

/// <summary>A prize level of a track with its quota, e.g. first prize, 5.</summary>
public class AwardLevel
{
    public AwardLevel(int rank, BilingualText name, int quota)
    {
        if (rank < 1)
        {
            throw new DomainException("An award level's rank starts at 1.");
        }

        if (quota < 0)
        {
            throw new DomainException("A quota cannot be negative.");
        }

        Rank = rank;
        Name = name;
        Quota = quota;
    }

    private AwardLevel()
    {
        Name = BilingualText.Empty;
    }

    public int Id { get; private set; }

    public int TrackId { get; private set; }

    /// <summary>1 is the highest level.</summary>
    public int Rank { get; private set; }

    public BilingualText Name { get; private set; }

    public int Quota { get; private set; }

    /// <summary>Gives the level a new name; a level always has a Chinese name.</summary>
    public void Rename(BilingualText name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.IsNullOrWhiteSpace(name.Zh))
        {
            throw new DomainException("Every prize level needs a Chinese name.");
        }

        Name = name;
    }

    /// <summary>Moves the level to another rank, when a level above it is removed or it is added (<see cref="Track.ReviseLevels"/>).</summary>
    internal void Renumber(int rank) => Rank = rank;

    public void ChangeQuota(int quota)
    {
        if (quota < 0)
        {
            throw new DomainException("A quota cannot be negative.");
        }

        Quota = quota;
    }
}

/// <summary>
/// A prize level as the organizer revises it: rank 0 for a level being added, with its quota;
/// the quota of a level already there is set on the results page and is not read here.
/// </summary>
public sealed record LevelRevision(int Rank, BilingualText Name, int? Quota = null);
