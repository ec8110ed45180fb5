using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Awards.Core.Common;
using Awards.Core.Entries;
using Awards.Core.Judging;
using Awards.Core.Ranking;
using Awards.Core.Results;
using Awards.Core.Scoring;
using Awards.Core.Tracks;
using Awards.Web.Data;
using Awards.Web.Features.Results;
using Awards.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Features.Judging;

/// <summary>
/// Starts a later round from the round before it: the previous round's entries ranked as the
/// results page ranks them (<see cref="Ranker"/> with the award's aggregation and minimum score),
/// cut at its shortlist size, and the entries that go on assigned to this round's panel with the
/// round's judges per entry (<see cref="Assigner"/>, ADR 0006). The organizer sees it all first;
/// confirming carries the preview's stamp, and a confirmation whose preview no longer holds (a
/// score, an entry, a setting or the panel changed since) is refused with the new preview.
/// </summary>
public sealed class ShortlistSetup(AwardsDbContext db, SiteContext site, TrackResults results, JudgingSetup setup, JudgeConflicts conflicts, AuditLog audit)
{
    /// <summary>How many of the entries that are cut the preview lists by name.</summary>
    public const int CutShown = 20;

    public async Task<ShortlistPreview?> PreviewAsync(int roundId, int seed, CancellationToken cancellationToken)
    {
        if (await site.RoundAsync(roundId, cancellationToken) is not var (track, round))
        {
            return null;
        }

        var previous = track.Rounds.Where(r => r.Sequence < round.Sequence).OrderByDescending(r => r.Sequence).FirstOrDefault();
        return previous is null ? null : await BuildAsync(track, round, previous, seed, cancellationToken);
    }

    /// <summary>Applies the preview the organizer saw (<paramref name="stamp"/>), recomputed under the write lock.</summary>
    /// <returns>How many entries went on.</returns>
    public async Task<int> ConfirmAsync(int roundId, int seed, string? stamp, bool incompleteSeen, CancellationToken cancellationToken)
    {
        if (await site.RoundAsync(roundId, cancellationToken) is not var (track, round) || round.IsClosedAt(site.UtcNow))
        {
            throw new DomainException("This round is already closed.");
        }

        var previous = track.Rounds.Where(r => r.Sequence < round.Sequence).OrderByDescending(r => r.Sequence).FirstOrDefault()
            ?? throw new DomainException("The operation is not allowed.");
        if (!previous.IsClosedAt(site.UtcNow))
        {
            throw new DomainException(JudgingMessages.PreviousRoundOpen);
        }

        return await ImmediateTransaction.RunAsync(db, async ct =>
        {
            var preview = await BuildAsync(track, round, previous, seed, ct);
            if (preview.AlreadyAssigned)
            {
                throw new DomainException(JudgingMessages.ShortlistAlreadyAssigned);
            }

            if (!string.Equals(preview.Stamp, stamp, StringComparison.Ordinal))
            {
                throw new DomainException(JudgingMessages.ShortlistStale);
            }

            if (preview.Incomplete && !incompleteSeen)
            {
                throw new DomainException(JudgingMessages.ShortlistIncompleteNotConfirmed);
            }

            if (preview.Unassignable.Count > 0)
            {
                throw new DomainException(JudgingMessages.ShortlistNoJudge, string.Join("、", preview.Unassignable));
            }

            if (preview.GoingOn == 0)
            {
                throw new DomainException(JudgingMessages.ShortlistEmpty);
            }

            var now = site.UtcNow;
            var added = await BulkInsert.RunAsync(db, preview.Plan.Added.Select(p => new JudgeAssignment(round.Id, p.EntryId, p.JudgeId, now)), ct);
            await setup.QueueNewWorkAsync(track, round, preview.Plan.Added.Select(p => p.JudgeId), ct);
            audit.Record("Shortlist assigned", "Round", round.Id.ToString(CultureInfo.InvariantCulture), null, $"from round {previous.Id}: {preview.GoingOn} entries; {added} assignments");
            return preview.GoingOn;
        }, cancellationToken);
    }

