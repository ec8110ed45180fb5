using Awards.Core.Common;
using Awards.Core.Identity;
using Awards.Core.Units;
using Awards.Web.Data;
using Awards.Web.Features.Entries;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Units;

/// <summary>
/// The units of the city, as a hierarchy, with how many accounts and entries each has. The
/// organizer adds a unit that the seed did not list (a helping unit that joins this year), and
/// renames one: a unit without entries has its name corrected; one with entries (a county that
/// became a district) keeps its present name among its former names, since texts written under
/// it carry it, and what judges read of its entries is made again to hide both.
/// </summary>
[Authorize(Roles = Roles.Organizer)]
public sealed class UnitsController(AwardsDbContext db, AuditLog audit, JudgeRenditions renditions, Features.Judging.JudgingSetup judging, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("/organizer/units")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await PageAsync(new NewUnitForm(), cancellationToken));

    [HttpPost("/organizer/units")]
    public async Task<IActionResult> Add([Bind(Prefix = "Form")] NewUnitForm form, CancellationToken cancellationToken)
    {
        var kind = form.ChosenKind();
        if (kind is null && !string.IsNullOrEmpty(form.Kind))
        {
            ModelState.AddModelError("Form." + nameof(form.Kind), l["Please choose the kind of unit."]);
        }

        if (!ModelState.IsValid || kind is null)
        {
            return View("Index", await PageAsync(form, cancellationToken));
        }

        var name = form.Name();
        var outcome = await ImmediateTransaction.RunAsync(db, async ct =>
        {
            if (await db.Units.FirstOrDefaultAsync(u => u.Code == form.Code, ct) is { } existing)
            {
                // The same form twice (a second click) added it already; another unit's code is taken.
                return existing.Name == name && existing.Kind == kind ? Outcome.Unchanged : Outcome.Taken;
            }

            var city = await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.Id).FirstAsync(ct);
            db.Units.Add(new Unit(form.Code, name, kind.Value, city));
            audit.Record("AddUnit", "Unit", form.Code, null, $"{name.Zh} / {name.En}; {kind}");
            return Outcome.Saved;
        }, cancellationToken);

        if (outcome == Outcome.Taken)
        {
            ModelState.AddModelError("Form." + nameof(form.Code), l["Another unit has the code {0}.", form.Code]);
            return View("Index", await PageAsync(form, cancellationToken));
        }

        TempData["Message"] = outcome == Outcome.Saved
            ? l["{0} is added. Its coordinator can now be invited, and authors can choose it.", name.ForCurrentCulture()].Value
            : l["Nothing was changed."].Value;
        return Redirect("/organizer/units");
    }

    [HttpGet("/organizer/units/{code}")]
    public async Task<IActionResult> Edit(string code, CancellationToken cancellationToken)
    {
        if (await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, cancellationToken) is not { } unit)
        {
            return NotFound();
        }

        return View(await EditPageAsync(unit, new UnitNameForm { NameZh = unit.Name.Zh, NameEn = unit.Name.En, WasZh = unit.Name.Zh, WasEn = unit.Name.En }, cancellationToken));
    }

    [HttpPost("/organizer/units/{code}")]
    public async Task<IActionResult> Rename(string code, [Bind(Prefix = "Form")] UnitNameForm form, CancellationToken cancellationToken)
    {
        if (await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, cancellationToken) is not { } shown)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return View("Edit", await EditPageAsync(shown, form, cancellationToken));
        }

        var name = form.Name();
        var refreshed = 0;
        Outcome outcome;
        try
        {
            outcome = await ImmediateTransaction.RunAsync(db, async ct =>
            {
                var unit = await db.Units.SingleAsync(u => u.Id == shown.Id, ct);
                if (unit.Name == name)
                {
                    return Outcome.Unchanged;
                }

                if (unit.Name != new BilingualText(form.WasZh ?? string.Empty, form.WasEn ?? string.Empty))
                {
                    return Outcome.Stale;
                }

                var before = $"{unit.Name.Zh} / {unit.Name.En}";
                var after = $"{name.Zh} / {name.En}";

                // With entries, their texts may carry the present name: it stays among the former
                // names, and what judges read of them is made again (after the save, which the
                // renditions read) to hide both. Without, the rename is a correction.
                var kept = await HasEntriesAsync(unit.Id, ct);
                unit.Rename(name, keepFormer: kept);
                if (kept)
                {
                    await db.SaveChangesAsync(ct);
                    refreshed = await renditions.RefreshUnitAsync(unit.Id, ct);
                    after += $"; former names kept; {refreshed} renditions made again";
                }

                audit.Record("RenameUnit", "Unit", unit.Code, before, after);
                return Outcome.Saved;
            }, cancellationToken);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, l.Rule(ex));
            return View("Edit", await EditPageAsync(shown, form, cancellationToken));
        }

        if (outcome == Outcome.Stale)
        {
            // Renamed by someone else since the page was opened: their name is shown, not overwritten.
            var now = await db.Units.AsNoTracking().SingleAsync(u => u.Id == shown.Id, cancellationToken);
            ModelState.AddModelError(string.Empty, l["Someone else renamed this unit to {0} since you opened this page, so nothing was saved. Save again to replace it with what you typed.", now.Name.ForCurrentCulture()]);
            ModelState.Remove("Form." + nameof(form.WasZh));
            ModelState.Remove("Form." + nameof(form.WasEn));
            form.WasZh = now.Name.Zh;
            form.WasEn = now.Name.En;
            return View("Edit", await EditPageAsync(now, form, cancellationToken));
        }

        TempData["Message"] = outcome != Outcome.Saved
            ? l["Nothing was changed."].Value
            : refreshed > 0
                ? l["The unit is renamed {0}. Its former name is kept: what judges read of its {1} submitted entries now hides both names.", name.ForCurrentCulture(), refreshed].Value
                : l["The unit is renamed {0}.", name.ForCurrentCulture()].Value;
        return Redirect("/organizer/units");
    }

    /// <summary>
    /// Sets the counties a helping or municipal unit is designated to help (结对帮扶). Judges of
    /// either side may not judge the other's entries from then on: those holding such entries in an
    /// open round step aside, as for a declared conflict (ADR 0016).
    /// </summary>
    [HttpPost("/organizer/units/{code}/helps")]
    public async Task<IActionResult> Helps(string code, [FromForm] List<int>? helped, [FromForm] string? was, CancellationToken cancellationToken)
    {
        if (await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, cancellationToken) is not { } shown)
        {
            return NotFound();
        }

        var chosen = (helped ?? []).Distinct().Order().ToList();
        var counties = await db.Units.Where(u => u.Kind == UnitKind.County).Select(u => u.Id).ToListAsync(cancellationToken);
        string? error = !shown.CanHelp ? "Only a helping unit or a municipal unit is designated to help counties."
            : chosen.Any(id => !counties.Contains(id)) ? "Choose counties from the list."
            : null;
        string? before = null;
        var (handedOn, dropped) = (0, 0);
        // The help and the judges stepping aside are one change (JudgingSetup.StepAsideAsync).
        var outcome = error is not null ? Outcome.Unchanged : await ImmediateTransaction.RunAsync(db, async ct =>
        {
            var unit = await db.Units.SingleAsync(u => u.Id == shown.Id, ct);
            before = string.Join(",", unit.HelpedUnitIds);
            if (unit.HelpedUnitIds.SequenceEqual(chosen))
            {
                return Outcome.Unchanged;
            }

            if (before != (was ?? string.Empty))
            {
                return Outcome.Stale;
            }

            unit.SetHelped(chosen);
            audit.Record("Designated help changed", "Unit", unit.Code, before, string.Join(",", chosen));
            (handedOn, dropped) = await judging.StepAsideAsync(null, "Judges stepped aside (designated help)", $"unit={shown.Code}", ct);
            return Outcome.Saved;
        }, cancellationToken);

        if (error is not null || outcome == Outcome.Stale)
        {
            var now = await db.Units.AsNoTracking().SingleAsync(u => u.Id == shown.Id, cancellationToken);
            ModelState.AddModelError(string.Empty, error is not null ? l[error] : l["Someone else changed the counties this unit helps since you opened this page, so nothing was saved. They are shown now; choose again."]);
            return View("Edit", await EditPageAsync(now, new UnitNameForm { NameZh = now.Name.Zh, NameEn = now.Name.En, WasZh = now.Name.Zh, WasEn = now.Name.En }, cancellationToken));
        }

        if (outcome == Outcome.Unchanged)
        {
            TempData["Message"] = l["Nothing was changed."].Value;
            return Redirect($"/organizer/units/{code}");
        }

        TempData["Message"] = handedOn == 0
            ? l["Saved: judges of {0} and of the counties it helps will not judge each other's entries.", shown.Name.ForCurrentCulture()].Value
            : l["Saved: judges of {0} and of the counties it helps will not judge each other's entries. {1} entries they held in open rounds went to other judges; {2} submitted scores on them no longer count (the audit log keeps them).", shown.Name.ForCurrentCulture(), handedOn, dropped].Value;
        return Redirect($"/organizer/units/{code}");
    }

    private async Task<UnitsPage> PageAsync(NewUnitForm form, CancellationToken cancellationToken)
    {
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Kind).ThenBy(u => u.Id).ToListAsync(cancellationToken);
        var accounts = await db.Users.Where(u => u.UnitId != null).GroupBy(u => u.UnitId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var entries = await db.Entries.GroupBy(e => e.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        return new UnitsPage(units, accounts, entries, form);
    }

    private async Task<UnitEditPage> EditPageAsync(Unit unit, UnitNameForm form, CancellationToken cancellationToken)
    {
        var others = await db.Units.AsNoTracking().Where(u => u.Id != unit.Id && u.Kind != UnitKind.City).OrderBy(u => u.Kind).ThenBy(u => u.Id).ToListAsync(cancellationToken);
        return new(unit, form, await HasEntriesAsync(unit.Id, cancellationToken))
        {
            Counties = unit.CanHelp ? [.. others.Where(u => u.Kind == UnitKind.County)] : [],
            HelpedBy = [.. others.Where(u => u.HelpedUnitIds.Contains(unit.Id))],
        };
    }

    /// <summary>Whether any entry, draft or not, was made blind with the unit's name: as the author's unit or as the nominated organisation.</summary>
    private Task<bool> HasEntriesAsync(int unitId, CancellationToken cancellationToken) =>
        db.Entries.AnyAsync(e => e.UnitId == unitId || e.NomineeUnitId == unitId, cancellationToken);

    private enum Outcome
    {
        Unchanged,

        /// <summary>Another unit has the code.</summary>
        Taken,

        /// <summary>Renamed by someone else since the page was opened.</summary>
        Stale,
        Saved,
    }
}

/// <summary>The units page: the units, each one's accounts and entries, and the form to add one.</summary>
public sealed record UnitsPage(IReadOnlyList<Unit> Units, IReadOnlyDictionary<int, int> Accounts, IReadOnlyDictionary<int, int> Entries, NewUnitForm Form);

/// <summary>A unit's page: its names, whether entries keep them as they are, and its pairs in designated help.</summary>
public sealed record UnitEditPage(Unit Unit, UnitNameForm Form, bool HasEntries)
{
    /// <summary>For a unit that can help: the counties it may be designated to help.</summary>
    public IReadOnlyList<Unit> Counties { get; init; } = [];

    /// <summary>The units designated to help this one.</summary>
    public IReadOnlyList<Unit> HelpedBy { get; init; } = [];
}
