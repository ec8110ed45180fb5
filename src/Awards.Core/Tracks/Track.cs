using Awards.Core.Common;

namespace Awards.Core.Tracks;

/// <summary>
/// One thing that is judged and has prizes: a nominated award or an essay theme (PRODUCT.md).
/// </summary>
public class Track
{
    private readonly List<RubricCriterion> _criteria = [];
    private readonly List<AwardLevel> _awardLevels = [];
    private readonly List<JudgingRound> _rounds = [];

    /// <summary>The most criteria a rubric may have: a judge scores each of them for every entry.</summary>
    public const int MaxCriteria = 20;

    /// <summary>The most prize levels a track may have.</summary>
    public const int MaxLevels = 10;

    /// <summary>The most judging rounds a track may have.</summary>
    public const int MaxRounds = 5;

    public Track(string code, BilingualText name, TrackKind kind, Entrant entrant)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new DomainException("A track needs a code.");
        }

        Code = code;
        Name = name;
        Kind = kind;
        Entrant = entrant;
    }

    private Track()
    {
        Code = string.Empty;
        Name = BilingualText.Empty;
    }

    public int Id { get; private set; }

    public int ContestEditionId { get; private set; }

    /// <summary>A stable slug, e.g. <c>innovation</c> or <c>help-story</c>.</summary>
    public string Code { get; private set; }

    public BilingualText Name { get; private set; }

    public BilingualText Description { get; set; } = BilingualText.Empty;

    public TrackKind Kind { get; private set; }

    public Entrant Entrant { get; private set; }

    /// <summary>Blind tracks never show judges who wrote or who is nominated.</summary>
    public bool IsBlind { get; set; } = true;

    /// <summary>
    /// Whether a judge who has submitted their own score for an entry then sees the other judges'
    /// submitted scores and comments for it, without their names (SECURITY.md §2: "others' only
    /// after they submit, if the track allows"). Off unless the organizer allows it.
    /// </summary>
    public bool ShowsPanelScores { get; set; }

    public int SortOrder { get; set; }

    public TrackLimits Limits { get; private set; } = TrackLimits.Default;

    public IReadOnlyList<RubricCriterion> Criteria => _criteria;

    public IReadOnlyList<AwardLevel> AwardLevels => _awardLevels;

    public IReadOnlyList<JudgingRound> Rounds => _rounds;

    public int TotalQuota => _awardLevels.Sum(l => l.Quota);

    public decimal MaxWeightedScore => _criteria.Sum(c => c.Weight * c.MaxScore);

    public void SetLimits(TrackLimits limits) => Limits = limits.Validated();

    public Track AddCriterion(RubricCriterion criterion)
    {
        _criteria.Add(criterion);
        return this;
    }

    public Track AddAwardLevel(AwardLevel level)
    {
        if (_awardLevels.Any(l => l.Rank == level.Rank))
        {
            throw new DomainException("Two award levels of a track cannot share a rank.");
        }

        _awardLevels.Add(level);
        return this;
    }

    public Track AddRound(JudgingRound round)
    {
        if (_rounds.Any(r => r.Sequence == round.Sequence))
        {
            throw new DomainException("Two rounds of a track cannot share a number.");
        }

        var finalBeforePreliminary = round.Kind == RoundKind.Preliminary
            ? _rounds.Any(r => r.Kind == RoundKind.Final && r.Sequence < round.Sequence)
            : _rounds.Any(r => r.Kind == RoundKind.Preliminary && r.Sequence > round.Sequence);
        if (finalBeforePreliminary)
        {
            throw new DomainException("A preliminary round cannot follow the final round.");
        }

        _rounds.Add(round);
        return this;
    }

    /// <summary>
    /// Moves one of the track's open rounds' closing time (<see cref="JudgingRound.Reschedule"/>),
    /// keeping the rounds in their order: a round closes after the round before it and before the
    /// round after it, whose entries come from its shortlist.
    /// </summary>
    public void RescheduleRound(JudgingRound round, DateTime closesAt, DateTime utcNow)
    {
        var ordered = _rounds.OrderBy(r => r.Sequence).ToList();
        var index = ordered.IndexOf(round);
        if (index < 0)
        {
            throw new DomainException("The operation is not allowed.");
        }

        if ((index > 0 && closesAt <= ordered[index - 1].ClosesAt) || (index < ordered.Count - 1 && closesAt >= ordered[index + 1].ClosesAt))
        {
            throw new DomainException("A round must close after the round before it and before the round after it.");
        }

        ordered[index].Reschedule(closesAt, utcNow);
    }

    /// <summary>
    /// A new track of the same kind, set up like this one: who may enter, blind or not, the entry
    /// limits, the rubric (with each criterion's levels), the prize levels with their quotas and bonuses, and
    /// the judging rounds with their closing times. Nothing of its entries, judges or results.
    /// </summary>
    public Track CopyAs(string code, BilingualText name)
    {
        var copy = new Track(code, RequireChineseName(name), Kind, Entrant) { IsBlind = IsBlind, ShowsPanelScores = ShowsPanelScores };

        // A limits of its own: the database keeps them in the track's row (an EF owned type), and
        // one instance cannot belong to two tracks.
        copy.SetLimits(Limits with { });
        foreach (var c in _criteria.OrderBy(c => c.Order))
        {
            var criterion = new RubricCriterion(c.Order, c.Name, c.Description, c.Weight, c.MinScore, c.MaxScore);
            foreach (var level in c.Levels)
            {
                criterion.AddLevel(level);
            }

            copy.AddCriterion(criterion);
        }

        foreach (var level in _awardLevels.OrderBy(l => l.Rank))
        {
            copy.AddAwardLevel(new AwardLevel(level.Rank, level.Name, level.Quota, level.Bonus));
        }

        foreach (var round in _rounds.OrderBy(r => r.Sequence))
        {
            copy.AddRound(new JudgingRound(round.Sequence, round.Kind, round.Name, round.JudgesPerEntry, round.ClosesAt)
            {
                ShortlistTop = round.ShortlistTop,
                ShortlistPercent = round.ShortlistPercent,
            });
        }

        return copy;
    }

    /// <summary>
    /// Judges the track blind or openly. Only a nominated award can be judged openly (judges then
    /// see the nominee; never the nominating unit); an essay is always judged blind. The choice
    /// stays once judges are assigned in any of its rounds (<paramref name="assigned"/>): a judge
    /// who has seen a name cannot unsee it, and one judge's entries would be read two ways.
    /// </summary>
    public void SetBlind(bool blind, bool assigned)
    {
        if (blind == IsBlind)
        {
            return;
        }

        if (Kind != TrackKind.Nomination)
        {
            throw new DomainException("The operation is not allowed.");
        }

        if (assigned)
        {
            throw new DomainException("Judges are already assigned in {0}, so whether it is judged blind can no longer change.", Name);
        }

        IsBlind = blind;
    }

    /// <summary>Renames the track and rewrites its description; a track always has a Chinese name.</summary>
    public void Rename(BilingualText name, BilingualText description)
    {
        ArgumentNullException.ThrowIfNull(description);
        Name = RequireChineseName(name);
        Description = description;
    }

    private static BilingualText RequireChineseName(BilingualText name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.IsNullOrWhiteSpace(name.Zh) ? throw new DomainException("A track needs a Chinese name.") : name;
    }

    /// <summary>
    /// Rewrites the rubric. A revision with the <see cref="CriterionRevision.Order"/> of an existing
    /// criterion rewrites it; one with order 0 adds a criterion at the end; a criterion without a
    /// revision is removed. The wording may change at any time. Everything else (weights, score
    /// ranges, which criteria there are) may change only while nobody has scored the track
    /// (<paramref name="scored"/>): a score given on the old rubric would be counted on the new one.
    /// Either every change applies or none does; a rubric keeps at least one criterion, and its
    /// weights must still add up to 1.
    /// </summary>
    public void ReviseRubric(IReadOnlyList<CriterionRevision> revisions, bool scored)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        if (revisions.Count == 0 && _criteria.Count == 0)
        {
            // A track without a rubric (none came with its seed) that stays without one.
            return;
        }

        var kept = revisions.Where(r => r.Order != 0).ToList();
        var added = revisions.Where(r => r.Order == 0).ToList();
        if (kept.Select(r => r.Order).Distinct().Count() != kept.Count || kept.Any(r => _criteria.All(c => c.Order != r.Order)))
        {
            // A criterion named twice, or one that is not (or no longer) in the rubric.
            throw new DomainException("The operation is not allowed.");
        }

        var pairs = kept.Select(r => (Criterion: _criteria.Single(c => c.Order == r.Order), Revision: r)).ToList();
        var removed = _criteria.Where(c => kept.All(r => r.Order != c.Order)).ToList();
        if (scored && (added.Count > 0 || removed.Count > 0 || pairs.Any(p => p.Criterion.Rescales(p.Revision))))
        {
            throw new DomainException("Judges have started scoring {0}, so its criteria, their weights and their score ranges can no longer change; their names and descriptions can.", Name);
        }

        if (revisions.Count == 0)
        {
            throw new DomainException("A rubric needs at least one criterion.");
        }

        if (revisions.Count > MaxCriteria)
        {
            throw new DomainException("A rubric can have at most {0} criteria.", MaxCriteria);
        }

        foreach (var (criterion, revision) in pairs)
        {
            criterion.CheckRevision(revision);
        }

        var next = _criteria.Count == 0 ? 1 : _criteria.Max(c => c.Order) + 1;
        var newCriteria = added.Select(r =>
        {
            var criterion = new RubricCriterion(next++, r.Name, r.Description, r.Weight, r.MinScore, r.MaxScore);
            criterion.CheckRevision(r with { Order = criterion.Order });
            return criterion;
        }).ToList();

        var total = revisions.Sum(r => r.Weight);
        if (Math.Abs(total - 1m) > 0.0001m)
        {
            throw new DomainException("The criteria weights of {0} add up to {1}, not 1.", Name, total);
        }

        foreach (var (criterion, revision) in pairs)
        {
            criterion.Revise(revision);
        }

        foreach (var criterion in removed)
        {
            _criteria.Remove(criterion);
        }

        _criteria.AddRange(newCriteria);
    }

    /// <summary>
    /// Revises the prize levels: a revision with the <see cref="LevelRevision.Rank"/> of a level
    /// renames it; one with rank 0 adds a level below the others, with its quota; a level without
    /// a revision is removed, and the levels below it move up, so that ranks stay 1, 2, 3...
    /// Once the track's results are published (<paramref name="published"/>) nothing changes: the
    /// notice and the certificates carry the levels. A level that an override on the results page
    /// names (<paramref name="overridden"/>, by rank) stays. The Outstanding Organization Award
    /// keeps its one level. A level's bonus (<see cref="LevelRevision.Bonus"/>, null: as it is) may
    /// change while the results are on notice, which never shows it, but not once they are final
    /// (<paramref name="final"/>): the bonus payment sheet is drawn from the final results.
    /// All or nothing. Returns each kept level's new rank by its old one, for
    /// the overrides that name a level by rank.
    /// </summary>
    public IReadOnlyDictionary<int, int> ReviseLevels(IReadOnlyList<LevelRevision> revisions, bool published, IReadOnlySet<int> overridden, bool final = false)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        ArgumentNullException.ThrowIfNull(overridden);
        var kept = revisions.Where(r => r.Rank != 0).ToList();
        var added = revisions.Where(r => r.Rank == 0).ToList();
        if (kept.Select(r => r.Rank).Distinct().Count() != kept.Count || kept.Any(r => _awardLevels.All(l => l.Rank != r.Rank)))
        {
            // A level named twice, or one that is not (or no longer) there.
            throw new DomainException("The operation is not allowed.");
        }

        var removed = _awardLevels.Where(l => kept.All(r => r.Rank != l.Rank)).OrderBy(l => l.Rank).ToList();
        var renamed = kept.Select(r => (Level: _awardLevels.Single(l => l.Rank == r.Rank), r.Name)).Where(p => p.Level.Name != p.Name).ToList();
        var rebonused = kept.Where(r => r.Bonus is int b && _awardLevels.Single(l => l.Rank == r.Rank).Bonus != b)
            .Select(r => (Level: _awardLevels.Single(l => l.Rank == r.Rank), Bonus: r.Bonus!.Value)).ToList();
        if (revisions.Any(r => r.Bonus is < 0 or > AwardLevel.MaxBonus))
        {
            throw new DomainException("A bonus is a whole number of yuan from 0 to {0}.", AwardLevel.MaxBonus);
        }

        if (final && rebonused.Count > 0)
        {
            throw new DomainException("The results of {0} are final, so its bonuses can no longer change: the bonus payment sheet is drawn from them.", Name);
        }

        if (added.Count == 0 && removed.Count == 0 && renamed.Count == 0)
        {
            foreach (var (level, bonus) in rebonused)
            {
                level.ChangeBonus(bonus);
            }

            return _awardLevels.ToDictionary(l => l.Rank, l => l.Rank);
        }

        if (published)
        {
            throw new DomainException("The results of {0} are published, so its prize levels can no longer change: the notice and the certificates carry them.", Name);
        }

        if (Kind == TrackKind.UnitAward && (added.Count > 0 || removed.Count > 0))
        {
            throw new DomainException("The operation is not allowed.");
        }

        if (revisions.Count == 0)
        {
            throw new DomainException("An award needs at least one prize level.");
        }

        if (revisions.Count > MaxLevels)
        {
            throw new DomainException("An award can have at most {0} prize levels.", MaxLevels);
        }

        if (revisions.Any(r => string.IsNullOrWhiteSpace(r.Name.Zh)))
        {
            throw new DomainException("Every prize level needs a Chinese name.");
        }

        if (removed.FirstOrDefault(l => overridden.Contains(l.Rank)) is { } named)
        {
            throw new DomainException("An override on the results page moved an entry to {0}, so that level cannot be removed.", named.Name);
        }

        var newLevels = added.Select(r => new AwardLevel(MaxLevels + 1, r.Name, r.Quota ?? 0, r.Bonus ?? 0)).ToList();
        foreach (var (level, name) in renamed)
        {
            level.Rename(name);
        }

        foreach (var (level, bonus) in rebonused)
        {
            level.ChangeBonus(bonus);
        }

        foreach (var level in removed)
        {
            _awardLevels.Remove(level);
        }

        var ranks = new Dictionary<int, int>();
        var rank = 1;
        foreach (var level in _awardLevels.OrderBy(l => l.Rank).ToList())
        {
            ranks[level.Rank] = rank;
            level.Renumber(rank++);
        }

        foreach (var level in newLevels)
        {
            level.Renumber(rank++);
            _awardLevels.Add(level);
        }

        return ranks;
    }

    /// <summary>
    /// Revises the judging rounds, one revision per round by number: names always; a round's
    /// judges per entry until judges are assigned in it (<paramref name="assigned"/>, by round
    /// number); the size of its shortlist until the next round has judges assigned, since that
    /// is when the shortlist goes on. A round with no round after it has no shortlist.
    /// A revision with number 0 adds a round after the last, a final round whose closing time
    /// (<see cref="RoundRevision.ClosesAt"/>) lies ahead and after the round before it. A round
    /// without a revision is removed: only the last rounds can go, and only while nobody is on
    /// their panel or assigned in them (<paramref name="staffed"/>); one round always stays. Once
    /// the results are published (<paramref name="published"/>) no round is added or removed.
    /// All or nothing.
    /// </summary>
    public void ReviseRounds(IReadOnlyList<RoundRevision> revisions, IReadOnlySet<int> assigned, IReadOnlySet<int>? staffed = null, DateTime? utcNow = null, bool published = false)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        ArgumentNullException.ThrowIfNull(assigned);
        staffed ??= assigned;
        var rounds = _rounds.OrderBy(r => r.Sequence).ToList();
        var kept = revisions.Where(r => r.Sequence != 0).ToList();
        var added = revisions.Where(r => r.Sequence == 0).ToList();
        if (kept.Select(r => r.Sequence).Distinct().Count() != kept.Count || kept.Any(r => rounds.All(x => x.Sequence != r.Sequence)))
        {
            throw new DomainException("The operation is not allowed.");
        }

        var remaining = rounds.Where(r => kept.Any(k => k.Sequence == r.Sequence)).ToList();
        var removed = rounds.Except(remaining).ToList();
        if (rounds.Count == 0 && (added.Count > 0 || removed.Count > 0))
        {
            // An award without rounds (the Outstanding Organization Award) is not judged.
            throw new DomainException("The operation is not allowed.");
        }

        if (published && (added.Count > 0 || removed.Count > 0))
        {
            throw new DomainException("The results of {0} are published, so its judging rounds can no longer be added or removed.", Name);
        }

        if (remaining.Count == 0 && rounds.Count > 0)
        {
            throw new DomainException("An award needs at least one judging round.");
        }

        if (remaining.Count + added.Count > MaxRounds)
        {
            throw new DomainException("An award can have at most {0} judging rounds.", MaxRounds);
        }

        if (removed.Any(r => r.Sequence < remaining.Max(x => x.Sequence)))
        {
            throw new DomainException("Only the last judging rounds can be removed: the rounds after a round take their entries from its shortlist.");
        }

        if (removed.FirstOrDefault(r => staffed.Contains(r.Sequence)) is { } staffedRound)
        {
            throw new DomainException("{0} has judges on its panel or assigned, so it cannot be removed.", staffedRound.Name);
        }

        var now = added.Count == 0 ? default : utcNow ?? throw new ArgumentNullException(nameof(utcNow));
        var newRounds = new List<JudgingRound>();
        var previous = remaining.LastOrDefault();
        foreach (var revision in added)
        {
            if (previous is null || revision.ClosesAt is not DateTime closesAt || closesAt <= now || closesAt <= previous.ClosesAt)
            {
                throw new DomainException("A new round must close in the future and after the round before it.");
            }

            // Built with a valid k so that CheckRevision, not the constructor, names what is wrong.
            var round = new JudgingRound(previous.Sequence + 1, RoundKind.Final, revision.Name, Math.Max(1, revision.JudgesPerEntry), closesAt);
            round.CheckRevision(revision with { Sequence = round.Sequence, ShortlistTop = null, ShortlistPercent = null }, assigned: false, shortlisted: false);
            newRounds.Add(round);
            previous = round;
        }

        var pairs = remaining.Select((round, i) =>
        {
            var revision = kept.Single(r => r.Sequence == round.Sequence);
            var last = i == remaining.Count - 1 && newRounds.Count == 0;
            var next = i + 1 < remaining.Count ? remaining[i + 1] : null;
            return (Round: round, Revision: last ? revision with { ShortlistTop = null, ShortlistPercent = null } : revision, Shortlisted: next is not null && assigned.Contains(next.Sequence));
        }).ToList();
        foreach (var (round, revision, shortlisted) in pairs)
        {
            round.CheckRevision(revision, assigned.Contains(round.Sequence), shortlisted);
        }

        foreach (var (round, revision, _) in pairs)
        {
            round.Revise(revision);
        }

        foreach (var round in removed)
        {
            _rounds.Remove(round);
        }

        foreach (var round in newRounds)
        {
            AddRound(round);
        }
    }

    /// <summary>A rubric is usable when it has criteria and their weights add up to 1.</summary>
    public void EnsureRubricIsComplete()
    {
        if (_criteria.Count == 0)
        {
            throw new DomainException("The rubric of {0} has no criteria.", Code);
        }

        var total = _criteria.Sum(c => c.Weight);
        if (Math.Abs(total - 1m) > 0.0001m)
        {
            throw new DomainException("The criteria weights of {0} add up to {1}, not 1.", Code, total);
        }
    }
}
