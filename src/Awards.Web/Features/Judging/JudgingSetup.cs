using Awards.Core.Common;
using Awards.Core.Entries;
using Awards.Core.Identity;
using Awards.Core.Judging;
using Awards.Core.Scoring;
using Awards.Core.Tracks;
using Awards.Web.Data;
using Awards.Web.Infrastructure;
using Awards.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Judging;

/// <summary>
/// The organizer's side of judging: panels per round, automatic assignment with a preview
/// (Awards.Core.Judging.Assigner, ADR 0006), progress, closing a round; and the reassignment
/// that follows a judge's declared conflict. A judge who gets new entries from an assignment or a
/// shortlist is told by mail, saved with the assignments (ADR 0012).
/// </summary>
public sealed class JudgingSetup(AwardsDbContext db, SiteContext site, JudgeConflicts conflicts, AuditLog audit, MailOutbox outbox, Microsoft.Extensions.Options.IOptions<AwardsOptions> settings, IStringLocalizer<SharedResource> l)
{
    public async Task<IReadOnlyList<RoundSummary>> RoundsAsync(CancellationToken cancellationToken)
    {
        var contest = await site.CurrentContestAsync(cancellationToken);
        if (contest is null)
        {
            return [];
        }

        var panels = await db.PanelMembers.GroupBy(p => p.RoundId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var assignments = await db.Assignments.GroupBy(a => a.RoundId)
            .Select(g => new { g.Key, Count = g.Count(), Submitted = g.Count(a => a.Score != null && a.Score.Status == ScoreStatus.Submitted) })
            .ToDictionaryAsync(x => x.Key, cancellationToken);
        List<int> nominated = [.. contest.Tracks.Where(t => t.Kind == TrackKind.Nomination).Select(t => t.Id)];
        var awaiting = await db.Entries.Where(e => nominated.Contains(e.TrackId) && e.Status == EntryStatus.Submitted)
            .GroupBy(e => e.TrackId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var result = new List<RoundSummary>();
        foreach (var track in contest.Tracks.Where(t => t.Rounds.Count > 0).OrderBy(t => t.SortOrder))
        {
            var entries = await InJudging(track).CountAsync(cancellationToken);
            foreach (var round in track.Rounds.OrderBy(r => r.Sequence))
            {
                var a = assignments.GetValueOrDefault(round.Id);
                result.Add(new RoundSummary(track, round, panels.GetValueOrDefault(round.Id), round.Sequence == 1 ? entries : 0, a?.Count ?? 0, a?.Submitted ?? 0)
                {
                    AwaitingScreening = round.Sequence == 1 ? awaiting.GetValueOrDefault(track.Id) : 0,
                });
            }
        }

        return result;
    }

    public async Task<RoundPage?> PageAsync(int roundId, int? previewSeed, string? lookup, CancellationToken cancellationToken)
    {
        if (await RoundAsync(roundId, cancellationToken) is not var (track, round))
        {
            return null;
        }

        var judgeRole = await db.Roles.Where(r => r.Name == Roles.Judge).Select(r => r.Id).FirstAsync(cancellationToken);
        var panel = await db.PanelMembers.Where(p => p.RoundId == roundId).Select(p => p.JudgeUserId).ToListAsync(cancellationToken);
        var judges = await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == judgeRole) && u.DeactivatedAt == null)
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.Unit, Pending = u.InvitedAt != null && u.PasswordHash == null })
            .ToListAsync(cancellationToken);
        var options = judges.Select(j => new JudgeOption(j.Id, j.DisplayName, j.Email!, j.Unit?.Name.ForCurrentCulture(), panel.Contains(j.Id), j.Pending)).ToList();

        var rows = await db.Assignments.AsNoTracking()
            .Where(a => a.RoundId == roundId)
            .Select(a => new { a.JudgeUserId, a.EntryId, Submitted = a.Score != null && a.Score.Status == ScoreStatus.Submitted, Total = a.Score == null ? null : a.Score.Total })
            .ToListAsync(cancellationToken);
        var submittedTotals = rows.Where(r => r.Submitted && r.Total is not null).Select(r => r.Total!.Value).ToList();
        decimal? panelMean = submittedTotals.Count > 0 ? Math.Round(submittedTotals.Average(), 2) : null;
        var names = judges.ToDictionary(j => j.Id, j => j.DisplayName);
        var inJudging = await InJudging(track).Select(e => new { e.Id, e.Code }).ToListAsync(cancellationToken);

        // Each judge's progress through their queue: an entry disqualified after it was assigned has
        // left the judge's queue, and no longer counts as work to do (nor for the reminders).
        var judging = inJudging.Select(e => e.Id).ToHashSet();
        var progress = rows.Where(r => judging.Contains(r.EntryId)).GroupBy(r => r.JudgeUserId)
            .Select(g =>
            {
                var totals = g.Where(r => r.Submitted && r.Total is not null).Select(r => r.Total!.Value).ToList();
                return new JudgeProgress(g.Key, names.GetValueOrDefault(g.Key) ?? "?", g.Count(), g.Count(r => r.Submitted), totals.Count > 0 ? Math.Round(totals.Average(), 2) : null, panelMean, StandardDeviation(totals));
            })
            .OrderBy(p => p.Name)
            .ToList();

        var byEntry = rows.GroupBy(r => r.EntryId).ToDictionary(g => g.Key, g => (Assigned: g.Count(), Submitted: g.Count(r => r.Submitted)));
        var shortEntries = round.Sequence == 1
            ? inJudging
                .Select(e => (e.Code, Counts: byEntry.GetValueOrDefault(e.Id)))
                .Where(e => e.Counts.Submitted < round.JudgesPerEntry)
                .Select(e => new ShortEntry(e.Code, e.Counts.Submitted, e.Counts.Assigned))
                .OrderBy(e => e.Submitted).ThenBy(e => e.Code)
                .ToList()
            : [];

        // A later round is assigned again (a judge joined or left its panel) once its shortlist is in.
        var canAssign = !round.IsClosedAt(site.UtcNow) && (round.Sequence == 1 || rows.Count > 0);
        var preview = previewSeed is int seed && canAssign ? await PlanAsync(track, round, seed, cancellationToken) : null;
        var threshold = settings.Value.Judging.DisagreementThreshold;
        // Each entry's submitted totals, from the assignments read above, for the entries whose scores count:
        // reading the round's 30,000 assignments again, each with its entry's row, was a quarter of
        // the page at province scale.
        var codes = await Counted(track.Id).Select(e => new { e.Id, e.Code }).ToDictionaryAsync(e => e.Id, e => e.Code, cancellationToken);
        var results = Results(rows.Where(r => codes.ContainsKey(r.EntryId)).Select(r => (r.EntryId, r.Submitted ? r.Total : null)));
        var disputed = Shortlist.Disputed(results, threshold)
            .Select(r => new DisputedEntry(codes[r.EntryId], r.Totals, r.Range))
            .ToList();
        var previous = track.Rounds.Where(r => r.Sequence < round.Sequence).OrderByDescending(r => r.Sequence).FirstOrDefault();
        var canShortlist = previous is not null && previous.IsClosedAt(site.UtcNow) && !round.IsClosedAt(site.UtcNow);
        var entries = round.Sequence == 1 ? inJudging.Count : rows.Select(r => r.EntryId).Distinct().Count();
        var found = string.IsNullOrWhiteSpace(lookup) ? null : await EntryJudgesAsync(roundId, lookup.Trim().ToUpperInvariant(), cancellationToken);
        return new RoundPage(track, round, round.IsClosedAt(site.UtcNow), canAssign, entries, options, progress, shortEntries, preview, previewSeed, disputed, threshold, previous, canShortlist && rows.Count == 0, found) { HasAssignments = rows.Count > 0 };
    }

    public async Task SetPanelAsync(int roundId, IReadOnlyCollection<int> judgeIds, CancellationToken cancellationToken)
    {
        if (await RoundAsync(roundId, cancellationToken) is null)
        {
            throw new DomainException("The operation is not allowed.");
        }

        var judgeRole = await db.Roles.Where(r => r.Name == Roles.Judge).Select(r => r.Id).FirstAsync(cancellationToken);
        var valid = await db.UserRoles.Where(ur => ur.RoleId == judgeRole && judgeIds.Contains(ur.UserId) && db.Users.Any(u => u.Id == ur.UserId && u.DeactivatedAt == null)).Select(ur => ur.UserId).ToListAsync(cancellationToken);
        var current = await db.PanelMembers.Where(p => p.RoundId == roundId).ToListAsync(cancellationToken);
        db.PanelMembers.RemoveRange(current.Where(p => !valid.Contains(p.JudgeUserId)));
        db.PanelMembers.AddRange(valid.Where(id => current.All(p => p.JudgeUserId != id)).Select(id => new PanelMember(roundId, id)));
        audit.Record("Panel set", "Round", roundId.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join(",", current.Select(p => p.JudgeUserId).Order()), string.Join(",", valid.Order()));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Applies the plan for <paramref name="seed"/>, recomputed inside one immediate transaction so that it acts on what is there now.</summary>
    public async Task<AssignmentPlan> ApplyAsync(int roundId, int seed, CancellationToken cancellationToken)
    {
        if (await RoundAsync(roundId, cancellationToken) is not var (track, round) || round.IsClosedAt(site.UtcNow))
        {
            throw new DomainException("This round is already closed.");
        }

        return await ImmediateTransaction.RunAsync(db, ct => ReplanAsync(track, round, seed, ct), cancellationToken);
    }

    /// <summary>
    /// <see cref="ApplyAsync"/>'s work, inside the caller's immediate transaction: what it changes is
    /// saved there (not committed), so that a plan made after it in the same transaction sees it.
    /// </summary>
    private async Task<AssignmentPlan> ReplanAsync(Track track, JudgingRound round, int seed, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(track, round, seed, cancellationToken);
        // Only the assignments of the entries the plan takes judges from are loaded to be
        // removed: tracking the round's 30,000 to drop a handful cost more than the plan's writes
        // (PlanAsync has just read the round's pairs).
        var removed = plan.Removed.ToHashSet();
        var touched = removed.Select(p => p.EntryId).Distinct().ToList();
        if (touched.Count > 0)
        {
            var theirs = await db.Assignments.Where(a => a.RoundId == round.Id && touched.Contains(a.EntryId)).ToListAsync(cancellationToken);
            db.Assignments.RemoveRange(theirs.Where(a => removed.Contains(new Pair(a.EntryId, a.JudgeUserId))));
        }
        var now = site.UtcNow;
        await BulkInsert.RunAsync(db, plan.Added.Select(p => new JudgeAssignment(round.Id, p.EntryId, p.JudgeId, now)), cancellationToken);
        await QueueNewWorkAsync(track, round, plan.Added.Select(p => p.JudgeId), cancellationToken);
        audit.Record("Judges assigned", "Round", round.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, $"seed={seed}; kept={plan.Kept.Count}; added={plan.Added.Count}; removed={plan.Removed.Count}; short={plan.ShortEntryIds.Count}; spread={plan.Spread}");
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    /// <summary>One entry's judges in a round, for the organizer's manual changes.</summary>
    public async Task<EntryJudges?> EntryJudgesAsync(int roundId, string code, CancellationToken cancellationToken)
    {
        var entryId = await db.Entries.Where(e => e.Code == code).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);
        if (entryId is null)
        {
            return null;
        }

        var judges = await db.Assignments.AsNoTracking()
            .Where(a => a.RoundId == roundId && a.EntryId == entryId)
            .Select(a => new AssignedJudge(a.JudgeUserId, db.Users.Where(u => u.Id == a.JudgeUserId).Select(u => u.DisplayName).First(), a.Score != null))
            .ToListAsync(cancellationToken);
        return new EntryJudges(code, judges);
    }

    /// <summary>A manual change: puts a panel judge on an entry, under the same eligibility rules as the automatic assignment.</summary>
    public async Task AssignAsync(int roundId, string code, int judgeId, CancellationToken cancellationToken)
    {
        if (await RoundAsync(roundId, cancellationToken) is not var (_, round) || round.IsClosedAt(site.UtcNow))
        {
            throw new DomainException("This round is already closed.");
        }

        var entry = await db.Entries.Where(e => e.Code == code).Select(e => new { e.Id, e.UnitId }).FirstOrDefaultAsync(cancellationToken) ?? throw new DomainException("The entry was not found.");
        if (!await db.Users.AnyAsync(u => u.Id == judgeId && db.PanelMembers.Any(p => p.RoundId == roundId && p.JudgeUserId == u.Id), cancellationToken))
        {
            throw new DomainException(JudgingMessages.NotOnPanel);
        }

        if (await conflicts.IsConflictedAsync(judgeId, entry.Id, cancellationToken))
        {
            throw new DomainException(JudgingMessages.Conflicted);
        }

        if (await db.Assignments.AnyAsync(a => a.RoundId == roundId && a.EntryId == entry.Id && a.JudgeUserId == judgeId, cancellationToken))
        {
            return;
        }

        db.Assignments.Add(new JudgeAssignment(roundId, entry.Id, judgeId, site.UtcNow));
        audit.Record("Judge assigned by hand", "Entry", code, null, $"judge={judgeId}; round={roundId}");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A manual change: takes a judge off an entry they have not scored yet.</summary>
    public async Task UnassignAsync(int roundId, string code, int judgeId, CancellationToken cancellationToken)
    {
        if (await RoundAsync(roundId, cancellationToken) is not var (_, round) || round.IsClosedAt(site.UtcNow))
        {
            throw new DomainException("This round is already closed.");
        }

        var assignment = await db.Assignments.Include(a => a.Score)
            .FirstOrDefaultAsync(a => a.RoundId == roundId && a.JudgeUserId == judgeId && db.Entries.Any(e => e.Id == a.EntryId && e.Code == code), cancellationToken)
            ?? throw new DomainException("The entry was not found.");
        if (assignment.Score is not null)
        {
            throw new DomainException(JudgingMessages.AlreadyScored);
        }

        db.Assignments.Remove(assignment);
        audit.Record("Judge unassigned by hand", "Entry", code, $"judge={judgeId}; round={roundId}", null);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Gives a disputed entry one more judge: the eligible panel judge with the lightest load.</summary>
    public async Task<string> AddJudgeAsync(int roundId, string code, CancellationToken cancellationToken)
    {
        if (await RoundAsync(roundId, cancellationToken) is not var (_, round) || round.IsClosedAt(site.UtcNow))
        {
            throw new DomainException("This round is already closed.");
        }

        var entry = await db.Entries.Where(e => e.Code == code).Select(e => new EntryUnits(e.Id, e.UnitId, e.NomineeUnitId)).FirstOrDefaultAsync(cancellationToken) ?? throw new DomainException("The entry was not found.");
        var taken = await db.Assignments.Where(a => a.RoundId == roundId && a.EntryId == entry.EntryId).Select(a => a.JudgeUserId).ToListAsync(cancellationToken);
        var panel = await db.PanelMembers.Where(p => p.RoundId == roundId).Select(p => p.JudgeUserId).ToListAsync(cancellationToken);
        var conflicted = (await conflicts.ConflictedAsync([entry], panel, cancellationToken))[entry.EntryId].ToList();
        var loads = await db.Assignments.Where(a => a.RoundId == roundId).GroupBy(a => a.JudgeUserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var judge = await db.Users
            .Where(u => panel.Contains(u.Id) && !taken.Contains(u.Id) && !conflicted.Contains(u.Id) && u.UnitId != entry.UnitId)
            .Select(u => new { u.Id, u.DisplayName })
            .ToListAsync(cancellationToken);
        var chosen = judge.OrderBy(j => loads.GetValueOrDefault(j.Id)).ThenBy(j => j.Id).FirstOrDefault()
            ?? throw new DomainException(JudgingMessages.NoJudgeLeft);
        db.Assignments.Add(new JudgeAssignment(roundId, entry.EntryId, chosen.Id, site.UtcNow));
        audit.Record("Judge added", "Entry", code, null, $"judge={chosen.Id}; round={roundId}");
        await db.SaveChangesAsync(cancellationToken);
        return chosen.DisplayName;
    }

    /// <summary>Groups assignments' submitted totals (null where none) by entry, in the order the entries first come.</summary>
    private static List<RoundResult> Results(IEnumerable<(int EntryId, decimal? Total)> assignments) =>
        [.. assignments.GroupBy(r => r.EntryId).Select(g => new RoundResult(g.Key, [.. g.Where(r => r.Total is not null).Select(r => r.Total!.Value)]))];

    /// <summary>A track's entries whose scores count (the disagreement list's and a later round's rule); the index on (TrackId, Status, Code, SubmittedAt) answers it alone.</summary>
    private IQueryable<Entry> Counted(int trackId) =>
        db.Entries.Where(e => e.TrackId == trackId && EntryStatuses.Counted.Contains(e.Status));

    /// <summary>Moves an open round's closing time (<see cref="Track.RescheduleRound"/>); judges see the new time at once.</summary>
    public async Task RescheduleAsync(int roundId, DateTime closesAt, CancellationToken cancellationToken)
    {
        var track = await db.Tracks.Include(t => t.Rounds).FirstOrDefaultAsync(t => t.Rounds.Any(r => r.Id == roundId), cancellationToken) ?? throw new DomainException("The operation is not allowed.");
        var round = track.Rounds.Single(r => r.Id == roundId);
        var before = round.ClosesAt;
        track.RescheduleRound(round, closesAt, site.UtcNow);
        audit.Record("Round rescheduled", "Round", roundId.ToString(System.Globalization.CultureInfo.InvariantCulture), SiteTime.AuditValue(before), SiteTime.AuditValue(closesAt));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task CloseAsync(int roundId, CancellationToken cancellationToken)
    {
        var round = await db.Rounds.FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken) ?? throw new DomainException("The operation is not allowed.");
        round.Close(site.UtcNow);
        audit.Record("Round closed", "Round", roundId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A judge declares a conflict on an entry of their queue: the conflict is recorded, their
    /// assignment (and any score on it) removed, and the round re-planned so that the entry gets
    /// another judge.
    /// </summary>
    public async Task DeclareConflictAsync(int judgeId, int roundId, string code, CancellationToken cancellationToken)
    {
        if (await RoundAsync(roundId, cancellationToken) is not var (track, round) || round.IsClosedAt(site.UtcNow))
        {
            throw new DomainException("This round is already closed.");
        }

        // The conflict and the entry's new judge are one change: a failure in between would leave
        // the conflict recorded with the judge still holding the entry.
        await ImmediateTransaction.RunAsync(db, async ct =>
        {
            var entryId = await db.Assignments
                .Where(a => a.JudgeUserId == judgeId && a.RoundId == roundId && db.Entries.Any(e => e.Id == a.EntryId && e.Code == code))
                .Select(a => (int?)a.EntryId)
                .FirstOrDefaultAsync(ct) ?? throw new DomainException("The entry was not found.");
            if (!await db.Conflicts.AnyAsync(c => c.EntryId == entryId && c.JudgeUserId == judgeId, ct))
            {
                db.Conflicts.Add(new Conflict(entryId, judgeId, site.UtcNow));
            }

            audit.Record("Conflict declared", "Entry", code, null, $"judge={judgeId}; round={roundId}");
            await db.SaveChangesAsync(ct);
            // In a later round too: the entry gets another judge of the panel where one is free, up to the round's k.
            return await ReplanAsync(track, round, System.Security.Cryptography.RandomNumberGenerator.GetInt32(int.MaxValue), ct);
        }, cancellationToken);
    }

    /// <summary>
    /// After a conflict is recorded (a pair of designated help, a unit recorded against a judge, a
    /// judge's unit corrected, a conflict on one entry): every judge among <paramref name="judgeIds"/> (all when null) who
    /// may no longer judge an entry they hold in an open round steps aside from it, as for a declared
    /// conflict: the round is planned again, the entry goes to another judge, and a score the judge
    /// gave it goes with it (what it was stays in the audit log). Closed rounds are frozen and keep
    /// theirs. Returns how many assignments went and how many of them carried a submitted score.
    /// Runs inside the caller's immediate transaction and saves the conflict there (not committed):
    /// the conflict, the judge stepping aside and the entries' new judges are one change, so a failure
    /// or a concurrent writer can never leave a conflict recorded with the judge still on the entry,
    /// nor an entry with a judge taken off and none put on.
    /// </summary>
    public async Task<(int HandedOn, int ScoresDropped)> StepAsideAsync(IReadOnlyCollection<int>? judgeIds, string auditAction, string auditDetail, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A judge steps aside inside the transaction that records the conflict (ImmediateTransaction).");
        }

        // What the caller recorded (the conflict, the unit, the help) is saved in that transaction
        // first, so that the plans below read it.
        await db.SaveChangesAsync(cancellationToken);

        var contest = await site.CurrentContestAsync(cancellationToken);
        var now = site.UtcNow;
        var open = contest?.Tracks.SelectMany(t => t.Rounds).Where(r => !r.IsClosedAt(now)).Select(r => r.Id).ToList() ?? [];
        if (open.Count == 0)
        {
            return (0, 0);
        }

        var held = await db.Assignments.AsNoTracking()
            .Where(a => open.Contains(a.RoundId) && (judgeIds == null || judgeIds.Contains(a.JudgeUserId)))
            .Join(db.Entries, a => a.EntryId, e => e.Id, (a, e) => new
            {
                a.RoundId,
                a.JudgeUserId,
                Entry = new EntryUnits(e.Id, e.UnitId, e.NomineeUnitId),
                e.Code,
                Submitted = a.Score != null && a.Score.Status == ScoreStatus.Submitted,
                Total = a.Score == null ? null : a.Score.Total,
            })
            .ToListAsync(cancellationToken);
        var heldJudges = held.Select(a => a.JudgeUserId).Distinct().ToList();
        var conflicted = (await conflicts.UnitConflictedAsync([.. held.Select(a => a.Entry).Distinct()], heldJudges, ownUnitToo: true, cancellationToken)).ToHashSet();
        // Conflicts on single entries recorded by the organizer: a judge's own declaration has re-planned already.
        var heldEntries = held.Select(a => a.Entry.EntryId).Distinct().ToList();
        conflicted.UnionWith((await db.Conflicts.Where(c => heldEntries.Contains(c.EntryId) && heldJudges.Contains(c.JudgeUserId)).Select(c => new { c.EntryId, c.JudgeUserId }).ToListAsync(cancellationToken))
            .Select(c => (c.EntryId, c.JudgeUserId)));
        var (handedOn, dropped) = (0, 0);
        foreach (var round in held.Where(a => conflicted.Contains((a.Entry.EntryId, a.JudgeUserId))).GroupBy(a => a.RoundId))
        {
            // What the judges gave stays on record in the log before it goes.
            audit.Record(auditAction, "Round", round.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join(", ", round.Select(a => a.Submitted ? $"{a.Code} ({a.Total?.ToString(System.Globalization.CultureInfo.InvariantCulture)})" : a.Code)), $"{string.Join(",", round.Select(a => a.JudgeUserId).Distinct().Order().Select(id => $"judge={id}"))}; {auditDetail}");
            await db.SaveChangesAsync(cancellationToken);
            if (await RoundAsync(round.Key, cancellationToken) is not var (track, openRound))
            {
                continue;
            }

            await ReplanAsync(track, openRound, System.Security.Cryptography.RandomNumberGenerator.GetInt32(int.MaxValue), cancellationToken);
            // A judge off the panel who keeps a score is checked by the plan against the entry's
            // conflicted judges only, not their own unit (a unit correction): such a pair goes here,
            // and the round is planned once more so that the entry gets another judge.
            var pairs = round.Select(a => (a.Entry.EntryId, a.JudgeUserId)).ToHashSet();
            var entryIds = round.Select(a => a.Entry.EntryId).Distinct().ToList();
            var left = (await db.Assignments.Where(a => a.RoundId == round.Key && entryIds.Contains(a.EntryId)).ToListAsync(cancellationToken))
                .Where(a => pairs.Contains((a.EntryId, a.JudgeUserId))).ToList();
            if (left.Count > 0)
            {
                db.Assignments.RemoveRange(left);
                await db.SaveChangesAsync(cancellationToken);
                await ReplanAsync(track, openRound, System.Security.Cryptography.RandomNumberGenerator.GetInt32(int.MaxValue), cancellationToken);
            }

            handedOn += round.Count();
            dropped += round.Count(a => a.Submitted);
        }

        return (handedOn, dropped);
    }

    /// <summary>
    /// Puts a mail in the outbox for each judge with new entries in the round (one judge id per new
    /// assignment): how many are new, how many their queue holds now, when the round closes, and the
    /// link to the queue. Saved with the assignments, by the caller's transaction.
    /// </summary>
    internal async Task QueueNewWorkAsync(Track track, JudgingRound round, IEnumerable<int> judgeIdPerAssignment, CancellationToken cancellationToken)
    {
        var added = judgeIdPerAssignment.GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        if (added.Count == 0)
        {
            return;
        }

        var ids = added.Keys.ToList();
        var queues = await db.Assignments.Where(a => a.RoundId == round.Id && ids.Contains(a.JudgeUserId))
            .GroupBy(a => a.JudgeUserId).Select(g => new { JudgeId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.JudgeId, g => g.Count, cancellationToken);
        var judges = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Email, u.DisplayName, u.Language }).ToListAsync(cancellationToken);
        var link = $"{settings.Value.PublicUrl.TrimEnd('/')}/judge/rounds/{round.Id}";
        outbox.Add(
            judges.Select(judge => Cultures.In(judge.Language, () =>
            {
                var name = $"{track.Name.ForCurrentCulture()} · {round.Name.ForCurrentCulture()}";
                return new OutgoingMail(
                    judge.Email!,
                    l["New entries to score: {0}", name],
                    string.Join(
                        "\n\n",
                        l["Hello {0},", judge.DisplayName],
                        l["{0} new entries in {1} are waiting for your scores; your queue holds {2} in all. The round closes on {3}.", added[judge.Id], name, queues.GetValueOrDefault(judge.Id), SiteTime.Format(round.ClosesAt)],
                        l["Your queue:"] + " " + link,
                        l["If you know who wrote an entry, declare a conflict on its page: it goes to another judge."],
                        l["Thank you for your work on the panel."]));
            })),
            $"the new entries of round {round.Id}");
    }

    private async Task<AssignmentPlan> PlanAsync(Track track, JudgingRound round, int seed, CancellationToken cancellationToken)
    {
        // A later round's entries are its shortlist, which its assignments hold (ShortlistSetup).
        var entries = round.Sequence == 1
            ? await InJudging(track).Select(e => new EntryUnits(e.Id, e.UnitId, e.NomineeUnitId)).ToListAsync(cancellationToken)
            : await Counted(track.Id).Where(e => db.Assignments.Any(a => a.RoundId == round.Id && a.EntryId == e.Id)).Select(e => new EntryUnits(e.Id, e.UnitId, e.NomineeUnitId)).ToListAsync(cancellationToken);
        var panelIds = await db.PanelMembers.Where(p => p.RoundId == round.Id).Select(p => p.JudgeUserId).ToListAsync(cancellationToken);
        // A judge whose account is turned off stays on the panel's list but gets no entries: assigning
        // again hands their unscored ones to the others (Assigner keeps scores given).
        var panel = await db.Users.Where(u => panelIds.Contains(u.Id) && u.DeactivatedAt == null).Select(u => new PanelJudge(u.Id, u.UnitId)).ToListAsync(cancellationToken);
        var current = await db.Assignments.Where(a => a.RoundId == round.Id).Select(a => new CurrentAssignment(a.EntryId, a.JudgeUserId, a.Score != null)).ToListAsync(cancellationToken);
        // Judges off the panel who keep a score are checked too: a unit recorded against them since takes it away.
        var conflicted = await conflicts.ConflictedAsync(entries, [.. panelIds.Union(current.Select(a => a.JudgeId))], cancellationToken);
        var candidates = entries.Select(e => new CandidateEntry(e.EntryId, e.UnitId, [.. conflicted[e.EntryId]])).ToList();
        return Assigner.Plan(candidates, panel, current, round.JudgesPerEntry, seed);
    }

    /// <summary>How widely a judge spreads their totals (population standard deviation); null below two scores.</summary>
    private static decimal? StandardDeviation(List<decimal> totals)
    {
        if (totals.Count < 2)
        {
            return null;
        }

        var mean = totals.Average();
        return Math.Round((decimal)Math.Sqrt((double)totals.Sum(t => (t - mean) * (t - mean)) / totals.Count), 2);
    }

    /// <summary>The entries a track's first round judges: accepted nominations; submitted or accepted essays.</summary>
    private IQueryable<Entry> InJudging(Track track) =>
        track.Kind == TrackKind.Nomination
            ? db.Entries.Where(e => e.TrackId == track.Id && e.Status == EntryStatus.Accepted)
            : db.Entries.Where(e => e.TrackId == track.Id && (e.Status == EntryStatus.Submitted || e.Status == EntryStatus.Accepted));

    private Task<(Track Track, JudgingRound Round)?> RoundAsync(int roundId, CancellationToken cancellationToken) =>
        site.RoundAsync(roundId, cancellationToken);
}
