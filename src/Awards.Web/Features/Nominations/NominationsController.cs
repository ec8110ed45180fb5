using Awards.Core.Common;
using Awards.Core.Entries;
using Awards.Core.Identity;
using Awards.Core.Tracks;
using Awards.Core.Units;
using Awards.Web.Authorization;
using Awards.Web.Features.Entries;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Nominations;

/// <summary>
/// A unit coordinator's nominations: draft, edit, attach, submit, withdraw, receipt. Every
/// action loads the entry and authorizes it; anything not this unit's answers 404.
/// </summary>
[Authorize(Roles = Roles.UnitCoordinator)]
[Route("nominations")]
public sealed class NominationsController(
    Nominations nominations,
    EntryWorkflow workflow,
    EntryQueries queries,
    SiteContext site,
    CurrentUser currentUser,
    IAuthorizationService authorization,
    IStringLocalizer<SharedResource> l) : EntryControllerBase(workflow, authorization, l)
{
    protected override TrackKind Kind => TrackKind.Nomination;

    protected override string PageOf(Entry entry) => $"/nominations/{entry.Code}";

    [HttpGet("new/{track}")]
    public async Task<IActionResult> New(string track, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync(cancellationToken);
        if (await NominationTrackAsync(track, cancellationToken) is not { } t || me?.UnitId is not int unitId)
        {
            return NotFound();
        }

        if (await RefusedAsync(() => Workflow.EnsureTakesNewEntriesAsync(t, me.Id, unitId, cancellationToken), "/coordinator") is { } refused)
        {
            return refused;
        }

        var form = new NominationForm { FormKey = Guid.NewGuid().ToString("N") };
        return View("Form", await FormPageAsync(t, form, unitId, null, null, cancellationToken));
    }

    [HttpPost("new/{track}")]
    [EnableRateLimiting(SiteSetup.EntryRateLimit)]
    public async Task<IActionResult> Create(string track, [Bind(Prefix = "Form")] NominationForm form, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync(cancellationToken);
        if (await NominationTrackAsync(track, cancellationToken) is not { } t || me?.UnitId is not int unitId)
        {
            return NotFound();
        }

        var (allowed, nomineeUnit) = await NomineeUnitAsync(t, form, unitId, cancellationToken);
        if (!allowed)
        {
            return NotFound();
        }

        nominations.Validate(t, form, ModelState);
        if (ModelState.IsValid)
        {
            try
            {
                var entry = await nominations.CreateAsync(t, me, form, nomineeUnit, cancellationToken);
                KeptForms.Saved(TempData, User, Request.Path);
                TempData["Message"] = L["The draft is saved as {0}. Add attachments, then submit it.", entry.Code].Value;
                return Redirect($"/nominations/{entry.Code}");
            }
            catch (DomainException ex)
            {
                ModelState.AddModelError(string.Empty, L.Rule(ex));
            }
        }

        return View("Form", await FormPageAsync(t, form, unitId, null, null, cancellationToken));
    }

    [HttpGet("{code}")]
    public async Task<IActionResult> Show(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, EntryOperations.Read, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        var changeable = await Workflow.CanChangeAsync(entry, cancellationToken);
        return View(await queries.ViewAsync(entry, changeable, $"/nominations/{entry.Code}/attachments", cancellationToken));
    }

    [HttpGet("{code}/edit")]
    public async Task<IActionResult> Edit(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, EntryOperations.Change, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        if (await RefusedAsync(() => Workflow.EnsureChangeableAsync(entry, cancellationToken), $"/nominations/{entry.Code}") is { } refused)
        {
            return refused;
        }

        var form = NominationForm.From(entry, await queries.UnitCodeAsync(entry.NomineeUnitId, cancellationToken));
        return View("Form", await FormPageAsync(entry.Track, form, entry.UnitId, entry.Code, entry, cancellationToken));
    }

    [HttpPost("{code}/edit")]
    [EnableRateLimiting(SiteSetup.EntryRateLimit)]
    public async Task<IActionResult> Update(string code, [Bind(Prefix = "Form")] NominationForm form, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, EntryOperations.Change, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        var (allowed, nomineeUnit) = await NomineeUnitAsync(entry.Track, form, entry.UnitId, cancellationToken);
        if (!allowed)
        {
            return NotFound();
        }

        nominations.Validate(entry.Track, form, ModelState);
        if (ModelState.IsValid)
        {
            try
            {
                if (await nominations.EditAsync(entry, form, nomineeUnit, cancellationToken))
                {
                    KeptForms.Saved(TempData, User, Request.Path);
                    TempData["Message"] = L["Your changes are saved."].Value;
                    return Redirect($"/nominations/{entry.Code}");
                }

                ModelState.AddModelError(string.Empty, L["This nomination was changed since you opened this form (in another window, or by another coordinator of your unit), so nothing was saved. What you typed is still in the form, and what is saved now is shown below it: save again to replace it with what you typed."]);
                ModelState.Remove("Form." + nameof(form.Version));
                var page = await FormPageAsync(entry.Track, form with { Version = EntryWorkflow.VersionOf(entry) }, entry.UnitId, entry.Code, entry, cancellationToken);
                return View("Form", page with { SavedNow = entry });
            }
            catch (DomainException ex)
            {
                ModelState.AddModelError(string.Empty, L.Rule(ex));
            }
        }

        return View("Form", await FormPageAsync(entry.Track, form, entry.UnitId, entry.Code, entry, cancellationToken));
    }

    [HttpPost("{code}/submit")]
    [EnableRateLimiting(SiteSetup.EntryRateLimit)]
    public Task<IActionResult> Submit(string code, CancellationToken cancellationToken) =>
        SubmitEntryAsync(code, cancellationToken);

    [HttpGet("{code}/receipt")]
    public async Task<IActionResult> Receipt(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, EntryOperations.Read, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        if (entry.Status is not (EntryStatus.Submitted or EntryStatus.Accepted) || entry.SubmittedAt is null)
        {
            return Redirect($"/nominations/{entry.Code}");
        }

        return View(await queries.ViewAsync(entry, false, $"/nominations/{entry.Code}/attachments", cancellationToken));
    }

    [HttpPost("{code}/withdraw")]
    [EnableRateLimiting(SiteSetup.EntryRateLimit)]
    public Task<IActionResult> Withdraw(string code, CancellationToken cancellationToken) =>
        WithdrawEntryAsync(code, "The nomination {0} is withdrawn; it no longer counts towards your unit's limit.", "/coordinator", cancellationToken);

    private async Task<Track?> NominationTrackAsync(string code, CancellationToken cancellationToken) =>
        (await site.CurrentContestAsync(cancellationToken))?.Tracks.FirstOrDefault(t => t.Code == code && t.Kind == TrackKind.Nomination);

    /// <summary>The unit nominated as an organisation; not allowed when the form names a unit this coordinator may not nominate.</summary>
    private async Task<(bool Allowed, Unit? Unit)> NomineeUnitAsync(Track track, NominationForm form, int unitId, CancellationToken cancellationToken)
    {
        if (track.Entrant != Entrant.Organisation || string.IsNullOrEmpty(form.NomineeUnit))
        {
            return (true, null);
        }

        var unit = (await nominations.NomineeUnitsAsync(unitId, cancellationToken)).FirstOrDefault(u => u.Code == form.NomineeUnit);
        return (unit is not null, unit);
    }

    /// <summary>The form's page; for an existing <paramref name="entry"/>, its changes close at its own date when it was returned with one.</summary>
    private async Task<NominationFormPage> FormPageAsync(Track track, NominationForm form, int unitId, string? code, Entry? entry, CancellationToken cancellationToken)
    {
        var contest = await site.CurrentContestAsync(cancellationToken);
        var units = track.Entrant == Entrant.Organisation ? await nominations.NomineeUnitsAsync(unitId, cancellationToken) : [];
        var taken = units.Count > 0 ? await Workflow.NominatedUnitsAsync(track.Id, code, cancellationToken) : new Dictionary<int, string>();
        return new NominationFormPage(track, form, units, code, entry?.ChangesCloseAt(contest!.Schedule) ?? contest!.Schedule.SubmissionClosesAt, taken);
    }
}
