using System.Globalization;
using System.Text;
using Awards.Core.Common;
using Awards.Core.Entries;
using Awards.Core.Ranking;
using Awards.Core.Results;
using Awards.Core.Scoring;
using Awards.Core.Tracks;
using Awards.Web.Data;
using Awards.Web.Features.Judging;
using Awards.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RankingResult = Awards.Core.Ranking.Ranking;

namespace Awards.Web.Features.Results;

/// <summary>
/// A track's ranking and prizes: the scores of the ranked round go through
/// <see cref="Ranker"/> with the organizer's settings, overrides and tie orders. While the
/// results are a draft they are computed afresh on every view; publishing writes the placements,
/// and from then on the notice, the final results and authors read those, never a recomputation.
/// </summary>
public sealed class TrackResults(AwardsDbContext db, SiteContext site, CurrentUser user, AuditLog audit, IOptions<AwardsOptions> options)
{
    private static readonly string[] SheetHeader = ["Entry code", "Judge e-mail"];

    /// <summary>The settings the ranking runs with; the CLI's <c>rank</c> builds them the same way.</summary>
    public static RankingSettings Settings(Track track, TrackResult result, decimal disputeThreshold) =>
        new(
            result.Method,
            result.MinimumScore,
            [.. track.AwardLevels.OrderBy(l => l.Rank).Select(l => new LevelQuota(l.Rank, l.Quota))],
            Scale(track))
        {
            DisputeThreshold = disputeThreshold,
        };

    public static ScoreScale Scale(Track track) =>
        new(track.Criteria.Sum(c => c.Weight * c.MinScore), track.Criteria.Sum(c => c.Weight * c.MaxScore));

    /// <summary>The round a result ranks: the one the organizer chose, else the last round with submitted scores, else the first.</summary>
    public async Task<JudgingRound?> RankedRoundAsync(Track track, TrackResult result, CancellationToken cancellationToken)
    {
        if (track.Rounds.FirstOrDefault(r => r.Id == result.RoundId) is { } chosen)
        {
            return chosen;
        }

        var roundIds = track.Rounds.Select(r => r.Id).ToList();
        // Per round, stop at its first submitted score: asking each of the rounds' assignments
        // whether it has one read them all (9.5 ms in SQLite for a province's theme, on every
        // results page and twice on some).
        var scored = await db.Rounds
            .Where(r => roundIds.Contains(r.Id) && (
                from a in db.Assignments
                join s in db.Scores on a.Id equals s.AssignmentId
                where a.RoundId == r.Id && s.Status == ScoreStatus.Submitted
                select a.Id).Any())
            .Select(r => r.Id).ToListAsync(cancellationToken);
        var rounds = track.Rounds.OrderBy(r => r.Sequence).ToList();
        return rounds.LastOrDefault(r => scored.Contains(r.Id)) ?? rounds.FirstOrDefault();
    }

    /// <summary>Whether the ranked round and every round before it are closed: the earlier rounds' scores place entries too.</summary>
    private bool Closed(Track track, JudgingRound? round) =>
        round is not null && track.Rounds.Where(r => r.Sequence <= round.Sequence).All(r => r.IsClosedAt(site.UtcNow));

    public decimal DisputeThreshold => options.Value.Judging.DisagreementThreshold;

