using Awards.Core.Common;
using static Awards.Core.Ranking.DecimalStatistics;

namespace Awards.Core.Ranking;

/// <summary>
/// Ranks a track's scored entries and gives them prize levels. The rules, as the site shows them
/// to organizers:
/// <list type="number">
/// <item><b>Normalized totals.</b> Every judge's totals are also shown normalized, whatever the
/// method: a judge with at least <see cref="RankingSettings.MinScoresToNormalize"/> scores that are
/// not all equal gets z = (total − the judge's mean) / the judge's standard deviation, and the
/// normalized total is the pool's mean + z × the pool's standard deviation, where the pool is every
/// raw total of every judge given (population standard deviations), kept within the scale and
/// rounded to 2 places. Any other judge's normalized total is the raw total.</item>
/// <item><b>Score.</b> Mean is the mean of the raw totals, Spread the highest minus the lowest,
/// TopScores the number of raw totals of at least Min + TopBand × (Max − Min). The score is the
/// mean of the raw totals (<see cref="AggregationMethod.RawMean"/>), the mean of the raw totals
/// without one highest and one lowest when there are 5 judges or more
/// (<see cref="AggregationMethod.TrimmedMean"/>), or the mean of the normalized totals
/// (<see cref="AggregationMethod.ZScore"/>). Median is the median of all the raw totals, or of
/// the normalized ones for ZScore. Scores, means, medians and spreads are rounded to 2 places,
/// halves away from zero, and compared as rounded.</item>
/// <item><b>Order.</b> Score, then median, then top scores, highest first. Entries still equal
/// on all three are ordered by the organizer's tie order: entries in it first, by their place in
/// it, then the others (by id, which decides nothing). Two neighbours equal on all three and not
/// both in the tie order are a tie: both are flagged <see cref="RankFlags.Tie"/> and share a
/// place. Neighbours both in the tie order are flagged <see cref="RankFlags.ResolvedByOrganizer"/>
/// and keep their own places. Place is the position of the first entry of its tie (1, 2, 2, 4).</item>
/// <item><b>Levels.</b> An entry qualifies when there is no minimum score or its score reaches
/// it; otherwise it is flagged <see cref="RankFlags.BelowMinimum"/> and gets no level. Going down
/// the qualified entries, the first quota of level 1 get level 1, the next quota of level 2 get
/// level 2, and so on; a level with quota 0 is skipped and the entries after the last prize get
/// none. With fewer qualified entries than prizes, the lowest levels are left partly unfilled.</item>
/// <item><b>Boundary ties.</b> When the members of a tie get different levels (or one a level and
/// another none), they all keep the level of their position but are flagged
/// <see cref="RankFlags.BoundaryTie"/>: the organizer decides by putting them in the tie order.
/// An override does not clear the flag.</item>
/// <item><b>Disputes.</b> An entry whose spread is above the dispute threshold is flagged
/// <see cref="RankFlags.Disputed"/>; if it also qualifies and its position is the last of a
/// level's quota or the first after it (the last prize included), it is flagged
/// <see cref="RankFlags.DisputedAtBoundary"/> too. An entry with fewer submitted totals than the
/// judges it was given (<see cref="RankingSettings.Assigned"/>) is flagged
/// <see cref="RankFlags.ShortOfScores"/>; it is ranked on the totals it has.</item>
/// <item><b>Overrides.</b> The organizer's override (the last one given for an entry) sets the
/// entry's level, or no prize, with a written reason, and flags it
/// <see cref="RankFlags.Overridden"/>; the computed level is still shown. Overrides for entries
/// without scores are ignored.</item>
/// <item><b>Earlier rounds.</b> When a track was judged in rounds, the ranked round comes first
/// and each earlier round after it (<see cref="RankingTier"/>). An earlier round's entries that
/// went on to a later round, or were ranked there, are left out; the rest are ranked by rules 1–3
/// among themselves (normalized with everything their judges scored in that round), placed below
/// every entry of the rounds before, flagged <see cref="RankFlags.EarlierRound"/>, and given the
/// prizes those rounds left: a final panel of 26 fills the first 26 of 85 places, the preliminary
/// round the other 59.</item>
/// </list>
/// The result does not depend on the order of the scores or of the levels.
/// </summary>
public static class Ranker
{
    /// <summary>Ranks the scored entries and gives them levels (see the rules above).</summary>
    /// <param name="scores">Every submitted total; an entry without one is not ranked.</param>
    /// <param name="settings">The method, minimum score, levels and scale.</param>
    /// <param name="overrides">The organizer's level decisions; the last one per entry counts.</param>
    /// <param name="tieOrder">The organizer's order for entries that are otherwise equal, first = higher.</param>
    /// <exception cref="DomainException">
    /// When the scale's maximum is not above its minimum, a quota is negative, a level is listed
    /// twice, a judge scored an entry twice, or an override has no reason or names an unknown level.
    /// </exception>
    public static Ranking Rank(
        IReadOnlyList<JudgeScore> scores,
        RankingSettings settings,
        IReadOnlyList<EntryOverride> overrides,
        IReadOnlyList<int> tieOrder) =>
        Rank([new RankingTier(scores ?? throw new ArgumentNullException(nameof(scores)), new HashSet<int>())], settings, overrides, tieOrder);

