using System.Globalization;
using Awards.Core.Common;
using Awards.Core.Entries;
using Awards.Core.Identity;
using Awards.Core.Scoring;
using Awards.Core.Units;
using Awards.Web.Data;
using Awards.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Features.Judging;

/// <summary>A judge as the conflicts page shows them: their unit, the units they may not judge besides it, and their conflicts on single entries.</summary>
public sealed record JudgeConflictRow(int Id, string Name, string Email, string? Unit, IReadOnlyList<string> Paired, IReadOnlyList<string> Recorded, int EntryConflicts);

/// <summary>A conflict on one entry: declared by the judge, or recorded by the organizer with a reason.</summary>
public sealed record EntryConflictRow(int Id, string Code, string Track, string Judge, bool ByOrganizer, string? Reason, DateTime At);

/// <summary>A pair of designated help: a helping unit and the counties it helps.</summary>
public sealed record HelpRow(string Code, string Unit, IReadOnlyList<string> Counties);

/// <summary>The conflicts-of-interest page.</summary>
public sealed record ConflictsPage(IReadOnlyList<JudgeConflictRow> Judges, IReadOnlyList<HelpRow> Help, IReadOnlyList<EntryConflictRow> Entries);

/// <summary>One judge's recorded units, as the organizer edits them.</summary>
public sealed record JudgeUnitsPage(int Id, string Name, string Email, Unit? Unit, IReadOnlyList<Unit> Units, IReadOnlyList<int> Recorded, IReadOnlyList<string> Paired);

/// <summary>What recording a conflict did to the judging: entries handed on, submitted scores no longer counted.</summary>
public sealed record SteppedAside(int HandedOn, int ScoresDropped);

/// <summary>
/// The organizer's record of conflicts of interest beyond a judge's own declarations (ADR 0016):
/// units recorded against a judge, and conflicts on single entries with a reason. Each takes effect
/// at once: the judge steps aside from what they hold in open rounds (<see cref="JudgingSetup.StepAsideAsync"/>).
/// </summary>
public sealed class ConflictRecords(AwardsDbContext db, JudgeConflicts conflicts, JudgingSetup judging, SiteContext site, AuditLog audit)
{
    public async Task<ConflictsPage> PageAsync(CancellationToken cancellationToken)
    {
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, cancellationToken);
        var pairs = await conflicts.PairsAsync(cancellationToken);
        string Name(int id) => units.TryGetValue(id, out var unit) ? unit.Name.ForCurrentCulture() : id.ToString(CultureInfo.InvariantCulture);
        var judgeIds = JudgeIds();
        var counts = await db.Conflicts.GroupBy(c => c.JudgeUserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var judges = (await db.Users.AsNoTracking().Where(u => judgeIds.Contains(u.Id)).OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
                .Select(u => new { u.Id, u.DisplayName, u.Email, u.UnitId, u.ConflictUnitIds }).ToListAsync(cancellationToken))
            .Select(u => new JudgeConflictRow(
                u.Id,
                u.DisplayName,
                u.Email!,
                u.UnitId is int unit ? Name(unit) : null,
                [.. (u.UnitId is int own ? pairs.PairedWith(own) : []).Order().Select(Name)],
                [.. u.ConflictUnitIds.Select(Name)],
                counts.GetValueOrDefault(u.Id)))
            .ToList();
        var help = units.Values.Where(u => u.HelpedUnitIds.Count > 0).OrderBy(u => u.Id)
            .Select(u => new HelpRow(u.Code, u.Name.ForCurrentCulture(), [.. u.HelpedUnitIds.Select(Name)])).ToList();
        var entries = (await db.Conflicts.AsNoTracking().OrderByDescending(c => c.DeclaredAt).ThenByDescending(c => c.Id)
                .Select(c => new
                {
                    c.Id,
                    Entry = db.Entries.Where(e => e.Id == c.EntryId).Select(e => new { e.Code, e.Track.Name }).First(),
                    Judge = db.Users.Where(u => u.Id == c.JudgeUserId).Select(u => u.DisplayName).First(),
                    c.RecordedByUserId,
                    c.Reason,
                    c.DeclaredAt,
                })
                .ToListAsync(cancellationToken))
            .Select(c => new EntryConflictRow(c.Id, c.Entry.Code, c.Entry.Name.ForCurrentCulture(), c.Judge, c.RecordedByUserId is not null, c.Reason, c.DeclaredAt))
            .ToList();
        return new ConflictsPage(judges, help, entries);
    }

    public async Task<JudgeUnitsPage?> JudgePageAsync(int judgeId, CancellationToken cancellationToken)
    {
        var judge = await db.Users.AsNoTracking().Where(u => u.Id == judgeId && JudgeIds().Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email, u.UnitId, u.ConflictUnitIds }).FirstOrDefaultAsync(cancellationToken);
        if (judge is null)
        {
            return null;
        }

