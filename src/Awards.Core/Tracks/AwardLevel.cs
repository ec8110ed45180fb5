using Awards.Core.Common;

namespace Awards.Core.Tracks;

/// <summary>A prize level of a track with its quota, e.g. first prize, 5.</summary>
public class AwardLevel
{
    /// <summary>The largest bonus a prize may carry, in yuan: a typo of a few zeros more is refused, not paid.</summary>
    public const int MaxBonus = 1_000_000;

    public AwardLevel(int rank, BilingualText name, int quota, int bonus = 0)
    {
        if (rank < 1)
        {
            throw new DomainException("An award level's rank starts at 1.");
        }

        if (quota < 0)
        {
            throw new DomainException("A quota cannot be negative.");
        }

        CheckBonus(bonus);
        Rank = rank;
        Name = name;
        Quota = quota;
        Bonus = bonus;
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

    /// <summary>
    /// What each winner of the level is paid, in whole yuan; 0 for no bonus. Never public: it is on
    /// the organizer's results page, the draft list and the bonus payment sheet only.
    /// </summary>
    public int Bonus { get; private set; }

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

    /// <summary>Sets the bonus of each winner of the level; whether it may still change is <see cref="Track.ReviseLevels"/>'s to say.</summary>
    internal void ChangeBonus(int bonus)
    {
        CheckBonus(bonus);
        Bonus = bonus;
    }

    private static void CheckBonus(int bonus)
    {
        if (bonus < 0 || bonus > MaxBonus)
        {
            throw new DomainException("A bonus is a whole number of yuan from 0 to {0}.", MaxBonus);
        }
    }
}

/// <summary>
/// A prize level as the organizer revises it: rank 0 for a level being added, with its quota;
/// the quota of a level already there is set on the results page and is not read here.
/// <paramref name="Bonus"/> is each winner's bonus in yuan (0 for none); null leaves it as it is.
/// </summary>
public sealed record LevelRevision(int Rank, BilingualText Name, int? Quota = null, int? Bonus = null);