    /// <summary>
    /// Ranks the entries of more than one judging round (rule 8): the first tier's entries are
    /// ranked and given levels as above; each next tier's entries not ranked before it and not in
    /// its <see cref="RankingTier.Leave"/> are ranked among themselves, placed below every entry
    /// of the tiers before, and fill only the prizes those tiers left.
    /// </summary>
    /// <param name="tiers">The rounds' scores, the ranked (latest) round first.</param>
    /// <param name="settings">The method, minimum score, levels and scale.</param>
    /// <param name="overrides">The organizer's level decisions; the last one per entry counts.</param>
    /// <param name="tieOrder">The organizer's order for entries that are otherwise equal, first = higher.</param>
    public static Ranking Rank(
        IReadOnlyList<RankingTier> tiers,
        RankingSettings settings,
        IReadOnlyList<EntryOverride> overrides,
        IReadOnlyList<int> tieOrder)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(settings.Levels);
        ArgumentNullException.ThrowIfNull(settings.Scale);
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(tieOrder);
        foreach (var tier in tiers)
        {
            ArgumentNullException.ThrowIfNull(tier);
            ArgumentNullException.ThrowIfNull(tier.Scores);
            ArgumentNullException.ThrowIfNull(tier.Leave);
            Validate(tier.Scores, settings);
        }

        var levels = settings.Levels.OrderBy(l => l.Rank).ToList();
        var tieIndex = new Dictionary<int, int>();
        for (var i = 0; i < tieOrder.Count; i++)
        {
            tieIndex.TryAdd(tieOrder[i], i);
        }

        var lines = new List<Line>();
        var ranked = new HashSet<int>();
        var qualifiedCount = 0;
        for (var t = 0; t < tiers.Count; t++)
        {
            // The whole round is normalized together, the entries it passed on to a later round
            // included: a judge's scale is read from everything that judge scored in it.
            var scored = Aggregate(tiers[t].Scores, settings);
            scored.RemoveAll(e => ranked.Contains(e.EntryId) || tiers[t].Leave.Contains(e.EntryId));
            scored.Sort((a, b) => Compare(a, b, tieIndex));

            var tierLines = new List<Line>(scored.Count);
            var offset = lines.Count;
            for (var i = 0; i < scored.Count; i++)
            {
                var line = new Line(scored[i]) { Position = offset + i + 1, Place = offset + i + 1, Tier = t };
                if (t > 0)
                {
                    line.Flags |= RankFlags.EarlierRound;
                }

                if (i > 0 && SameKeys(scored[i - 1], scored[i]))
                {
                    var previous = tierLines[i - 1];
                    if (tieIndex.ContainsKey(previous.Entry.EntryId) && tieIndex.ContainsKey(line.Entry.EntryId))
                    {
                        previous.Flags |= RankFlags.ResolvedByOrganizer;
                        line.Flags |= RankFlags.ResolvedByOrganizer;
                    }
                    else
                    {
                        previous.Flags |= RankFlags.Tie;
                        line.Flags |= RankFlags.Tie;
                        line.Place = previous.Place;
                    }
                }

                tierLines.Add(line);
                ranked.Add(line.Entry.EntryId);
            }

            qualifiedCount = AllocateLevels(tierLines, levels, settings, qualifiedCount);
            lines.AddRange(tierLines);
        }

        FlagBoundaryTies(lines);
        ApplyOverrides(lines, levels, overrides);

