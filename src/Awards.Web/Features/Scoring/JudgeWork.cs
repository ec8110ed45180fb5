using System.Globalization;
using System.Linq.Expressions;
using Awards.Core.Common;
using Awards.Core.Entries;
using Awards.Core.Scoring;
using Awards.Core.Tracks;
using Awards.Web.Data;
using Awards.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Features.Scoring;

/// <summary>
/// A judge's work: their rounds, their queue in its own random order, one entry at a time in its
/// judge rendition, and saving scores. Everything is read through the judge's own assignments,
/// so an entry that is not assigned to them does not exist for them.
/// </summary>
public sealed class JudgeWork(AwardsDbContext db, SiteContext site, AuditLog audit)
{
    /// <summary>
    /// The judge's assignments in a round, in the judge's own order; entries no longer in judging drop
    /// out. A join, not <c>Any()</c>: SQLite 3.35 turns that EXISTS into an IN list of every entry in
    /// judging and probes the assignments with each, 30 ms a page at province scale (docs/PERFORMANCE.md).
    /// </summary>
    private static readonly Expression<Func<AwardsDbContext, int, int, IQueryable<QueueItem>>> QueueExpression = (db, judgeId, roundId) =>
        from a in db.Assignments.AsNoTracking()
        where a.JudgeUserId == judgeId && a.RoundId == roundId
        join e in db.Entries on a.EntryId equals e.Id
        where e.Status == EntryStatus.Submitted || e.Status == EntryStatus.Accepted
        orderby a.QueueKey, a.Id
        select new QueueItem
        {
            Id = a.Id,
            QueueKey = a.QueueKey,
            Code = e.Code,
            JudgeTitle = e.JudgeTitle,
            Status = a.Score == null ? null : a.Score.Status,
            Total = a.Score == null ? null : a.Score.Total,
        };

    // The queue page's query, compiled once: building and looking up its expression tree cost as
    // much as a quarter of running it (docs/PERFORMANCE.md). Its rows are the page's own, with no
    // intermediate row per entry to copy from.
    private static readonly Func<AwardsDbContext, int, int, IAsyncEnumerable<QueueRow>> CompiledQueue = EF.CompileAsyncQuery(
        AfterQueue<Func<AwardsDbContext, int, int, IQueryable<QueueRow>>>((IQueryable<QueueItem> queue) =>
            queue.Select(q => new QueueRow(q.Code, q.JudgeTitle ?? string.Empty, q.Status, q.Total))));

    // The entry page's steps through the queue, and the POST's next entry after (QueueKey, Id): the
    // queue's expression followed by a projection or a seek, compiled once like the page's. Left to
    // the query compiler, the next entry's query was a fifth of the scoring POST's sampled time.
    private static readonly Func<AwardsDbContext, int, int, IAsyncEnumerable<QueueStep>> CompiledSteps = EF.CompileAsyncQuery(
        AfterQueue<Func<AwardsDbContext, int, int, IQueryable<QueueStep>>>((IQueryable<QueueItem> queue) =>
            queue.Select(q => new QueueStep { Id = q.Id, Code = q.Code, Done = q.Status == ScoreStatus.Submitted })));

    // The entries after (QueueKey, Id) in the judge's queue, in its order: SQLite seeks to the place
    // in the queue's index and stops at the first row whose entry is still in judging, instead of
    // reading and sorting the judge's whole queue with each entry's row (docs/PERFORMANCE.md).
    private static readonly Expression<Func<AwardsDbContext, int, int, int, int, IQueryable<string>>> AfterExpression =
        AfterQueue<Func<AwardsDbContext, int, int, int, int, IQueryable<string>>>((IQueryable<QueueItem> queue, int key, int id) =>
            queue.Where(q => q.QueueKey > key || (q.QueueKey == key && q.Id > id)).Select(q => q.Code));

