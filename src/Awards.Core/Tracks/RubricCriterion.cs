using Awards.Core.Common;

namespace Awards.Core.Tracks;

/// <summary>
/// One weighted criterion of a track's rubric. A judge gives a score from
/// <see cref="MinScore"/> to <see cref="MaxScore"/>; the levels describe what each band means.
/// </summary>
public class RubricCriterion
{
    private readonly List<CriterionLevel> _levels = [];

    public RubricCriterion(int order, BilingualText name, BilingualText description, decimal weight, int minScore, int maxScore)
    {
        if (weight <= 0)
        {
            throw new DomainException("A criterion's weight must be positive.");
        }

        if (minScore < 0 || maxScore <= minScore)
        {
            throw new DomainException("A criterion's score range must run from a non-negative minimum up to a larger maximum.");
        }

        Order = order;
        Name = name;
        Description = description;
        Weight = weight;
        MinScore = minScore;
        MaxScore = maxScore;
    }

    private RubricCriterion()
    {
        Name = BilingualText.Empty;
        Description = BilingualText.Empty;
    }

    public int Id { get; private set; }

    public int TrackId { get; private set; }

    public int Order { get; private set; }

    public BilingualText Name { get; private set; }

    public BilingualText Description { get; private set; }

    /// <summary>Weights of a rubric add up to 1.</summary>
    public decimal Weight { get; private set; }

    public int MinScore { get; private set; }

    public int MaxScore { get; private set; }

    public IReadOnlyList<CriterionLevel> Levels => _levels;

    public RubricCriterion AddLevel(CriterionLevel level)
    {
        if (level.MinScore < MinScore || level.MaxScore > MaxScore || level.MaxScore < level.MinScore)
        {
            throw new DomainException("A level's score band must lie inside its criterion's range.");
        }

        if (_levels.Any(l => l.MinScore <= level.MaxScore && level.MinScore <= l.MaxScore))
        {
            throw new DomainException("The score bands of a criterion's levels must not overlap.");
        }

        _levels.Add(level);
        return this;
    }

    public bool Accepts(decimal score) => score >= MinScore && score <= MaxScore;

    /// <summary>
    /// Checks a new wording, weight and score range for this criterion (<see cref="Revise"/>)
    /// without changing anything: the name needs its Chinese, the weight must be positive, and the
    /// range must still hold every level's band, which the judges read beside the scores.
    /// </summary>
    public void CheckRevision(CriterionRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        if (string.IsNullOrWhiteSpace(revision.Name.Zh))
        {
            throw new DomainException("Every criterion needs a Chinese name.");
        }

        if (revision.Weight <= 0)
        {
            throw new DomainException("A criterion's weight must be positive.");
        }

        if (revision.MinScore < 0 || revision.MaxScore <= revision.MinScore)
        {
            throw new DomainException("A criterion's score range must run from a non-negative minimum up to a larger maximum.");
        }

        if (_levels.Count > 0 && (_levels.Min(l => l.MinScore) < revision.MinScore || _levels.Max(l => l.MaxScore) > revision.MaxScore))
        {
            throw new DomainException("The levels of the criterion {0} describe scores from {1} to {2}; its score range must include them.", Name, _levels.Min(l => l.MinScore), _levels.Max(l => l.MaxScore));
        }
    }

    /// <summary>Applies a revision that <see cref="CheckRevision"/> accepted.</summary>
    public void Revise(CriterionRevision revision)
    {
        CheckRevision(revision);
        Name = revision.Name;
        Description = revision.Description;
        Weight = revision.Weight;
        MinScore = revision.MinScore;
        MaxScore = revision.MaxScore;
    }

    /// <summary>Whether the revision changes how a score is given or counted (the weight or the range), not only the wording.</summary>
    public bool Rescales(CriterionRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        return revision.Weight != Weight || revision.MinScore != MinScore || revision.MaxScore != MaxScore;
    }
}

/// <summary>A criterion as the organizer rewrites it: its wording, weight and score range; its levels stay.</summary>
public sealed record CriterionRevision(int Order, BilingualText Name, BilingualText Description, decimal Weight, int MinScore, int MaxScore);

/// <summary>What a band of scores means, e.g. 18–20: "vivid, moving, true to life".</summary>
public sealed record CriterionLevel(int MinScore, int MaxScore, BilingualText Label, BilingualText Description);