        var units = await db.Units.AsNoTracking().Where(u => u.Kind != UnitKind.City).OrderBy(u => u.Kind).ThenBy(u => u.Id).ToListAsync(cancellationToken);
        var pairs = await conflicts.PairsAsync(cancellationToken);
        var own = judge.UnitId is int id ? await db.Units.AsNoTracking().FirstAsync(u => u.Id == id, cancellationToken) : null;
        var paired = own is null ? [] : pairs.PairedWith(own.Id).Order().Select(p => units.FirstOrDefault(u => u.Id == p)?.Name.ForCurrentCulture()).OfType<string>().ToList();
        return new JudgeUnitsPage(judge.Id, judge.DisplayName, judge.Email!, own, units, judge.ConflictUnitIds, paired);
    }

    /// <summary>Records the units, besides their own, whose entries the judge may not judge; throws a <see cref="DomainException"/> and changes nothing when refused.</summary>
    public async Task<SteppedAside?> SetJudgeUnitsAsync(int judgeId, IReadOnlyCollection<int> unitIds, string? was, string? reason, CancellationToken cancellationToken)
    {
        var chosen = unitIds.Distinct().Order().ToList();
        var why = ChangeReasons.Required(reason, JudgeConflicts.MaxReasonLength);
        var valid = await db.Units.Where(u => u.Kind != UnitKind.City && chosen.Contains(u.Id)).CountAsync(cancellationToken);
        if (valid != chosen.Count)
        {
            throw new DomainException("Choose units from the list.");
        }

        // The record and the judge stepping aside are one change (JudgingSetup.StepAsideAsync).
        return await ImmediateTransaction.RunAsync(db, async ct =>
        {
            var judge = await db.Users.FirstOrDefaultAsync(u => u.Id == judgeId && JudgeIds().Contains(u.Id), ct) ?? throw new DomainException("The judge was not found.");
            var before = string.Join(",", judge.ConflictUnitIds);
            if (judge.ConflictUnitIds.SequenceEqual(chosen))
            {
                return null;
            }

            if (before != (was ?? string.Empty))
            {
                throw new DomainException("Someone else changed this judge's conflicts since you opened this page, so nothing was saved. They are shown now; choose again.");
            }

            judge.ConflictUnitIds = chosen;
            audit.Record("Judge's conflict units recorded", "User", judgeId.ToString(CultureInfo.InvariantCulture), before, $"{string.Join(",", chosen)}; {why}");
            var (handedOn, dropped) = await judging.StepAsideAsync([judgeId], "Judge stepped aside (recorded conflict)", $"units={string.Join(",", chosen)}", ct);
            return (SteppedAside?)new SteppedAside(handedOn, dropped);
        }, cancellationToken);
    }

    /// <summary>Records that a judge may not judge one entry; null when it was recorded already (nothing changes).</summary>
    public async Task<SteppedAside?> RecordEntryAsync(int judgeId, string? code, string? reason, int byUserId, CancellationToken cancellationToken)
    {
        var why = ChangeReasons.Required(reason, JudgeConflicts.MaxReasonLength);
        var typed = (code ?? string.Empty).Trim().ToUpperInvariant();
        var entry = await db.Entries.Where(e => e.Code == typed && e.Status != EntryStatus.Draft).Select(e => new { e.Id, e.Code }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainException("No submitted entry has the code {0}.", typed);
        // The record and the judge stepping aside are one change (JudgingSetup.StepAsideAsync).
        return await ImmediateTransaction.RunAsync(db, async ct =>
        {
            if (!await db.Users.AnyAsync(u => u.Id == judgeId && JudgeIds().Contains(u.Id), ct))
            {
                throw new DomainException("The judge was not found.");
            }

            if (await db.Conflicts.AnyAsync(c => c.EntryId == entry.Id && c.JudgeUserId == judgeId, ct))
            {
                return null;
            }

            db.Conflicts.Add(new Conflict(entry.Id, judgeId, site.UtcNow, byUserId, why));
            audit.Record("Conflict recorded", "Entry", entry.Code, null, $"judge={judgeId}; {why}");
            var (handedOn, dropped) = await judging.StepAsideAsync([judgeId], "Judge stepped aside (recorded conflict)", $"entry={entry.Code}", ct);
            return (SteppedAside?)new SteppedAside(handedOn, dropped);
        }, cancellationToken);
    }

    /// <summary>Removes a conflict the organizer recorded (not one a judge declared): the judge may be assigned the entry again.</summary>
    public async Task<string> RemoveEntryAsync(int conflictId, CancellationToken cancellationToken) =>
        await ImmediateTransaction.RunAsync(db, async ct =>
        {
            var conflict = await db.Conflicts.FirstOrDefaultAsync(c => c.Id == conflictId, ct) ?? throw new DomainException("The conflict was not found.");
            if (conflict.RecordedByUserId is null)
            {
                throw new DomainException("A judge declared this conflict; only the organizer's own records can be removed.");
            }

            var code = await db.Entries.Where(e => e.Id == conflict.EntryId).Select(e => e.Code).FirstAsync(ct);
            db.Conflicts.Remove(conflict);
            audit.Record("Recorded conflict removed", "Entry", code, $"judge={conflict.JudgeUserId}; {conflict.Reason}", null);
            return code;
        }, cancellationToken);

    private IQueryable<int> JudgeIds() =>
        db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Judge)).Select(ur => ur.UserId);
}
