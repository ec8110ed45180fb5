using System.ComponentModel.DataAnnotations;
using Awards.Core.Common;
using Awards.Core.Identity;
using Awards.Core.Units;
using Awards.Web.Data;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Users;

/// <summary>
/// An account on the organizer's list; <c>LastSignIn</c> is its newest session's start, null when
/// it has not signed in since sessions were named (ADR 0013).
/// </summary>
public sealed record UserRow(int Id, string Email, string Name, string Role, string? Unit, bool Pending, bool LockedOut, bool TwoFactor, bool Off, DateTime? LastSignIn);

/// <summary>One page of the accounts list, with the filter that made it.</summary>
public sealed record UsersPage(IReadOnlyList<UserRow> Rows, string? Role, string? Query, int Page, int Pages, int Total, int Me)
{
    public string Link(int page) =>
        $"/organizer/users?role={Uri.EscapeDataString(Role ?? "")}&q={Uri.EscapeDataString(Query ?? "")}&page={page}";
}

public sealed record InviteForm
{
    [Required(ErrorMessage = "Please enter the e-mail address of the person to invite.")]
    [EmailAddress(ErrorMessage = "Please enter a valid e-mail address.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Please enter the name of the person to invite.")]
    [StringLength(50, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Name")]
    public string Name { get; set; } = string.Empty;

    [Required(ErrorMessage = "Please choose a role for the person to invite.")]
    [Display(Name = "Role")]
    public string Role { get; set; } = Roles.UnitCoordinator;

    [Display(Name = "Unit")]
    public int? UnitId { get; set; }

    /// <summary>For a member of the leading group: the awards and themes they read; none for all (<see cref="LeaderAwards"/>).</summary>
    public List<int> TrackIds { get; set; } = [];
}

/// <summary>The list of people to invite at once (<see cref="InviteLines"/>).</summary>
public sealed record InviteManyForm
{
    [StringLength(InviteLines.MaxLines * 200, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "People to invite")]
    public string? Lines { get; set; }
}

public sealed record InvitePage(InviteForm Form, IReadOnlyList<(int Id, string Name)> Units, IReadOnlyList<(int Id, string Code, string Name)> Tracks);

/// <summary>The organizer's correction of someone's unit; the reason is required (checked by <see cref="UnitCorrections"/>).</summary>
public sealed record UnitForm
{
    public int? UnitId { get; set; }

    public string? Reason { get; set; }
}

/// <summary>
/// The page that corrects an account's unit: who, their unit now, what follows from a change for
/// their role (<see cref="Consequence"/>, a localization key) and the units to choose from.
/// </summary>
public sealed record UnitPage(int Id, string Email, string Name, string Role, string? Unit, string Consequence, IReadOnlyList<(int Id, string Name)> Units, UnitForm Form);

/// <summary>The organizers' list of accounts and the invitations of coordinators, judges and other organizers.</summary>
[Authorize(Roles = Roles.Organizer)]
[Route("organizer/users")]
public sealed class UsersController(AwardsDbContext db, Invitations invitations, LeaderAwards leaderAwards, SiteContext site, AuditLog audit, IStringLocalizer<SharedResource> l) : Controller
{
    public const int PageSize = 50;

    /// <summary>
    /// The accounts, by role and then e-mail, a page at a time (a province has over 10,000, mostly
    /// authors): <paramref name="role"/> keeps one role, <paramref name="q"/> a part of the name or
    /// the e-mail address.
    /// </summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(string? role, string? q, int page = 1, CancellationToken cancellationToken = default)
    {
        var search = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var searchEmail = search?.ToUpperInvariant();
        var query =
            from u in db.Users.AsNoTracking()
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where role == null || r.Name == role
            where search == null || u.DisplayName.Contains(search) || u.NormalizedEmail!.Contains(searchEmail!)
            select new { u.Id, u.Email, u.DisplayName, Role = r.Name, u.Unit, u.InvitedAt, u.PasswordHash, u.LockoutEnd, u.TwoFactorEnabled, u.DeactivatedAt, LastSignIn = db.UserSessions.Where(s => s.UserId == u.Id).Max(s => (DateTime?)s.CreatedAt) };
        var total = await query.CountAsync(cancellationToken);
        var pages = Pager.PageCount(total, PageSize);
        page = Math.Clamp(page, 1, pages);
        var now = site.UtcNow;
        var rows = (await query.OrderBy(x => x.Role).ThenBy(x => x.Email).ThenBy(x => x.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken))
            .Select(x => new UserRow(x.Id, x.Email!, x.DisplayName, x.Role!, x.Unit?.Name.ForCurrentCulture(), x.InvitedAt != null && x.PasswordHash == null, x.LockoutEnd > now, x.TwoFactorEnabled, x.DeactivatedAt != null, x.LastSignIn))
            .ToList();
        return View(new UsersPage(rows, role, search, page, pages, total, User.RequiredUserId()));
    }

    [HttpGet("invite")]
    public async Task<IActionResult> Invite() => View(await PageAsync(new InviteForm()));

    [HttpPost("invite")]
    public async Task<IActionResult> Invite([Bind(Prefix = "Form")] InviteForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(await PageAsync(form));
        }

        var result = await invitations.InviteAsync(form.Email, form.Name, form.Role, form.UnitId, User.RequiredUserId(), form.TrackIds);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error);
            }

