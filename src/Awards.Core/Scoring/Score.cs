using Awards.Core.Common;
using Awards.Core.Tracks;

namespace Awards.Core.Scoring;

/// <summary>
/// A judge's scores for one assignment: a value per rubric criterion, a comment, and the
/// weighted total. <see cref="Version"/> rises with every save; a save that names an older
/// version is refused, so two tabs cannot silently overwrite each other.
/// </summary>
public class Score
{
    public const int MaxCommentLength = 2_000;

    private Dictionary<int, decimal> _values = [];

    internal Score(JudgeAssignment assignment)
    {
        Assignment = assignment;
    }

    private Score()
    {
        Assignment = null!;
    }

    public int AssignmentId { get; private set; }

    public JudgeAssignment Assignment { get; private set; }

    /// <summary>The value given for each criterion, by criterion id.</summary>
    public IReadOnlyDictionary<int, decimal> Values => _values;

    public string? Comment { get; private set; }

    /// <summary>Σ weight × value over the rubric (weights add up to 1, so it is on the criteria's scale); null until complete.</summary>
    public decimal? Total { get; private set; }

    public ScoreStatus Status { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? SubmittedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>Σ weight × value over the rubric, rounded to 2 places: a score's total, and the CLI's <c>rank</c> from a sheet.</summary>
    public static decimal WeightedTotal(IReadOnlyList<RubricCriterion> criteria, IReadOnlyDictionary<int, decimal> values)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(values);
        return Math.Round(criteria.Sum(c => c.Weight * values[c.Id]), 2);
    }

    /// <summary>
    /// Saves the judge's values. <paramref name="expectedVersion"/> is the version the judge's page
    /// showed; <paramref name="submit"/> counts the score (all criteria needed). A submitted score
    /// stays submitted when revised.
    /// </summary>
    public void Record(
        IReadOnlyList<RubricCriterion> criteria,
        IReadOnlyDictionary<int, decimal?> values,
        string? comment,
        bool submit,
        int expectedVersion,
        JudgingRound round,
        DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(round);
        if (round.IsClosedAt(utcNow))
        {
            throw new DomainException("This round is already closed.");
        }

        if (expectedVersion != Version)
        {
            throw new DomainException(ScoringMessages.ChangedElsewhere);
        }

        if (comment is { Length: > MaxCommentLength })
        {
            throw new DomainException("{0} can have at most {1} characters.", "Comment", MaxCommentLength);
        }

        var given = new Dictionary<int, decimal>();
        foreach (var criterion in criteria)
        {
            if (values.GetValueOrDefault(criterion.Id) is not decimal value)
            {
                continue;
            }

            if (!criterion.Accepts(value))
            {
                throw new DomainException(ScoringMessages.OutOfRange, criterion.Name, criterion.MinScore, criterion.MaxScore);
            }

            // Two decimals at most (85, 85.5, 85.25): a longer fraction no judge meant would decide a tie unseen.
            if (value != decimal.Round(value, 2))
            {
                throw new DomainException(ScoringMessages.TooPrecise, criterion.Name);
            }

            given[criterion.Id] = value;
        }

        var complete = criteria.Count > 0 && criteria.All(c => given.ContainsKey(c.Id));
        if ((submit || Status == ScoreStatus.Submitted) && !complete)
        {
            throw new DomainException(ScoringMessages.Incomplete);
        }

        _values = given;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        Total = complete ? WeightedTotal(criteria, given) : null;
        if (submit && Status != ScoreStatus.Submitted)
        {
            Status = ScoreStatus.Submitted;
            SubmittedAt = utcNow;
        }

        UpdatedAt = utcNow;
        Version++;
    }
}