    private static readonly Func<AwardsDbContext, int, int, int, int, Task<string?>> CompiledNextCode = EF.CompileAsyncQuery(
        Expression.Lambda<Func<AwardsDbContext, int, int, int, int, string?>>(
            Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(string)], AfterExpression.Body),
            AfterExpression.Parameters));

    // Every scoring POST's first read, compiled once: building its tree and looking it up in the
    // query cache (reflection, hashing) showed in the POST's profile next to running it.
    private static readonly Func<AwardsDbContext, int, int, string, Task<JudgeAssignment?>> CompiledTarget = EF.CompileAsyncQuery(
        (AwardsDbContext db, int judgeId, int roundId, string code) => (
            from a in db.Assignments.Include(a => a.Score)
            where a.JudgeUserId == judgeId && a.RoundId == roundId
            join e in db.Entries on a.EntryId equals e.Id
            where e.Code == code && (e.Status == EntryStatus.Submitted || e.Status == EntryStatus.Accepted)
            select a).FirstOrDefault());

    // What a score depends on in a track's rubric, read again under the write lock by every save.
    private static readonly Func<AwardsDbContext, int, IAsyncEnumerable<RubricShape>> CompiledRubric = EF.CompileAsyncQuery(
        (AwardsDbContext db, int trackId) => db.RubricCriteria.Where(c => c.TrackId == trackId).Select(c => new RubricShape(c.Id, c.Weight, c.MinScore, c.MaxScore)));

    // The entry page's entry in its judge rendition with the judge's score, by the assignment's id:
    // one compiled query (two uncompiled ones spent a quarter of the page's time in EF's query
    // pipeline, docs/PERFORMANCE.md).
    private static readonly Func<AwardsDbContext, int, Task<EntryReading>> CompiledReading = EF.CompileAsyncQuery(
        (AwardsDbContext db, int assignmentId) => (
            from a in db.Assignments.AsNoTracking()
            where a.Id == assignmentId
            join e in db.Entries on a.EntryId equals e.Id
            select new EntryReading { EntryId = e.Id, Code = e.Code, JudgeTitle = e.JudgeTitle, JudgeBody = e.JudgeBody, NomineeName = e.Nominee!.Name, Score = a.Score }).First());

    // The other judges of the same entry in the same round, in the order they were assigned, with
    // their scores and without who they are: read only when the track shows them and this judge
    // has submitted. Every other judge is read, scored or not, so that each keeps one letter.
    private static readonly Func<AwardsDbContext, int, int, int, IAsyncEnumerable<PanelSeat>> CompiledPanel = EF.CompileAsyncQuery(
        (AwardsDbContext db, int roundId, int entryId, int ownAssignmentId) =>
            from a in db.Assignments.AsNoTracking()
            where a.RoundId == roundId && a.EntryId == entryId && a.Id != ownAssignmentId
            orderby a.Id
            select new PanelSeat { Score = a.Score });

    // How many entries the judge has in each round and how many they have submitted.
    private static readonly Func<AwardsDbContext, int, IAsyncEnumerable<RoundProgress>> CompiledProgress = EF.CompileAsyncQuery(
        (AwardsDbContext db, int judgeId) => (
            from a in db.Assignments.AsNoTracking()
            where a.JudgeUserId == judgeId
            join e in db.Entries on a.EntryId equals e.Id
            where e.Status == EntryStatus.Submitted || e.Status == EntryStatus.Accepted
            select a)
            .GroupBy(a => a.RoundId)
            .Select(g => new RoundProgress { RoundId = g.Key, Count = g.Count(), Done = g.Count(a => a.Score != null && a.Score.Status == ScoreStatus.Submitted) }));

    public async Task<IReadOnlyList<JudgeRoundRow>> RoundsAsync(int judgeId, CancellationToken cancellationToken)
    {
        var contest = await site.CurrentContestAsync(cancellationToken);
        if (contest is null)
        {
            return [];
        }

        var counts = await CompiledProgress(db, judgeId).ToListAsync(cancellationToken);
        return [.. from t in contest.Tracks.OrderBy(t => t.SortOrder)
                   from r in t.Rounds.OrderBy(r => r.Sequence)
                   join c in counts on r.Id equals c.RoundId
                   select new JudgeRoundRow(r.Id, t.Name.ForCurrentCulture(), r.Name.ForCurrentCulture(), r.ClosedAt ?? r.ClosesAt, r.IsClosedAt(site.UtcNow), c.Count, c.Done)];
    }

    public async Task<JudgeQueuePage?> QueueAsync(int judgeId, int roundId, CancellationToken cancellationToken)
    {
        if (await RoundAsync(roundId, cancellationToken) is not var (track, round))
        {
            return null;
        }

        var rows = new List<QueueRow>();
        await foreach (var row in CompiledQueue(db, judgeId, roundId).WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }

        // A round the judge has no part in is not found; one whose entries all left judging
        // (withdrawn, disqualified) is an empty queue.
        if (rows.Count == 0 && !await db.Assignments.AnyAsync(a => a.JudgeUserId == judgeId && a.RoundId == roundId, cancellationToken))
        {
            return null;
        }

        return new JudgeQueuePage(roundId, track.Name.ForCurrentCulture(), round.Name.ForCurrentCulture(), round.IsClosedAt(site.UtcNow), round.ClosesAt, rows);
    }

    public async Task<JudgeEntryView?> EntryAsync(int judgeId, int roundId, string code, CancellationToken cancellationToken)
    {
        if (await RoundAsync(roundId, cancellationToken) is not var (track, round))
        {
            return null;
        }

        var queue = await CompiledSteps(db, judgeId, roundId).ToListAsync(cancellationToken);
        var index = queue.FindIndex(q => q.Code == code);
        if (index < 0)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var entry = await CompiledReading(db, queue[index].Id);
        var score = entry.Score;
        IReadOnlyList<PanelScore>? panel = null;
        if (track.ShowsPanelScores && score?.Status == ScoreStatus.Submitted)
        {
            // Others' scores only after one's own is in (SECURITY.md §2), labelled by letter, never by name.
            // A judge's letter is their place among the entry's other judges, so "评委 A" stays the
            // same person while the others submit, whatever the order they submit in.
            var others = await CompiledPanel(db, roundId, entry.EntryId, queue[index].Id).ToListAsync(cancellationToken);
            panel = [.. others
                .Select((o, i) => (Letter: ((char)('A' + (i % 26))).ToString(), o.Score))
                .Where(o => o.Score is { Status: ScoreStatus.Submitted })
                .Select(o => new PanelScore(o.Letter, o.Score!.Values, o.Score.Total, o.Score.Comment))];
        }

        return new JudgeEntryView(
            roundId,
            entry.Code,
            track.Name.ForCurrentCulture(),
            round.Name.ForCurrentCulture(),
            entry.JudgeTitle ?? string.Empty,
            entry.JudgeBody ?? string.Empty,
            track.IsBlind ? null : entry.NomineeName,
            [.. track.Criteria.OrderBy(c => c.Order)],
            score?.Values ?? new Dictionary<int, decimal>(),
            score?.Comment,
            score?.Status,
            score?.Total,
            score?.Version ?? 0,
            index + 1,
            queue.Count,
            queue.Count(q => q.Done),
            index > 0 ? queue[index - 1].Code : null,
            index < queue.Count - 1 ? queue[index + 1].Code : null,
            round.IsClosedAt(site.UtcNow),
            round.ClosesAt)
        {
            Panel = panel,
        };
    }

    /// <summary>
    /// The judge's assignment of the entry in the round, with its score, tracked for a save; null
    /// when the entry is not theirs, not in this round, or no longer in judging (the 404 of every
    /// judge route). Reads no essay text.
    /// </summary>
    public async Task<ScoringTarget?> TargetAsync(int judgeId, int roundId, string code, CancellationToken cancellationToken)
    {
        if (await RoundAsync(roundId, cancellationToken) is not var (track, round))
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var assignment = await CompiledTarget(db, judgeId, roundId, code);
        return assignment is null ? null : new ScoringTarget(assignment, track, round, code);
    }

    /// <summary>Saves a judge's scores; see <see cref="SaveAsync(ScoringTarget, IReadOnlyDictionary{int, decimal?}, string?, bool, int, CancellationToken)"/>.</summary>
    public async Task<Score> SaveAsync(int judgeId, int roundId, string code, IReadOnlyDictionary<int, decimal?> values, string? comment, bool submit, int version, CancellationToken cancellationToken) =>
        await TargetAsync(judgeId, roundId, code, cancellationToken) is { } target
            ? await SaveAsync(target, values, comment, submit, version, cancellationToken)
            : throw new DomainException("The entry was not found.");

    /// <summary>
    /// Saves a judge's scores. The version check in <see cref="Score.Record"/> refuses a save from
    /// a page older than the last save, and the concurrency token refuses one that races it.
    /// </summary>
    public async Task<Score> SaveAsync(ScoringTarget target, IReadOnlyDictionary<int, decimal?> values, string? comment, bool submit, int version, CancellationToken cancellationToken)
    {
        var score = target.Assignment.ScoreOrNew();
        var before = Describe(score);
        score.Record(target.Criteria, values, comment, submit, version, target.Round, site.UtcNow);
        audit.Record(submit ? "Score submitted" : "Score saved", "Score", $"{target.Code}/{target.Round.Id}/{target.Assignment.JudgeUserId}", before, Describe(score));
        try
        {
            // The round and the rubric were read from the contest's cache before the write lock:
            // checked again under the lock, so a save cannot land in a round an organizer has just
            // closed, nor on criteria an organizer has just changed (the award settings change a
            // rubric only while no score exists, in their own immediate transaction).
            await ImmediateTransaction.RunOnceAsync(
                db,
                async ct =>
                {
                    await Judging.OpenRound.EnsureAsync(db, target.Round.Id, site.UtcNow, ct);
                    return await RubricIsAsync(target, ct) ? 0 : throw new DomainException(ScoringMessages.RubricChanged);
                },
                cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ImmediateTransaction.IsUniqueViolation(ex))
        {
            throw new DomainException(ScoringMessages.ChangedElsewhere);
        }

        return score;
    }

    /// <summary>Whether the track's rubric in the database is the one the target was checked against: the same criteria, weights and ranges.</summary>
    private async Task<bool> RubricIsAsync(ScoringTarget target, CancellationToken cancellationToken)
    {
        var saved = new List<RubricShape>(target.Criteria.Count);
        await foreach (var shape in CompiledRubric(db, target.TrackId).WithCancellation(cancellationToken))
        {
            saved.Add(shape);
        }

        return saved.Count == target.Criteria.Count
            && target.Criteria.All(c => saved.Contains(new RubricShape(c.Id, c.Weight, c.MinScore, c.MaxScore)));
    }

    /// <summary>The code of the entry after this one in the judge's queue, or null at its end.</summary>
    public Task<string?> NextCodeAsync(ScoringTarget target, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var assignment = target.Assignment;
        return CompiledNextCode(db, assignment.JudgeUserId, target.Round.Id, assignment.QueueKey, assignment.Id);
    }

    /// <summary>The next entries' query as EF translates it, for a test of the bundled SQLite's plan.</summary>
    internal static IQueryable<string> EntriesAfter(AwardsDbContext db, int judgeId, int roundId, int key, int id) =>
        AfterExpression.Compile()(db, judgeId, roundId, key, id);

    // The queue's expression with the template's query after it: the template's first parameter
    // stands for the queue, its others follow the queue's own (the context, the judge, the round).
    private static Expression<TDelegate> AfterQueue<TDelegate>(LambdaExpression template) =>
        Expression.Lambda<TDelegate>(
            new Substitution(template.Parameters[0], QueueExpression.Body).Visit(template.Body)!,
            [.. QueueExpression.Parameters, .. template.Parameters.Skip(1)]);

    private static string Describe(Score score) =>
        string.Join("; ", score.Values.OrderBy(v => v.Key).Select(v => $"{v.Key}={v.Value.ToString(CultureInfo.InvariantCulture)}"))
        + $"; total={score.Total?.ToString(CultureInfo.InvariantCulture)}; {score.Status}; v{score.Version}";

    private Task<(Track Track, JudgingRound Round)?> RoundAsync(int roundId, CancellationToken cancellationToken) =>
        site.RoundAsync(roundId, cancellationToken);
}

