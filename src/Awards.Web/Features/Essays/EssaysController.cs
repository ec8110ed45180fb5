using Awards.Core.Common;
using Awards.Core.Entries;
using Awards.Core.Identity;
using Awards.Core.Tracks;
using Awards.Web.Authorization;
using Awards.Web.Features.Entries;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Essays;

/// <summary>
/// An author's essays: write or import from Word, confirm, submit, edit or withdraw until the
/// deadline, receipt. Every action loads the essay and authorizes it; another author's is 404.
/// </summary>
[Authorize(Roles = Roles.Author)]
[Route("essays")]
public sealed class EssaysController(
    Essays essays,
    EntryWorkflow workflow,
    EntryQueries queries,
    SiteContext site,
    CurrentUser currentUser,
    IAuthorizationService authorization,
    IStringLocalizer<SharedResource> l) : EntryControllerBase(workflow, authorization, l)
{
    /// <summary>The most one upload request may carry: the largest file cap plus the form around it.</summary>
    private const long UploadLimit = 64L * 1024 * 1024;

    protected override TrackKind Kind => TrackKind.Essay;

    protected override string PageOf(Entry entry) => $"/essays/{entry.Code}";

    [HttpGet("new/{track}")]
    public async Task<IActionResult> New(string track, CancellationToken cancellationToken)
    {
        if (await EssayTrackAsync(track, cancellationToken) is not { } t || await currentUser.GetAsync(cancellationToken) is not { } me)
        {
            return NotFound();
        }

        return await RefusedAsync(() => Workflow.EnsureTakesNewEntriesAsync(t, me.Id, me.UnitId ?? 0, cancellationToken), "/author")
            ?? View("Form", await FormPageAsync(t, new EssayForm { FormKey = Guid.NewGuid().ToString("N") }, null, [], false, cancellationToken));
    }

    [HttpPost("new/{track}")]
    [EnableRateLimiting(SiteSetup.EntryRateLimit)]
    public async Task<IActionResult> Create(string track, [Bind(Prefix = "Form")] EssayForm form, CancellationToken cancellationToken)
    {
        if (await EssayTrackAsync(track, cancellationToken) is not { } t || await currentUser.GetAsync(cancellationToken) is not { } me)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            try
            {
                var entry = await essays.CreateAsync(t, me, form, cancellationToken);
                KeptForms.Saved(TempData, User, Request.Path);
                TempData["Message"] = L["The draft is saved as {0}. Submit it when it is ready.", entry.Code].Value;
                return Redirect(PageOf(entry));
            }
            catch (DomainException ex)
            {
                ModelState.AddModelError(string.Empty, L.Rule(ex));
            }
        }

        return View("Form", await FormPageAsync(t, form, null, [], false, cancellationToken));
    }

    [HttpPost("new/{track}/import")]
    [EnableRateLimiting(SiteSetup.EntryRateLimit)]
    [RequestSizeLimit(UploadLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
    public async Task<IActionResult> ImportNew(string track, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await EssayTrackAsync(track, cancellationToken) is not { } t || await currentUser.GetAsync(cancellationToken) is not { } me)
        {
            return NotFound();
        }

        return await ImportAsync(t, me, null, file, $"/essays/new/{t.Code}", cancellationToken);
    }

    [HttpPost("{code}/import")]
    [EnableRateLimiting(SiteSetup.EntryRateLimit)]
    [RequestSizeLimit(UploadLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
    public async Task<IActionResult> ImportExisting(string code, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, EntryOperations.Change, cancellationToken) is not { } entry || await currentUser.GetAsync(cancellationToken) is not { } me)
        {
            return NotFound();
        }

        return await ImportAsync(entry.Track, me, entry, file, $"/essays/{entry.Code}/edit", cancellationToken);
    }

    [HttpGet("{code}")]
    public async Task<IActionResult> Show(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, EntryOperations.Read, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        var changeable = await Workflow.CanChangeAsync(entry, cancellationToken);
        return View(new EssayView(entry, await queries.HistoryAsync(entry, cancellationToken), changeable));
    }

    [HttpGet("{code}/edit")]
    public async Task<IActionResult> Edit(string code, bool imported, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, EntryOperations.Change, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        if (await RefusedAsync(() => Workflow.EnsureChangeableAsync(entry, cancellationToken), PageOf(entry)) is { } refused)
        {
            return refused;
        }

        var warnings = TempData["ImportWarnings"] is string w ? w.Split('\n', StringSplitOptions.RemoveEmptyEntries) : [];
        return View("Form", await FormPageAsync(entry.Track, EssayForm.From(entry), entry.Code, warnings, imported, cancellationToken));
    }

    [HttpPost("{code}/edit")]
    [EnableRateLimiting(SiteSetup.EntryRateLimit)]
    public async Task<IActionResult> Update(string code, [Bind(Prefix = "Form")] EssayForm form, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, EntryOperations.Change, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            try
            {
                if (await essays.EditAsync(entry, form, cancellationToken))
                {
                    KeptForms.Saved(TempData, User, Request.Path);
                    TempData["Message"] = L["Your changes are saved."].Value;
                    return Redirect(PageOf(entry));
                }

                ModelState.AddModelError(string.Empty, L["This essay was changed in another window or tab since you opened this form, so nothing was saved. What you typed is still in the form, and what is saved now is shown below it: save again to replace it with what you typed."]);
                ModelState.Remove("Form." + nameof(form.Version));
                var page = await FormPageAsync(entry.Track, form with { Version = EntryWorkflow.VersionOf(entry) }, entry.Code, [], false, cancellationToken);
                return View("Form", page with { SavedNow = entry });
            }
            catch (DomainException ex)
            {
                ModelState.AddModelError(string.Empty, L.Rule(ex));
            }
        }

        return View("Form", await FormPageAsync(entry.Track, form, entry.Code, [], false, cancellationToken));
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

        return entry.Status is EntryStatus.Submitted or EntryStatus.Accepted && entry.SubmittedAt is not null
            ? View(new EssayView(entry, [], false))
            : Redirect(PageOf(entry));
    }

    [HttpPost("{code}/withdraw")]
    [EnableRateLimiting(SiteSetup.EntryRateLimit)]
    public Task<IActionResult> Withdraw(string code, CancellationToken cancellationToken) =>
        WithdrawEntryAsync(code, "The essay {0} is withdrawn.", "/author", cancellationToken);

    private async Task<IActionResult> ImportAsync(Track track, Data.AppUser me, Entry? existing, IFormFile? file, string back, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            TempData["Error"] = L["Choose a file to upload."].Value;
            return Redirect(back);
        }

        try
        {
            if (existing?.Status == EntryStatus.Submitted)
            {
                // A submitted essay keeps its text until the author saves the new one: the form is
                // shown filled in, and nothing is saved yet.
                var (form, preview) = await essays.PreviewImportAsync(existing, file, cancellationToken);
                TempData["Message"] = L["Your Word file is converted, but nothing is saved yet: your submitted essay keeps its text until you save. Check the text below, confirm the declaration and save to replace it."].Value;
                return View("Form", await FormPageAsync(track, form, existing.Code, [.. preview.Warnings.Select(w => L[w].Value)], true, cancellationToken));
            }

            var (entry, converted) = await essays.ImportAsync(track, me, existing, file, cancellationToken);
            TempData["Message"] = L["Your Word file is converted. Check the text below, correct anything that came out wrong, confirm the declaration and save."].Value;
            TempData["ImportWarnings"] = string.Join('\n', converted.Warnings.Select(w => L[w].Value));
            return Redirect($"/essays/{entry.Code}/edit?imported=true");
        }
        catch (DomainException ex)
        {
            TempData["Error"] = L.Rule(ex);
            return Redirect(back);
        }
    }

    private async Task<Track?> EssayTrackAsync(string code, CancellationToken cancellationToken) =>
        (await site.CurrentContestAsync(cancellationToken))?.Tracks.FirstOrDefault(t => t.Code == code && t.Kind == TrackKind.Essay);

    private async Task<EssayFormPage> FormPageAsync(Track track, EssayForm form, string? code, IReadOnlyList<string> warnings, bool imported, CancellationToken cancellationToken)
    {
        var contest = await site.CurrentContestAsync(cancellationToken);
        return new EssayFormPage(track, form, code, contest!.Schedule.SubmissionClosesAt, warnings, imported);
    }
}