            return View(await PageAsync(form));
        }

        TempData["Message"] = l["An invitation was sent to {0}.", form.Email].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("invite-many")]
    public IActionResult InviteMany() => View(new InviteManyForm());

    /// <summary>
    /// Invites the coordinators, judges and leading group members of a list (<see cref="InviteLines"/>): all of them, or,
    /// when a line is wrong, none, with every wrong line named. Those who already have an account
    /// are left as they are, so the same list twice sends nothing more.
    /// </summary>
    [HttpPost("invite-many")]
    public async Task<IActionResult> InviteMany(InviteManyForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var tracks = (await leaderAwards.TracksAsync(cancellationToken)).ToDictionary(t => t.Code, t => t.Id, StringComparer.OrdinalIgnoreCase);
        var (people, errors) = InviteLines.Parse(form.Lines, units, tracks);
        foreach (var error in errors)
        {
            ModelState.AddModelError(nameof(form.Lines), l[error.Key, error.Arguments]);
        }

        if (errors.Count > 0 || people.Count == 0)
        {
            if (errors.Count == 0)
            {
                ModelState.AddModelError(nameof(form.Lines), l["Please enter the people to invite, one per line."]);
            }

            return View(form);
        }

        var emails = people.Select(p => p.Email.ToUpperInvariant()).ToList();
        var existing = (await db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).Select(u => u.NormalizedEmail!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var sent = 0;
        var failed = new List<string>();
        foreach (var person in people.Where(p => !existing.Contains(p.Email.ToUpperInvariant())))
        {
            var result = await invitations.InviteAsync(person.Email, person.Name, person.Role, person.UnitId, User.RequiredUserId(), person.TrackIds);
            if (result.Succeeded)
            {
                sent++;
            }
            else
            {
                failed.Add(l["Line {0}: {1}", person.Line, string.Join(" ", result.Errors)].Value);
            }
        }

        var summary = l["Invitations were sent to {0} people; {1} already had an account.", sent, existing.Count].Value;
        if (failed.Count == 0)
        {
            TempData["Message"] = summary;
            return RedirectToAction(nameof(Index));
        }

        // The lines that failed stay on the page with their reasons (a long list would not fit in
        // the message cookie); sent again, the invited ones are skipped as existing accounts.
        ModelState.Clear();
        ViewData["Sent"] = summary;
        foreach (var failure in failed)
        {
            ModelState.AddModelError(nameof(form.Lines), failure);
        }

        return View(form);
    }

    [HttpPost("{id:int}/resend")]
    public async Task<IActionResult> Resend(int id)
    {
        var user = await db.Users.FindAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var result = await invitations.ResendAsync(user);
        TempData["Message"] = result.Succeeded ? l["An invitation was sent to {0}.", user.Email!].Value : string.Join(" ", result.Errors);
        return RedirectToAction(nameof(Index));
    }

    /// <summary>
    /// For someone who lost the phone with their authenticator app and their recovery codes: their
    /// account signs in with the password alone again (and is signed out everywhere), until they
    /// set the app up anew. The organizer has checked who is asking, outside the site.
    /// </summary>
    [HttpPost("{id:int}/two-factor-off")]
    public async Task<IActionResult> TwoFactorOff(int id, [FromServices] UserManager<AppUser> userManager)
    {
        if (await db.Users.FindAsync(id) is not { } user)
        {
            return NotFound();
        }

        if (user.TwoFactorEnabled)
        {
            await userManager.SetTwoFactorEnabledAsync(user, false);
            await userManager.ResetAuthenticatorKeyAsync(user);
            audit.Record("TwoFactorTurnedOff", "User", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), before: "on", after: "off");
            await db.SaveChangesAsync();
        }

        TempData["Message"] = l["Two-step verification is off for {0}. They sign in with their password and can set the app up again.", user.Email!].Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>
    /// Turns an account off: someone who left their unit or the panel, or an organizer who left the
    /// office. Every session of it ends at its next request (a new stamp), and it cannot sign in, ask
    /// for a reset link or accept an invitation until it is turned on again. What it entered or
    /// scored stays. The last active organizer (one who can sign in) is never turned off, their own
    /// account included, so someone can always run the site; the check and the change share one
    /// immediate transaction, so two organizers turning each other off at once leave one on.
    /// </summary>
    [HttpPost("{id:int}/deactivate")]
    public async Task<IActionResult> Deactivate(int id, [FromServices] UserManager<AppUser> userManager, [FromServices] SessionEnds ends)
    {
        if (await db.Users.FindAsync(id) is not { } user)
        {
            return NotFound();
        }

        var turnedOff = await ImmediateTransaction.RunAsync(db, async ct =>
        {
            await db.Entry(user).ReloadAsync(ct);
            if (user.DeactivatedAt is not null)
            {
                return true;
            }

            if (await IsLastActiveOrganizerAsync(user.Id, ct))
            {
                return false;
            }

            user.DeactivatedAt = site.UtcNow;
            await userManager.UpdateSecurityStampAsync(user);
            await UserSessions.EndAsync(db, ends, site.UtcNow, user.Id, _ => true);
            audit.Record("Deactivate", "User", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), before: "on", after: "off");
            return true;
        }, HttpContext.RequestAborted);

        if (turnedOff)
        {
            TempData["Message"] = l["{0} is turned off and signed out everywhere.", user.Email!].Value;
        }
        else
        {
            TempData["Error"] = l["{0} is the last active organizer and cannot be turned off; nothing was changed. Invite another organizer first.", user.Email!].Value;
        }

        return RedirectToAction(nameof(Index));
    }

    /// <summary>Whether the account is an organizer and no other organizer can sign in (turned on, invitation accepted).</summary>
    private async Task<bool> IsLastActiveOrganizerAsync(int userId, CancellationToken cancellationToken)
    {
        var organizer = await db.Roles.Where(r => r.Name == Roles.Organizer).Select(r => r.Id).FirstAsync(cancellationToken);
        if (!await db.UserRoles.AnyAsync(ur => ur.UserId == userId && ur.RoleId == organizer, cancellationToken))
        {
            return false;
        }

        return !await db.Users.AnyAsync(
            u => u.Id != userId && u.DeactivatedAt == null && u.PasswordHash != null && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == organizer),
            cancellationToken);
    }

    [HttpPost("{id:int}/reactivate")]
    public async Task<IActionResult> Reactivate(int id)
    {
        if (await db.Users.FindAsync(id) is not { } user)
        {
            return NotFound();
        }

        if (user.DeactivatedAt is not null)
        {
            user.DeactivatedAt = null;
            audit.Record("Reactivate", "User", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), before: "off", after: "on");
            await db.SaveChangesAsync();
        }

        TempData["Message"] = l["{0} is turned on again and can sign in.", user.Email!].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:int}/unit")]
    public async Task<IActionResult> Unit(int id, CancellationToken cancellationToken) =>
        await UnitPageAsync(id, null, cancellationToken) is { } page ? View(page) : NotFound();

    /// <summary>
    /// Corrects the unit of an author, a coordinator or a judge, with a reason (<see cref="UnitCorrections"/>);
    /// an organizer has no unit, so their id is not found here, as an unknown one is not.
    /// </summary>
    [HttpPost("{id:int}/unit")]
    public async Task<IActionResult> Unit(int id, [Bind(Prefix = "Form")] UnitForm form, [FromServices] UnitCorrections corrections, CancellationToken cancellationToken)
    {
        if (await db.Users.FindAsync([id], cancellationToken) is not { } user || await UnitPageAsync(id, form, cancellationToken) is not { } page)
        {
            return NotFound();
        }

        try
        {
            var done = await corrections.ChangeAsync(user, page.Role, form.UnitId, form.Reason, cancellationToken);
            List<string> message = [l["The unit of {0} is now {1} (it was {2}).", user.Email!, done.NewUnit, done.OldUnit]];
            if (done.EssaysMoved + done.EssaysKept > 0)
            {
                message.Add(l["{0} of their essays now count for {1}; {2} in themes whose results are final stay as published.", done.EssaysMoved, done.NewUnit, done.EssaysKept]);
            }

            if (done.AssignmentsHandedOn > 0)
            {
                message.Add(l["{0} of their entries from {1} in open rounds were handed on to other judges; {2} of them had a submitted score, which no longer counts (it is kept in the audit log).", done.AssignmentsHandedOn, done.NewUnit, done.ScoresDropped]);
            }

            TempData["Message"] = string.Join(" ", message);
            return RedirectToAction(nameof(Index), new { q = user.Email });
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, l.Rule(ex));
            return View(page);
        }
    }

    private async Task<UnitPage?> UnitPageAsync(int id, UnitForm? form, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Id, u.Email, u.DisplayName, u.UnitId, u.Unit }).FirstOrDefaultAsync(cancellationToken);
        var role = user is null ? null : await db.UserRoles.Where(ur => ur.UserId == id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefaultAsync(cancellationToken);
        if (user is null || role is null || !UnitCorrections.Corrected.Contains(role))
        {
            return null;
        }

        var units = await db.Units.AsNoTracking().Where(u => role != Roles.Author || u.Kind != UnitKind.City).OrderBy(u => u.Kind).ThenBy(u => u.Id).ToListAsync(cancellationToken);
        var consequence = role switch
        {
            Roles.Author => "Their essays count for the new unit in the Outstanding Organization statistics, except those in themes whose results are final.",
            Roles.Judge => "In open rounds they are taken off the new unit's entries, which go to other judges, as after a declared conflict; closed rounds keep their scores.",
            _ => "They then see and submit the new unit's nominations, no longer the old unit's.",
        };
        return new UnitPage(user.Id, user.Email!, user.DisplayName, role, user.Unit?.Name.ForCurrentCulture(), consequence, [.. units.Select(u => (u.Id, u.Name.ForCurrentCulture()))], form ?? new UnitForm { UnitId = user.UnitId });
    }

    /// <summary>Ends a lockout from failed sign-ins before its 15 minutes are up (the organizer knows who is asking).</summary>
    [HttpPost("{id:int}/unlock")]
    public async Task<IActionResult> Unlock(int id, [FromServices] UserManager<AppUser> userManager)
    {
        if (await db.Users.FindAsync(id) is not { } user)
        {
            return NotFound();
        }

        if (await userManager.IsLockedOutAsync(user))
        {
            await userManager.SetLockoutEndDateAsync(user, null);
            await userManager.ResetAccessFailedCountAsync(user);
            audit.Record("Unlock", "User", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), before: "locked", after: "unlocked");
            await db.SaveChangesAsync();
        }

        TempData["Message"] = l["{0} can sign in again.", user.Email!].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task<InvitePage> PageAsync(InviteForm form)
    {
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Kind).ThenBy(u => u.Id).ToListAsync();
        return new InvitePage(form, units.Select(u => (u.Id, u.Name.ForCurrentCulture())).ToList(), await leaderAwards.TracksAsync(HttpContext.RequestAborted));
    }

}