    private async Task<ShortlistPreview> BuildAsync(Track track, JudgingRound round, JudgingRound previous, int seed, CancellationToken cancellationToken)
    {
        var result = await db.TrackResults.AsNoTracking().FirstOrDefaultAsync(r => r.TrackId == track.Id, cancellationToken) ?? new TrackResult(track.Id);
        var assigned = await db.Assignments.Where(a => a.RoundId == previous.Id)
            .GroupBy(a => a.EntryId)
            .Select(g => new { EntryId = g.Key, Judges = g.Count() })
            .ToDictionaryAsync(g => g.EntryId, g => g.Judges, cancellationToken);
        var scores = await results.ScoresAsync(previous, cancellationToken);
        // No overrides and no tie order: those decide prizes on the results page; here every entry
        // tied at the cut goes on.
        var ranking = Ranker.Rank(scores, TrackResults.Settings(track, result, results.DisputeThreshold) with { Assigned = assigned }, [], []);
        var cut = Shortlist.Cut(ranking, previous.ShortlistTop, previous.ShortlistPercent);

        // Entries of the round before that count but have no submitted score: they cannot be ranked,
        // so they are named, not dropped unseen. In a first round that is every entry in judging.
        var ranked = ranking.Entries.Select(e => e.EntryId).ToHashSet();
        var inRound = assigned.Keys.ToList();
        var counted = db.Entries.Where(e => e.TrackId == track.Id && EntryStatuses.Counted.Contains(e.Status));
        var judged = previous.Sequence == 1 && track.Kind == TrackKind.Nomination ? counted.Where(e => e.Status == EntryStatus.Accepted) : counted;
        var unscored = await (previous.Sequence == 1 ? judged : judged.Where(e => inRound.Contains(e.Id)))
            .Select(e => new { e.Id, e.Code }).ToListAsync(cancellationToken);
        unscored.RemoveAll(e => ranked.Contains(e.Id));

        var selected = cut.Selected;
        var shown = cut.Lines.Where(l => l.GoesOn).Concat(cut.Lines.Where(l => !l.GoesOn).Take(CutShown)).Select(l => l.Entry.EntryId)
            .Concat(cut.Lines.Where(l => l.Entry.Flags.HasFlag(RankFlags.ShortOfScores)).Select(l => l.Entry.EntryId))
            .ToHashSet();
        var facts = await db.Entries.Where(e => shown.Contains(e.Id))
            .Select(e => new { e.Id, e.Code, e.Title, e.JudgeTitle, e.UnitId, e.NomineeUnitId })
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        var rows = cut.Lines.Where(l => facts.ContainsKey(l.Entry.EntryId))
            .Select(l =>
            {
                var entry = facts[l.Entry.EntryId];
                return new ShortlistRow(entry.Code, entry.JudgeTitle ?? entry.Title, l.Entry, assigned.GetValueOrDefault(l.Entry.EntryId), l.GoesOn, l.TiedAtCut);
            })
            .ToList();

        var alreadyAssigned = await db.Assignments.AnyAsync(a => a.RoundId == round.Id, cancellationToken);
        var plan = await PlanAsync(round, [.. facts.Where(f => selected.Contains(f.Key)).Select(f => new EntryUnits(f.Key, f.Value.UnitId, f.Value.NomineeUnitId))], seed, cancellationToken);
        var covered = plan.Assignments.Select(p => p.EntryId).ToHashSet();
        var unassignable = selected.Where(id => !covered.Contains(id)).Select(id => facts[id].Code).ToList();
        var judgeIds = plan.LoadByJudge.Keys.ToList();
        var names = await db.Users.Where(u => judgeIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var loads = plan.LoadByJudge.OrderByDescending(l => l.Value).ThenBy(l => names.GetValueOrDefault(l.Key), StringComparer.Ordinal)
            .Select(l => new JudgeLoad(names.GetValueOrDefault(l.Key) ?? "?", l.Value)).ToList();
        var prizes = track.AwardLevels.Sum(l => l.Quota);
        var preview = new ShortlistPreview(
            track,
            round,
            previous,
            result.Method,
            result.MinimumScore,
            rows,
            cut.Lines.Count,
            selected.Count,
            [.. unscored.Select(e => e.Code).Order(StringComparer.Ordinal)],
            plan,
            loads,
            [.. plan.ShortEntryIds.Where(id => facts.ContainsKey(id)).Select(id => facts[id].Code)],
            unassignable,
            prizes,
            seed,
            alreadyAssigned,
            previous.IsClosedAt(site.UtcNow) && !round.IsClosedAt(site.UtcNow) && !alreadyAssigned);
        return preview with { Stamp = StampOf(preview, cut) };
    }

    /// <summary>The plan for the shortlisted entries with this round's k, as the first round's assignment plans (eligibility, balance).</summary>
    private async Task<AssignmentPlan> PlanAsync(JudgingRound round, List<EntryUnits> entries, int seed, CancellationToken cancellationToken)
    {
        var panelIds = await db.PanelMembers.Where(p => p.RoundId == round.Id).Select(p => p.JudgeUserId).ToListAsync(cancellationToken);
        var panel = await db.Users.Where(u => panelIds.Contains(u.Id) && u.DeactivatedAt == null).Select(u => new PanelJudge(u.Id, u.UnitId)).ToListAsync(cancellationToken);
        var current = await db.Assignments.Where(a => a.RoundId == round.Id).Select(a => new CurrentAssignment(a.EntryId, a.JudgeUserId, a.Score != null)).ToListAsync(cancellationToken);
        var conflicted = await conflicts.ConflictedAsync(entries, [.. panelIds.Union(current.Select(a => a.JudgeId))], cancellationToken);
        var candidates = entries.Select(e => new CandidateEntry(e.EntryId, e.UnitId, [.. conflicted[e.EntryId]])).ToList();
        return Assigner.Plan(candidates, panel, current, round.JudgesPerEntry, seed);
    }

    /// <summary>What the organizer is shown and would confirm, in one fingerprint: any change to it makes the preview stale.</summary>
    private static string StampOf(ShortlistPreview preview, ShortlistCut cut)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{preview.Previous.Id}|{preview.Method}|{preview.MinimumScore}|{preview.Previous.ShortlistTop}|{preview.Previous.ShortlistPercent}|{preview.Round.JudgesPerEntry}\n");
        foreach (var line in cut.Lines)
        {
            var e = line.Entry;
            text.Append(CultureInfo.InvariantCulture, $"{e.EntryId}:{e.Score}:{e.Place}:{e.Judges.Count}:{(int)e.Flags}:{line.GoesOn}\n");
        }

        text.Append(string.Join(',', preview.Unscored)).Append('\n');
        foreach (var pair in preview.Plan.Added)
        {
            text.Append(CultureInfo.InvariantCulture, $"{pair.EntryId}-{pair.JudgeId};");
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }
}
