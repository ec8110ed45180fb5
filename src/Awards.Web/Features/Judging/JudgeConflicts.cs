using Awards.Core.Judging;
using Awards.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Features.Judging;

/// <summary>An entry as conflicts see it: the unit it counts for and the unit it nominates, if any.</summary>
public sealed record EntryUnits(int EntryId, int UnitId, int? NomineeUnitId);

/// <summary>
/// Which judges may not judge which entries (ADR 0016): conflicts declared by a judge or recorded
/// by the organizer on single entries, and unit conflicts (<see cref="UnitConflicts"/>): the
/// judge's own unit, its pairs in designated help, the units the organizer recorded against the
/// judge, each whether the entry counts for the unit or names it as the nominee.
/// </summary>
public sealed class JudgeConflicts(AwardsDbContext db)
{
    public const int MaxReasonLength = 500;

    /// <summary>The pairs of designated help, read from the city's units (tens of rows).</summary>
    public async Task<UnitConflicts> PairsAsync(CancellationToken cancellationToken)
    {
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.HelpedUnitIds }).ToListAsync(cancellationToken);
        return new UnitConflicts(units.Where(u => u.HelpedUnitIds.Count > 0).Select(u => (u.Id, (IReadOnlyCollection<int>)u.HelpedUnitIds)));
    }

    /// <summary>
    /// For the planner: each entry's judges among <paramref name="judgeIds"/> who may not judge it,
    /// but for a judge of the very unit the entry counts for, which <see cref="Assigner"/> sees itself
    /// from <see cref="PanelJudge.UnitId"/>.
    /// </summary>
    public async Task<ILookup<int, int>> ConflictedAsync(IReadOnlyCollection<EntryUnits> entries, IReadOnlyCollection<int> judgeIds, CancellationToken cancellationToken)
    {
        var entryIds = entries.Select(e => e.EntryId).ToList();
        var declared = await db.Conflicts.Where(c => entryIds.Contains(c.EntryId)).Select(c => new { c.EntryId, c.JudgeUserId }).ToListAsync(cancellationToken);
        var pairs = new List<(int EntryId, int JudgeId)>(declared.Select(c => (c.EntryId, c.JudgeUserId)));
        pairs.AddRange(await UnitConflictedAsync(entries, judgeIds, ownUnitToo: false, cancellationToken));
        return pairs.Distinct().ToLookup(p => p.EntryId, p => p.JudgeId);
    }

    /// <summary>Whether the judge may not judge the entry, for any reason.</summary>
    public async Task<bool> IsConflictedAsync(int judgeId, int entryId, CancellationToken cancellationToken)
    {
        if (await db.Conflicts.AnyAsync(c => c.EntryId == entryId && c.JudgeUserId == judgeId, cancellationToken))
        {
            return true;
        }

        var entry = await db.Entries.Where(e => e.Id == entryId).Select(e => new EntryUnits(e.Id, e.UnitId, e.NomineeUnitId)).FirstAsync(cancellationToken);
        return (await UnitConflictedAsync([entry], [judgeId], ownUnitToo: true, cancellationToken)).Count > 0;
    }

    /// <summary>The (entry, judge) pairs among the given where the judge may not judge the entry because of a unit.</summary>
    public async Task<List<(int EntryId, int JudgeId)>> UnitConflictedAsync(IReadOnlyCollection<EntryUnits> entries, IReadOnlyCollection<int> judgeIds, bool ownUnitToo, CancellationToken cancellationToken)
    {
        var judges = await db.Users.AsNoTracking().Where(u => judgeIds.Contains(u.Id)).Select(u => new { u.Id, u.UnitId, u.ConflictUnitIds }).ToListAsync(cancellationToken);
        var result = new List<(int, int)>();
        if (judges.All(j => j.UnitId is null && j.ConflictUnitIds.Count == 0) || entries.Count == 0)
        {
            return result;
        }

        var pairs = await PairsAsync(cancellationToken);
        // Each entry under each unit it touches, so that a judge's few units find their entries.
        var byUnit = new Dictionary<int, List<EntryUnits>>();
        foreach (var entry in entries)
        {
            Add(byUnit, entry.UnitId, entry);
            if (entry.NomineeUnitId is int nominee && nominee != entry.UnitId)
            {
                Add(byUnit, nominee, entry);
            }
        }

        foreach (var judge in judges)
        {
            var touched = new HashSet<int>();
            foreach (var unit in pairs.For(judge.UnitId, judge.ConflictUnitIds))
            {
                foreach (var entry in byUnit.GetValueOrDefault(unit) ?? [])
                {
                    if ((ownUnitToo || entry.UnitId != judge.UnitId) && touched.Add(entry.EntryId))
                    {
                        result.Add((entry.EntryId, judge.Id));
                    }
                }
            }
        }

        return result;
    }

    private static void Add(Dictionary<int, List<EntryUnits>> byUnit, int unitId, EntryUnits entry)
    {
        if (!byUnit.TryGetValue(unitId, out var list))
        {
            list = [];
            byUnit.Add(unitId, list);
        }

        list.Add(entry);
    }
}