    public async Task<IReadOnlyList<TrackSummary>> TracksAsync(CancellationToken cancellationToken)
    {
        var contest = await site.CurrentContestAsync(cancellationToken);
        if (contest is null)
        {
            return [];
        }

        var trackIds = contest.Tracks.Select(t => t.Id).ToList();
        var results = await db.TrackResults.AsNoTracking().Where(r => trackIds.Contains(r.TrackId)).ToDictionaryAsync(r => r.TrackId, cancellationToken);
        var placed = await db.Placements.AsNoTracking()
            .Join(db.TrackResults, p => p.TrackResultId, r => r.Id, (p, r) => new { r.TrackId, LevelRank = p.RevokedAt == null ? p.LevelRank : null })
            .Where(x => trackIds.Contains(x.TrackId))
            .GroupBy(x => x.TrackId)
            .Select(g => new { TrackId = g.Key, Ranked = g.Count(), Prizes = g.Count(x => x.LevelRank != null) })
            .ToDictionaryAsync(x => x.TrackId, cancellationToken);
        var objections = await db.Objections.Where(o => trackIds.Contains(o.TrackId) && o.ResolvedAt == null)
            .GroupBy(o => o.TrackId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        return [.. contest.Tracks.OrderBy(t => t.SortOrder).Select(t =>
        {
            var result = results.GetValueOrDefault(t.Id);
            var counts = placed.GetValueOrDefault(t.Id);
            return new TrackSummary(t, result?.Stage ?? ResultStage.Draft, result?.NoticeEndsAt, counts?.Ranked ?? 0, counts?.Prizes ?? 0, objections.GetValueOrDefault(t.Id));
        })];
    }

    public async Task<Track?> TrackAsync(string code, CancellationToken cancellationToken) =>
        (await site.CurrentContestAsync(cancellationToken))?.Tracks.FirstOrDefault(t => t.Code == code);

    /// <summary>The track's result row, tracked for changes; a new one (not yet saved) when there is none.</summary>
    public async Task<TrackResult> ResultAsync(Track track, CancellationToken cancellationToken)
    {
        var result = await db.TrackResults.FirstOrDefaultAsync(r => r.TrackId == track.Id, cancellationToken);
        if (result is null)
        {
            result = new TrackResult(track.Id);
            db.TrackResults.Add(result);
        }

        return result;
    }

    /// <summary>The submitted totals of a round's entries that still count, with each judge named by e-mail.</summary>
    public async Task<IReadOnlyList<JudgeScore>> ScoresAsync(JudgingRound round, CancellationToken cancellationToken)
    {
        // The three columns the ranking needs, not the scores' criteria, comments and dates: a
        // province's theme has 30,000 of them, and reading whole scores was half the results page.
        // The entries that still count, from the covering index on (TrackId, Status), instead of a
        // seek into every scored entry's row (an essay's row holds its texts); the judges by id,
        // named once each, instead of reading an address 30,000 times.
        var counted = (await db.Entries.Where(e => e.TrackId == round.TrackId && EntryStatuses.Counted.Contains(e.Status)).Select(e => e.Id).ToListAsync(cancellationToken)).ToHashSet();
        var rows = await (
            from a in db.Assignments
            join s in db.Scores on a.Id equals s.AssignmentId
            where a.RoundId == round.Id && s.Status == ScoreStatus.Submitted && s.Total != null
            select new { a.EntryId, a.JudgeUserId, s.Total }).ToListAsync(cancellationToken);
        rows.RemoveAll(r => !counted.Contains(r.EntryId));
        var judgeIds = rows.Select(r => r.JudgeUserId).Distinct().ToList();
        var emails = await db.Users.Where(u => judgeIds.Contains(u.Id)).Select(u => new { u.Id, u.Email }).ToDictionaryAsync(u => u.Id, u => u.Email!, cancellationToken);
        return [.. rows.Select(r => new JudgeScore(r.EntryId, emails[r.JudgeUserId], r.Total!.Value))];
    }

    public async Task<RankingResult?> RankAsync(Track track, TrackResult result, CancellationToken cancellationToken) =>
        await RankedRoundAsync(track, result, cancellationToken) is { } round
            ? await RankAsync(track, result, round, await AssignedAsync(round, cancellationToken), cancellationToken)
            : null;

    /// <summary>
    /// The ranked round's entries first, then each earlier round's entries that did not go on to a
    /// later round, placed below them and filling the prizes the later rounds leave (a final panel
    /// of a 30% shortlist cannot fill 85 places on its own).
    /// </summary>
    private async Task<RankingResult> RankAsync(Track track, TrackResult result, JudgingRound round, IReadOnlyDictionary<int, int> assigned, CancellationToken cancellationToken)
    {
        List<RankingTier> tiers = [new(await ScoresAsync(round, cancellationToken), new HashSet<int>())];
        var given = new Dictionary<int, int>(assigned);
        var later = assigned.Keys.ToHashSet();
        foreach (var earlier in track.Rounds.Where(r => r.Sequence < round.Sequence).OrderByDescending(r => r.Sequence))
        {
            var earlierAssigned = await AssignedAsync(earlier, cancellationToken);
            if (earlierAssigned.Keys.All(later.Contains))
            {
                // Every entry went on (a second round of the whole field): nothing to add, no scores to read.
                continue;
            }

            tiers.Add(new(await ScoresAsync(earlier, cancellationToken), later.ToHashSet()));
            foreach (var (entryId, judges) in earlierAssigned)
            {
                given.TryAdd(entryId, judges);
            }

            later.UnionWith(earlierAssigned.Keys);
        }

        var overrides = await OverridesAsync(result, cancellationToken);
        return Ranker.Rank(tiers, Settings(track, result, DisputeThreshold) with { Assigned = given }, overrides, result.TieOrder);
    }

    /// <summary>How many judges each entry of the round was given (a declared conflict takes its judge away): an entry with fewer scores is short of them.</summary>
    private async Task<IReadOnlyDictionary<int, int>> AssignedAsync(JudgingRound round, CancellationToken cancellationToken) =>
        await db.Assignments.Where(a => a.RoundId == round.Id)
            .GroupBy(a => a.EntryId)
            .Select(g => new { EntryId = g.Key, Judges = g.Count() })
            .ToDictionaryAsync(g => g.EntryId, g => g.Judges, cancellationToken);

    /// <summary>
    /// The results page of a theme: its whole ranking (the quota table, the charts and the ties need
    /// all of it), with one page of the ranking table's rows and their titles, authors and units.
    /// <paramref name="find"/>, an entry code, opens the page that shows that entry instead of
    /// <paramref name="page"/>; a page past the end shows the last one.
    /// </summary>
    public async Task<ResultPage?> PageAsync(string code, int page, string? find, CancellationToken cancellationToken)
    {
        if (await TrackAsync(code, cancellationToken) is not { } track || track.Kind == TrackKind.UnitAward)
        {
            return null;
        }

        var result = await ResultAsync(track, cancellationToken);
        var round = await RankedRoundAsync(track, result, cancellationToken);
        var assigned = round is null ? new Dictionary<int, int>() : await AssignedAsync(round, cancellationToken);
        var ranking = round is null ? null : await RankAsync(track, result, round, assigned, cancellationToken);
        var entries = ranking?.Entries ?? [];

        // Entries still in the contest that judges were given but none scored: not ranked, so named.
        var ranked = entries.Select(e => e.EntryId).ToHashSet();
        List<int> notRanked = [.. assigned.Keys.Where(id => !ranked.Contains(id))];
        var unscored = await db.Entries.Where(e => notRanked.Contains(e.Id) && EntryStatuses.Counted.Contains(e.Status)).OrderBy(e => e.Code).Select(e => e.Code).ToListAsync(cancellationToken);
        var count = RankingPager.PageCount(entries.Count);
        var number = Math.Clamp(page, 1, count);
        string? found = null;
        string? missing = null;
        if (!string.IsNullOrWhiteSpace(find))
        {
            var wanted = find.Trim().ToUpperInvariant();
            var entryId = await db.Entries.Where(e => e.TrackId == track.Id && e.Code == wanted).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);
            var index = entryId is int id ? entries.Select(e => e.EntryId).ToList().IndexOf(id) : -1;
            if (index < 0)
            {
                missing = wanted;
            }
            else
            {
                number = (index / RankingPager.Size) + 1;
                found = wanted;
            }
        }

        var shown = entries.Skip((number - 1) * RankingPager.Size).Take(RankingPager.Size).ToList();
        var undecided = ranking is null ? [] : BoundaryTies.Undecided(ranking);
        List<int> ids = [.. shown.Concat(undecided.SelectMany(g => g)).Select(e => e.EntryId).Distinct()];
        var facts = ids.Count == 0 ? [] : await FactsAsync(ids, cancellationToken);
        var rows = shown.Select(e => new RankedRow(e, facts[e.EntryId])).ToList();
        var ties = undecided.Select(g => new BoundaryTie(g[0].Place, [.. g.Select(e => new RankedRow(e, facts[e.EntryId]))])).ToList();

        var overrideRows = result.Id == 0 ? [] : await (
            from o in db.ResultOverrides
            join e in db.Entries on o.EntryId equals e.Id
            join u in db.Users on o.ByUserId equals u.Id
            where o.TrackResultId == result.Id
            orderby o.Id descending
            select new OverrideRow(e.Code, o.LevelRank, o.Reason, u.DisplayName, o.CreatedAt)).ToListAsync(cancellationToken);

        var judges = await JudgeNamesAsync(ranking, cancellationToken);
        var unresolved = await db.Objections.CountAsync(o => o.TrackId == track.Id && o.ResolvedAt == null, cancellationToken);
        var dropped = await DroppedWinnersAsync(result, cancellationToken);
        return new ResultPage(
            track,
            result,
            [.. track.Rounds.OrderBy(r => r.Sequence)],
            round,
            Closed(track, round),
            ranking,
            rows,
            new RankingPager(number, count, entries.Count, found, missing),
            ties,
            overrideRows,
            judges,
            Distribution(ranking, Scale(track)),
            unresolved,
            await ProposedNoticeDaysAsync(cancellationToken),
            site.UtcNow)
        {
            DroppedWinners = dropped,
            Unscored = unscored,
        };
    }

