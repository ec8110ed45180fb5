using System.ComponentModel.DataAnnotations;
using Awards.Core.Common;
using Awards.Core.Results;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Results;

/// <summary>The public notice of proposed winners (公示) with the objection form, and the final results.</summary>
public sealed class NoticeController(PublicResults results, ObjectionAllowance allowance, IStringLocalizer<SharedResource> l) : Controller
{
    private const string NoticeView = "~/Features/Results/Views/Notice.cshtml";

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
                    await results.SubmitObjectionAsync(form.Track, form.Entry, form.Name, form.Contact, form.Text, cancellationToken);
                    received = true;
                    TempData["Message"] = l["Your objection is received. The organizer will look into it and contact you."].Value;
                    return Redirect("/notice");
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

    [HttpGet("results")]
    public async Task<IActionResult> Final(CancellationToken cancellationToken) =>
        View("~/Features/Results/Views/Final.cshtml", await results.TracksAsync(ResultStage.Final, cancellationToken));

    [HttpGet("results/essays/{code}")]
    public async Task<IActionResult> Essay(string code, CancellationToken cancellationToken) =>
        await results.WinningEssayAsync(code.ToUpperInvariant(), cancellationToken) is { } found
            ? View("~/Features/Results/Views/Essay.cshtml", new WinningEssayPage(found.Entry.Title, found.Entry.Body, found.Winner))
            : NotFound();
}

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