        var entries = lines.Select(l => l.ToRankedEntry()).ToList();
        var fills = levels.Select(l => new LevelFill(l.Rank, l.Quota, entries.Count(e => e.Level == l.Rank))).ToList();
        return new Ranking(entries, fills, qualifiedCount);
    }

    private static void Validate(IReadOnlyList<JudgeScore> scores, RankingSettings settings)
    {
        if (settings.Scale.Max <= settings.Scale.Min)
        {
            throw new DomainException("The scale's maximum must be above its minimum.");
        }

        var ranks = new HashSet<int>();
        foreach (var level in settings.Levels)
        {
            if (level.Quota < 0)
            {
                throw new DomainException("A quota cannot be negative.");
            }

            if (!ranks.Add(level.Rank))
            {
                throw new DomainException("Level {0} is listed more than once.", level.Rank);
            }
        }

        var pairs = new HashSet<(int, string)>();
        foreach (var score in scores)
        {
            ArgumentNullException.ThrowIfNull(score);
            ArgumentNullException.ThrowIfNull(score.Judge);
            if (!pairs.Add((score.EntryId, score.Judge)))
            {
                throw new DomainException("Judge {0} has more than one score for entry {1}.", score.Judge, score.EntryId);
            }
        }
    }

    /// <summary>Each entry's numbers, from the raw and normalized totals (rules 1 and 2).</summary>
    private static List<Scored> Aggregate(IReadOnlyList<JudgeScore> scores, RankingSettings settings)
    {
        var scale = settings.Scale;
        var pool = scores.Select(s => s.Total).ToList();
        var (poolMean, poolDeviation) = pool.Count == 0 ? (0, 0) : MeanAndDeviation(pool);

        var totals = new List<(int EntryId, JudgeTotal Total)>(scores.Count);
        foreach (var judge in scores.GroupBy(s => s.Judge, StringComparer.Ordinal))
        {
            var raw = judge.Select(s => s.Total).ToList();
            var (mean, deviation) = MeanAndDeviation(raw);
            var normalize = raw.Count >= settings.MinScoresToNormalize && deviation > 0;
            foreach (var score in judge)
            {
                var normalized = normalize
                    ? Round2(Math.Clamp(poolMean + ((score.Total - mean) / deviation * poolDeviation), scale.Min, scale.Max))
                    : score.Total;
                totals.Add((score.EntryId, new JudgeTotal(score.Judge, score.Total, normalized, normalize)));
            }
        }

        var topScore = scale.Min + (settings.TopBand * (scale.Max - scale.Min));
        return
        [
            .. totals.GroupBy(t => t.EntryId).Select(entry =>
            {
                var judges = entry.Select(t => t.Total).OrderBy(t => t.Judge, StringComparer.Ordinal).ToList();
                var raw = judges.Select(j => j.Raw).ToList();
                var normalized = judges.Select(j => j.Normalized).ToList();
                var rawMean = Mean(raw);
                var score = settings.Method switch
                {
                    AggregationMethod.RawMean => rawMean,
                    AggregationMethod.TrimmedMean => raw.Count >= 5 ? Mean([.. raw.Order().Skip(1).Take(raw.Count - 2)]) : rawMean,
                    AggregationMethod.ZScore => Mean(normalized),
                    _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Method, "Unknown aggregation method."),
                };
                var median = settings.Method == AggregationMethod.ZScore ? Median(normalized) : Median(raw);
                return new Scored(
                    entry.Key,
                    Round2(score),
                    Round2(rawMean),
                    Round2(median),
                    raw.Count(t => t >= topScore),
                    Round2(raw.Max() - raw.Min()),
                    judges);
            }),
        ];
    }

    /// <summary>Rule 3: score, median, top scores, then the tie order, then the id.</summary>
    private static int Compare(Scored a, Scored b, Dictionary<int, int> tieIndex)
    {
        var byKeys = b.Score.CompareTo(a.Score);
        byKeys = byKeys != 0 ? byKeys : b.Median.CompareTo(a.Median);
        byKeys = byKeys != 0 ? byKeys : b.TopScores.CompareTo(a.TopScores);
        if (byKeys != 0)
        {
            return byKeys;
        }

        var aOrdered = tieIndex.TryGetValue(a.EntryId, out var aIndex);
        var bOrdered = tieIndex.TryGetValue(b.EntryId, out var bIndex);
        if (aOrdered != bOrdered)
        {
            return aOrdered ? -1 : 1;
        }

        return aOrdered && aIndex != bIndex ? aIndex.CompareTo(bIndex) : a.EntryId.CompareTo(b.EntryId);
    }

    private static bool SameKeys(Scored a, Scored b) =>
        a.Score == b.Score && a.Median == b.Median && a.TopScores == b.TopScores;

    /// <summary>
    /// Rules 4 and 6: qualification, the levels by position, and disputes. <paramref name="qualified"/>
    /// entries of earlier tiers already qualified; returns the qualified count with this tier's.
    /// </summary>
    private static int AllocateLevels(List<Line> lines, List<LevelQuota> levels, RankingSettings settings, long qualified)
    {
        // The cuts: the last qualified position of each level with prizes.
        var cuts = new HashSet<long>();
        long end = 0;
        foreach (var level in levels.Where(l => l.Quota > 0))
        {
            end += level.Quota;
            cuts.Add(end);
        }

        foreach (var line in lines)
        {
            var disputed = line.Entry.Spread > settings.DisputeThreshold;
            if (disputed)
            {
                line.Flags |= RankFlags.Disputed;
            }

            if (settings.Assigned is { } assigned && assigned.TryGetValue(line.Entry.EntryId, out var given) && line.Entry.Judges.Count < given)
            {
                line.Flags |= RankFlags.ShortOfScores;
            }

            if (settings.MinimumScore is decimal minimum && line.Entry.Score < minimum)
            {
                line.Flags |= RankFlags.BelowMinimum;
                continue;
            }

            line.Qualified = true;
            qualified++;
            line.ComputedLevel = LevelAt(levels, qualified);
            if (disputed && (cuts.Contains(qualified) || cuts.Contains(qualified - 1)))
            {
                line.Flags |= RankFlags.DisputedAtBoundary;
            }
        }

        return (int)qualified;
    }

    private static int? LevelAt(List<LevelQuota> levels, long qualifiedPosition)
    {
        long end = 0;
        foreach (var level in levels)
        {
            end += level.Quota;
            if (qualifiedPosition <= end)
            {
                return level.Rank;
            }
        }

        return null;
    }

    /// <summary>Rule 5: ties whose members get different levels.</summary>
    private static void FlagBoundaryTies(List<Line> lines)
    {
        foreach (var tie in lines.GroupBy(l => l.Place).Where(g => g.Count() > 1))
        {
            if (tie.Select(l => l.ComputedLevel).Distinct().Count() > 1)
            {
                foreach (var line in tie)
                {
                    line.Flags |= RankFlags.BoundaryTie;
                }
            }
        }
    }

    /// <summary>Rule 7: the last override per entry sets its level.</summary>
    private static void ApplyOverrides(List<Line> lines, List<LevelQuota> levels, IReadOnlyList<EntryOverride> overrides)
    {
        var last = new Dictionary<int, EntryOverride>();
        foreach (var entryOverride in overrides)
        {
            ArgumentNullException.ThrowIfNull(entryOverride);
            last[entryOverride.EntryId] = entryOverride;
        }

        foreach (var line in lines)
        {
            line.Level = line.ComputedLevel;
            if (!last.TryGetValue(line.Entry.EntryId, out var decision))
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(decision.Reason))
            {
                throw new DomainException("An override needs a written reason.");
            }

            if (decision.LevelRank is int rank && !levels.Any(l => l.Rank == rank))
            {
                throw new DomainException("The override of entry {0} names level {1}, which the track does not have.", decision.EntryId, rank);
            }

            line.Level = decision.LevelRank;
            line.OverrideReason = decision.Reason;
            line.Flags |= RankFlags.Overridden;
        }
    }

    /// <summary>An entry's numbers before its position is known.</summary>
    private sealed record Scored(
        int EntryId, decimal Score, decimal Mean, decimal Median, int TopScores, decimal Spread, IReadOnlyList<JudgeTotal> Judges);

    /// <summary>An entry's line while the ranking is built.</summary>
    private sealed class Line(Scored entry)
    {
        public Scored Entry { get; } = entry;

        public int Position { get; init; }

        public int Place { get; set; }

        public int Tier { get; init; }

        public bool Qualified { get; set; }

        public int? ComputedLevel { get; set; }

        public int? Level { get; set; }

        public string? OverrideReason { get; set; }

        public RankFlags Flags { get; set; }

        public RankedEntry ToRankedEntry() => new(
            Entry.EntryId, Position, Place, Entry.Score, Entry.Mean, Entry.Median, Entry.TopScores, Entry.Spread,
            Entry.Judges, Qualified, ComputedLevel, Level, OverrideReason, Flags)
        {
            Tier = Tier,
        };
    }
}