    /// <summary>
    /// The notice period the publish form proposes: the one the contest's schedule announces (its
    /// notice dates, on the public contest page), else <c>Awards:Results:NoticeDays</c>.
    /// </summary>
    public async Task<int> ProposedNoticeDaysAsync(CancellationToken cancellationToken) =>
        (await site.CurrentContestAsync(cancellationToken))?.Schedule.NoticeDays(TrackResult.MinNoticeDays, TrackResult.MaxNoticeDays)
            ?? options.Value.Results.NoticeDays;

    public async Task ConfigureAsync(Track track, AggregationMethod method, decimal? minimum, int? roundId, IReadOnlyDictionary<int, int> quotas, CancellationToken cancellationToken)
    {
        var result = await ResultAsync(track, cancellationToken);
        var scale = Scale(track);
        result.Configure(method, minimum, track.Rounds.Any(r => r.Id == roundId) ? roundId : null, scale.Min, scale.Max);
        var levels = await db.AwardLevels.Where(l => l.TrackId == track.Id).ToListAsync(cancellationToken);
        foreach (var level in levels)
        {
            if (quotas.TryGetValue(level.Rank, out var quota) && quota != level.Quota)
            {
                var before = level.Quota;
                level.ChangeQuota(quota);
                audit.Record("ChangeQuota", nameof(AwardLevel), $"{track.Code}/{level.Rank}", before.ToString(CultureInfo.InvariantCulture), quota.ToString(CultureInfo.InvariantCulture));
            }
        }

        audit.Record("ConfigureRanking", nameof(TrackResult), track.Code, after: $"{method} min={minimum?.ToString(CultureInfo.InvariantCulture) ?? "-"} round={roundId?.ToString(CultureInfo.InvariantCulture) ?? "last"}");
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task OverrideAsync(Track track, string entryCode, int? levelRank, string reason, CancellationToken cancellationToken)
    {
        var result = await ResultAsync(track, cancellationToken);
        result.EnsureDraft();
        if (levelRank is int rank && track.AwardLevels.All(l => l.Rank != rank))
        {
            throw new DomainException(ResultMessages.UnknownLevel);
        }

        var ranking = await RankAsync(track, result, cancellationToken);
        var entryId = await db.Entries.Where(e => e.TrackId == track.Id && e.Code == entryCode).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);
        if (entryId is null || ranking is null || ranking.Entries.All(e => e.EntryId != entryId))
        {
            throw new DomainException(ResultMessages.NotRanked);
        }

        if (result.Id == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        var userId = (await user.GetAsync(cancellationToken))!.Id;
        var before = ranking.Entries.First(e => e.EntryId == entryId).Level;
        db.ResultOverrides.Add(new ResultOverride(result.Id, entryId.Value, levelRank, reason, userId, site.UtcNow));
        audit.Record("OverrideLevel", nameof(Entry), entryCode, before?.ToString(CultureInfo.InvariantCulture) ?? "-", $"{levelRank?.ToString(CultureInfo.InvariantCulture) ?? "-"}: {reason.Trim()}");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The organizer's order for entries tied at one place; every tied entry needs its own place.</summary>
    public async Task OrderTieAsync(Track track, int place, IReadOnlyList<string> orderedCodes, CancellationToken cancellationToken)
    {
        var result = await ResultAsync(track, cancellationToken);
        var ranking = await RankAsync(track, result, cancellationToken);
        var tied = ranking?.Entries.Where(e => e.Place == place && e.Flags.HasFlag(RankFlags.Tie)).Select(e => e.EntryId).ToList() ?? [];
        var codes = orderedCodes.Select(c => c.Trim().ToUpperInvariant()).ToList();
        var ids = await db.Entries.Where(e => e.TrackId == track.Id && codes.Contains(e.Code)).Select(e => new { e.Code, e.Id }).ToDictionaryAsync(e => e.Code, e => e.Id, cancellationToken);
        var order = codes.Where(ids.ContainsKey).Select(c => ids[c]).ToList();
        if (tied.Count < 2 || order.Count != codes.Count)
        {
            throw new DomainException(ResultMessages.TieOrderIncomplete);
        }

        result.OrderTie(tied, order);
        audit.Record("OrderTie", nameof(TrackResult), track.Code, after: string.Join(" > ", codes));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task PublishAsync(Track track, int days, CancellationToken cancellationToken)
    {
        await ImmediateTransaction.RunAsync(db, async ct =>
        {
            var result = await ResultAsync(track, ct);
            var round = await RankedRoundAsync(track, result, ct);
            var ranking = await RankAsync(track, result, ct) ?? throw new DomainException(ResultMessages.NothingToPublish);
            result.Publish(ranking, Closed(track, round), days, site.UtcNow);
            await db.SaveChangesAsync(ct);
            await DeletePlacementsAsync(result, ct);
            await BulkInsert.RunAsync(db, ranking.Entries.Select(e => new Placement(result.Id, e.EntryId, e.Position, e.Place, e.Score, e.Level, e.Flags.HasFlag(RankFlags.Overridden))), ct);
            audit.Record("PublishNotice", nameof(TrackResult), track.Code, after: $"{ranking.Entries.Count(e => e.Level is not null)} prizes until {result.NoticeEndsAt:O}");
            await db.SaveChangesAsync(ct);
            return 0;
        }, cancellationToken);
    }

    public async Task WithdrawAsync(Track track, CancellationToken cancellationToken)
    {
        await ImmediateTransaction.RunAsync(db, async ct =>
        {
            var result = await ResultAsync(track, ct);
            result.Withdraw();
            await DeletePlacementsAsync(result, ct);
            audit.Record("WithdrawNotice", nameof(TrackResult), track.Code);
            return 0;
        }, cancellationToken);
    }

    // 10,000 placements in a province theme: one DELETE, not EF's command per row (0.5-1.5 s under
    // the write lock). Runs inside the caller's transaction; no placement is tracked there.
    private async Task DeletePlacementsAsync(TrackResult result, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"Placements\" WHERE \"TrackResultId\" = {result.Id}", cancellationToken);

    public async Task FinalizeAsync(Track track, CancellationToken cancellationToken)
    {
        var result = await ResultAsync(track, cancellationToken);
        var unresolved = await db.Objections.CountAsync(o => o.TrackId == track.Id && o.ResolvedAt == null, cancellationToken);
        result.Finalize(unresolved, await DroppedWinnersAsync(result, cancellationToken), site.UtcNow);
        audit.Record("Finalize", nameof(TrackResult), track.Code);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The codes of the winners on notice that are no longer in the contest: disqualified (an upheld
    /// objection) or withdrawn since the results were published. Results cannot be finalized with
    /// them; the organizer takes the results back to draft, ranks again and publishes again.
    /// </summary>
    public async Task<IReadOnlyList<string>> DroppedWinnersAsync(TrackResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Stage != ResultStage.Notice ? [] : await Dropped(result).Select(e => e.Code).ToListAsync(cancellationToken);
    }

    /// <summary>The entry ids of <see cref="DroppedWinnersAsync"/>: what documents made from results on notice leave out.</summary>
    public async Task<IReadOnlyList<int>> DroppedWinnerIdsAsync(TrackResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Stage != ResultStage.Notice ? [] : await Dropped(result).Select(e => e.Id).ToListAsync(cancellationToken);
    }

    private IQueryable<Entry> Dropped(TrackResult result) =>
        from p in db.Placements
        where p.TrackResultId == result.Id && p.LevelRank != null
        join e in db.Entries on p.EntryId equals e.Id
        where !EntryStatuses.Counted.Contains(e.Status)
        orderby p.Position
        select e;

    /// <summary>The scores of the ranked round as a sheet: the same columns the import reads and the CLI's <c>rank</c> takes.</summary>
    public async Task<string> ScoresCsvAsync(Track track, CancellationToken cancellationToken)
    {
        var result = await ResultAsync(track, cancellationToken);
        var builder = new StringBuilder();
        var criteria = track.Criteria.OrderBy(c => c.Order).ToList();
        builder.Append(string.Join(",", SheetHeader.Concat(criteria.Select(c => CsvField.Text(c.Name.Zh))).Append("Comment"))).Append("\r\n");
        if (await RankedRoundAsync(track, result, cancellationToken) is not { } round)
        {
            return builder.ToString();
        }

        var rows = await Submitted(round).ToListAsync(cancellationToken);
        foreach (var row in rows.OrderBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.Judge, StringComparer.Ordinal))
        {
            builder.Append(string.Join(",", new[] { row.Code, CsvField.Text(row.Judge) }
                .Concat(criteria.Select(c => row.Score.Values[c.Id].ToString(CultureInfo.InvariantCulture)))
                .Append(CsvField.Text(row.Score.Comment ?? string.Empty)))).Append("\r\n");
        }

        return builder.ToString();
    }

    public async Task<string> RankingCsvAsync(Track track, CancellationToken cancellationToken)
    {
        var result = await ResultAsync(track, cancellationToken);
        var ranking = await RankAsync(track, result, cancellationToken);
        if (ranking is null)
        {
            return string.Empty;
        }

        // Only the codes: ToDictionaryAsync on the entities read every essay's two texts.
        var codes = await db.Entries.Where(e => e.TrackId == track.Id).Select(e => new { e.Id, e.Code }).ToDictionaryAsync(e => e.Id, e => e.Code, cancellationToken);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        RankingCsv.Write(writer, ranking, codes, LevelNames(track));
        return writer.ToString();
    }

    /// <summary>The submitted scores of a round's entries that still count, each judge named by e-mail.</summary>
    private IQueryable<SubmittedScore> Submitted(JudgingRound round) =>
        from a in db.Assignments
        join s in db.Scores.AsNoTracking() on a.Id equals s.AssignmentId
        join e in db.Entries on a.EntryId equals e.Id
        join u in db.Users on a.JudgeUserId equals u.Id
        where a.RoundId == round.Id && s.Status == ScoreStatus.Submitted && s.Total != null && EntryStatuses.Counted.Contains(e.Status)
        select new SubmittedScore { EntryId = a.EntryId, Code = e.Code, Judge = u.Email!, Score = s };

    public static IReadOnlyDictionary<int, string> LevelNames(Track track) =>
        track.AwardLevels.ToDictionary(l => l.Rank, l => l.Name.Zh);

    /// <summary>Code, title, author and unit of entries, for the organizer's and the public's lists.</summary>
    public async Task<Dictionary<int, EntryFacts>> FactsAsync(List<int> entryIds, CancellationToken cancellationToken) =>
        await FactsAsync(entryIds, chinese: false, cancellationToken);

    /// <summary>The same, with unit names in Chinese whatever the reader's language (for exports).</summary>
    public Task<Dictionary<int, EntryFacts>> FactsAsync(List<int> entryIds, bool chinese, CancellationToken cancellationToken) =>
        FactsAsync(db.Entries.Where(e => entryIds.Contains(e.Id)), chinese, cancellationToken);

    private async Task<Dictionary<int, EntryFacts>> FactsAsync(IQueryable<Entry> entries, bool chinese, CancellationToken cancellationToken)
    {
        var rows = await (
            from e in entries.AsNoTracking()
            join o in db.Users on e.OwnerUserId equals o.Id
            join u in db.Units on e.UnitId equals u.Id
            join nu in db.Units on e.NomineeUnitId equals nu.Id into nomineeUnits
            from nu in nomineeUnits.DefaultIfEmpty()
            select new { e.Id, e.Code, e.Title, e.Nominee, Owner = o.DisplayName, e.UnitId, Unit = u.Name, NomineeUnit = nu == null ? null : nu.Name }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new EntryFacts(
            r.Id,
            r.Code,
            r.Title,
            AuthorName(r.Nominee, r.NomineeUnit, r.Owner, chinese),
            r.UnitId,
            chinese ? r.Unit.Zh : r.Unit.ForCurrentCulture()));
    }

    /// <summary>Who an entry is shown under: the nominee, or the nominated unit, or else the essay's author.</summary>
    internal static string AuthorName(Nominee? nominee, BilingualText? nomineeUnit, string owner, bool chinese) =>
        nominee?.Name ?? (chinese ? nomineeUnit?.Zh : nomineeUnit?.ForCurrentCulture()) ?? owner;

    private async Task<IReadOnlyList<EntryOverride>> OverridesAsync(TrackResult result, CancellationToken cancellationToken) =>
        result.Id == 0
            ? []
            : await db.ResultOverrides.Where(o => o.TrackResultId == result.Id).OrderBy(o => o.Id)
                .Select(o => new EntryOverride(o.EntryId, o.LevelRank, o.Reason)).ToListAsync(cancellationToken);

    private async Task<IReadOnlyList<JudgeProgress>> JudgeNamesAsync(RankingResult? ranking, CancellationToken cancellationToken)
    {
        if (ranking is null || ranking.Entries.Count == 0)
        {
            return [];
        }

        var totals = ranking.Entries.SelectMany(e => e.Judges).GroupBy(j => j.Judge, StringComparer.Ordinal).ToList();
        var emails = totals.Select(g => g.Key.ToUpperInvariant()).ToList();
        var names = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).Select(u => new { u.Email, u.DisplayName })
            .ToDictionaryAsync(u => u.Email!, u => u.DisplayName, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var panelMean = Math.Round(ranking.Entries.SelectMany(e => e.Judges).Average(j => j.Raw), 2);
        return [.. totals.Select(g => new JudgeProgress(0, names.GetValueOrDefault(g.Key) ?? g.Key, g.Count(), g.Count(), Math.Round(g.Average(j => j.Raw), 2), panelMean, null))
            .OrderBy(j => j.Name, StringComparer.Ordinal)];
    }

    /// <summary>How many entries' scores fall in each tenth of the scale, lowest first.</summary>
    private static int[] Distribution(RankingResult? ranking, ScoreScale scale)
    {
        var bins = new int[10];
        if (ranking is null || scale.Max <= scale.Min)
        {
            return bins;
        }

        foreach (var entry in ranking.Entries)
        {
            var bin = (int)((entry.Score - scale.Min) / (scale.Max - scale.Min) * 10);
            bins[Math.Clamp(bin, 0, 9)]++;
        }

        return bins;
    }
}

// Properties, not a positional record: EF can narrow a query through a member initializer, not a constructor.
internal sealed class SubmittedScore
{
    public required int EntryId { get; init; }

    public required string Code { get; init; }

    public required string Judge { get; init; }

    public required Score Score { get; init; }
}