/// <summary>One line of a judge's queue, as the database gives it.</summary>
internal sealed class QueueItem
{
    public int Id { get; init; }

    public int QueueKey { get; init; }

    public string Code { get; init; } = string.Empty;

    public string? JudgeTitle { get; init; }

    public ScoreStatus? Status { get; init; }

    public decimal? Total { get; init; }
}

/// <summary>One step of a judge's queue, for the entry page's position and its previous and next links.</summary>
internal sealed class QueueStep
{
    public int Id { get; init; }

    public string Code { get; init; } = string.Empty;

    public bool Done { get; init; }
}

/// <summary>What the entry page reads of the entry and the judge's score.</summary>
internal sealed class EntryReading
{
    public int EntryId { get; init; }

    public string Code { get; init; } = string.Empty;

    public string? JudgeTitle { get; init; }

    public string? JudgeBody { get; init; }

    public string? NomineeName { get; init; }

    public Score? Score { get; init; }
}

/// <summary>Another judge's seat on an entry: their score, if any (never who they are).</summary>
internal sealed class PanelSeat
{
    public Score? Score { get; set; }
}

/// <summary>A judge's entries in one round: how many, and how many submitted.</summary>
internal sealed class RoundProgress
{
    public int RoundId { get; init; }

    public int Count { get; init; }

    public int Done { get; init; }
}

/// <summary>A rubric criterion as far as a score depends on it.</summary>
internal readonly record struct RubricShape(int Id, decimal Weight, int MinScore, int MaxScore);

/// <summary>Replaces one expression with another in a tree: a parameter by the query it stands for.</summary>
internal sealed class Substitution(Expression from, Expression to) : ExpressionVisitor
{
    public override Expression? Visit(Expression? node) => node == from ? to : base.Visit(node);
}

/// <summary>A judge's own assignment of one entry, loaded for saving its score.</summary>
public sealed class ScoringTarget(JudgeAssignment assignment, Track track, JudgingRound round, string code)
{
    public int TrackId { get; } = track.Id;

    public JudgeAssignment Assignment { get; } = assignment;

    public JudgingRound Round { get; } = round;

    public string Code { get; } = code;

    /// <summary>The track's rubric in its order: the form's fields.</summary>
    public IReadOnlyList<RubricCriterion> Criteria { get; } = [.. track.Criteria.OrderBy(c => c.Order)];
}
