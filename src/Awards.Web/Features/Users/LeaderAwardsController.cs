using Awards.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Users;

/// <summary>The organizer chooses which awards and themes a member of the leading group reads (ADR 0018).</summary>
[Authorize(Roles = Roles.Organizer)]
[Route("organizer/users/{id:int}/awards")]
public sealed class LeaderAwardsController(LeaderAwards awards, IStringLocalizer<SharedResource> l) : Controller
{
    /// <summary>With the other users' pages, not in a folder of its own.</summary>
    private const string PageView = "~/Features/Users/Views/LeaderAwards.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index(int id, CancellationToken cancellationToken) =>
        await awards.PageAsync(id, null, cancellationToken) is { } page ? View(PageView, page) : NotFound();

    /// <summary>Another role's id, or an unknown one, is not found; an award not of the contest changes nothing.</summary>
    [HttpPost("")]
    public async Task<IActionResult> Index(int id, [Bind(Prefix = "Form")] LeaderAwardsForm form, CancellationToken cancellationToken)
    {
        if (await awards.LeaderAsync(id, cancellationToken) is not { } user)
        {
            return NotFound();
        }

        if (await awards.CheckAsync(form.TrackIds, cancellationToken) is not { } chosen)
        {
            ModelState.AddModelError(string.Empty, l["Choose the awards and themes from the list; nothing was changed."]);
            return View(PageView, await awards.PageAsync(id, [], cancellationToken));
        }

        TempData["Message"] = !await awards.ChangeAsync(user, chosen, cancellationToken) ? l["Nothing was changed: {0} already reads those awards.", user.Email!].Value
            : chosen.Count == 0 ? l["{0} now reads every award and theme.", user.Email!].Value
            : l["{0} now reads {1} awards and themes only.", user.Email!, chosen.Count].Value;
        return Redirect("/organizer/users?q=" + Uri.EscapeDataString(user.Email!));
    }
}
