using Awards.Core.Common;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Results;

/// <summary>
/// An entrant's side of a request for a response to an objection: open to any signed-in person,
/// because who may answer follows from the entry (its unit's coordinators, its author), checked
/// after loading (<see cref="Authorization.EntryOperations.Respond"/>); anyone else gets 404.
/// </summary>
[Authorize]
public sealed class ObjectionResponsesController(ObjectionResponses responses, IStringLocalizer<SharedResource> l) : Controller
{
    private const string PageView = "~/Features/Results/Views/Respond.cshtml";

    [HttpGet("objection-responses/{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken) =>
        await responses.FindAsync(id, User, cancellationToken) is { } page ? View(PageView, new RespondPage(page, null)) : NotFound();

    [HttpPost("objection-responses/{id:int}")]
    public async Task<IActionResult> Respond(int id, string? response, CancellationToken cancellationToken)
    {
        try
        {
            if (!await responses.RespondAsync(id, response, User, cancellationToken))
            {
                return NotFound();
            }

            TempData["Message"] = l["Your response is sent to the organizer."].Value;
            return Redirect($"/objection-responses/{id}");
        }
        catch (DomainException ex)
        {
            // The page again, with what was written kept, unless the request is no longer the caller's.
            if (await responses.FindAsync(id, User, cancellationToken) is not { } page)
            {
                return NotFound();
            }

            ModelState.AddModelError(string.Empty, l.Rule(ex));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(PageView, new RespondPage(page, response));
        }
    }
}

public sealed record RespondPage(InquiryPage Inquiry, string? Written);
