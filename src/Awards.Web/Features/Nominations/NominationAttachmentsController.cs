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

namespace Awards.Web.Features.Nominations;

/// <summary>A coordinator's supporting files: upload, remove, download (SECURITY.md §4).</summary>
[Authorize(Roles = Roles.UnitCoordinator)]
[Route("nominations")]
public sealed class NominationAttachmentsController(
    EntryWorkflow workflow,
    EntryQueries queries,
    IAuthorizationService authorization,
    IStringLocalizer<SharedResource> l) : EntryControllerBase(workflow, authorization, l)
{
    protected override TrackKind Kind => TrackKind.Nomination;

    protected override string PageOf(Entry entry) => $"/nominations/{entry.Code}";

    /// <summary>The most one upload request may carry: the largest file cap plus the form around it.</summary>
    private const long UploadLimit = 64L * 1024 * 1024;

    [HttpPost("{code}/attachments")]
    [EnableRateLimiting(SiteSetup.EntryRateLimit)]
    [RequestSizeLimit(UploadLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
    public async Task<IActionResult> Attach(string code, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, EntryOperations.Change, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        if (file is null)
        {
            TempData["Error"] = L["Choose a file to upload."].Value;
            return Redirect($"/nominations/{entry.Code}");
        }

        return await TryAsync(entry, async () =>
        {
            var attachment = await Workflow.AttachAsync(entry, file, Nominations.AttachmentKinds, cancellationToken);
            TempData["Message"] = L["{0} is attached.", attachment.FileName].Value;
            return Redirect($"/nominations/{entry.Code}");
        });
    }

    [HttpPost("{code}/attachments/{token}/delete")]
    [EnableRateLimiting(SiteSetup.EntryRateLimit)]
    public async Task<IActionResult> Detach(string code, string token, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, EntryOperations.Change, cancellationToken) is not { } entry
            || entry.Attachments.FirstOrDefault(a => a.Token == token) is not { } attachment)
        {
            return NotFound();
        }

        return await TryAsync(entry, async () =>
        {
            await Workflow.DetachAsync(entry, attachment, cancellationToken);
            TempData["Message"] = L["{0} is removed.", attachment.FileName].Value;
            return Redirect($"/nominations/{entry.Code}");
        });
    }

    [HttpGet("{code}/attachments/{token}")]
    public async Task<IActionResult> Download(string code, string token, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, EntryOperations.Read, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        return await queries.DownloadAsync(entry, token, cancellationToken) ?? (IActionResult)NotFound();
    }
}
