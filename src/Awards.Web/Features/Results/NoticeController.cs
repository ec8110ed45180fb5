using System.ComponentModel.DataAnnotations;
using Awards.Core.Common;
using Awards.Core.Results;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Results;

/// <summary>The public notice of proposed winners (公示) with the objection form, and the final results.</summary>
public sealed class NoticeController(PublicResults results, Objections objections, ObjectionAllowance allowance, IStringLocalizer<SharedResource> l) : Controller
{
    private const string NoticeView = "~/Features/Results/Views/Notice.cshtml";

    private const string ObjectionView = "~/Features/Results/Views/ObjectionStatus.cshtml";

    [HttpGet("notice")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(NoticeView, new NoticePage(await results.TracksAsync(ResultStage.Notice, cancellationToken), new ObjectionForm()));

    [HttpPost("notice/objections")]
    [EnableRateLimiting(SiteSetup.ObjectionRateLimit)]
    public async Task<IActionResult> RaiseObjection(ObjectionForm form, CancellationToken cancellationToken)
    {
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!allowance.TryTake(address))
        {
            // The error page says, for this path, how long to wait.
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        var received = false;
        try
        {
            if (ModelState.IsValid)
            {
                try
                {
                    var objection = await objections.SubmitAsync(form.Track, form.Entry, form.Name, form.Contact, form.Text, cancellationToken);
                    received = true;
                    TempData["Message"] = objection.Mailed
                        ? l["Your objection is received. Its reference is {0}; a receipt is on its way to the e-mail address you gave, and the organizer's decision will follow there.", objection.Reference].Value
                        : l["Your objection is received. Its reference is {0}: keep it to look the objection up here. The organizer will look into it and contact you.", objection.Reference].Value;
                    return Redirect($"/notice/objections/{objection.Reference}");
                }
                catch (DomainException ex)
                {
                    ModelState.AddModelError(string.Empty, l.Rule(ex));
                }
            }
        }
        finally
        {
            // A mistaken form (or one that failed) costs the visitor nothing.
            if (!received)
            {
                allowance.GiveBack(address);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(NoticeView, new NoticePage(await results.TracksAsync(ResultStage.Notice, cancellationToken), form));
    }

    /// <summary>The lookup form on the notice: a reference typed in goes to its objection's page.</summary>
    [HttpGet("notice/lookup")]
    [EnableRateLimiting(SiteSetup.LookupRateLimit)]
    public async Task<IActionResult> Lookup(string? reference, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(reference)
            ? LookupRefused(l["Please enter the reference of your objection."], reference, StatusCodes.Status400BadRequest)
            : await objections.FindAsync(reference, cancellationToken) is { } found
                ? Redirect($"/notice/objections/{found.Reference}")
                : LookupRefused(l["No objection has the reference {0}. Check it against the confirmation page or the receipt mail.", Shown(reference)], reference);

    /// <summary>An objection's status for whoever holds its reference: no name, contact or who decided it.</summary>
    [HttpGet("notice/objections/{reference}")]
    [EnableRateLimiting(SiteSetup.LookupRateLimit)]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Objection(string reference, CancellationToken cancellationToken) =>
        await objections.FindAsync(reference, cancellationToken) is { } found
            ? View(ObjectionView, new ObjectionLookup(found, reference))
            : LookupRefused(l["No objection has the reference {0}. Check it against the confirmation page or the receipt mail.", Shown(reference)], reference);

    [HttpGet("results")]
    public async Task<IActionResult> Final(CancellationToken cancellationToken) =>
        View("~/Features/Results/Views/Final.cshtml", await results.TracksAsync(ResultStage.Final, cancellationToken));

    [HttpGet("results/essays/{code}")]
    public async Task<IActionResult> Essay(string code, CancellationToken cancellationToken) =>
        await results.WinningEssayAsync(code.ToUpperInvariant(), cancellationToken) is { } found
            ? View("~/Features/Results/Views/Essay.cshtml", new WinningEssayPage(found.Entry.Title, found.Entry.Body, found.Winner))
            : NotFound();

    /// <summary>A reference as typed, shown back in a refusal: no longer than one could be, with room for a typo.</summary>
    private static string Shown(string reference) => reference.Trim() is var typed && typed.Length > 20 ? typed[..20] + "…" : typed;

    private ViewResult LookupRefused(string message, string? reference, int status = StatusCodes.Status404NotFound)
    {
        Response.StatusCode = status;
        return View(ObjectionView, new ObjectionLookup(null, reference?.Trim(), message));
    }
}

public sealed record ObjectionLookup(ObjectionStatus? Found, string? Reference, string? Error = null);

public sealed record NoticePage(IReadOnlyList<PublicTrack> Tracks, ObjectionForm Form);

public sealed record WinningEssayPage(string Title, string Body, Winner Winner);

public sealed class ObjectionForm
{
    [Required(ErrorMessage = "Please choose the award your objection is about.")]
    [Display(Name = "Award")]
    public string Track { get; set; } = string.Empty;

    [StringLength(Core.Entries.EntryCode.Length, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Entry code")]
    public string? Entry { get; set; }

    [Required(ErrorMessage = "Please enter your name.")]
    [StringLength(Objection.MaxNameLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Your name")]
    public string Name { get; set; } = string.Empty;

    [Required(ErrorMessage = "Please enter your phone number or e-mail address.")]
    [StringLength(Objection.MaxContactLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Phone or e-mail")]
    public string Contact { get; set; } = string.Empty;

    [Required(ErrorMessage = "Please write your objection.")]
    [StringLength(Objection.MaxTextLength, MinimumLength = 10, ErrorMessage = "{0} must have {2} to {1} characters.")]
    [Display(Name = "Objection")]
    public string Text { get; set; } = string.Empty;
}
