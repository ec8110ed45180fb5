using System.ComponentModel.DataAnnotations;
using Awards.Core.Entries;
using Awards.Core.Identity;
using Awards.Core.Units;
using Awards.Web.Data;
using Awards.Web.Features.Account;
using Awards.Web.Features.Entries;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Profile;

public sealed record ProfileForm
{
    [Required(ErrorMessage = "Please enter your real name.")]
    [StringLength(50, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Real name")]
    public string Name { get; set; } = string.Empty;

    [Required(ErrorMessage = "Please enter your phone number.")]
    [RegularExpression(@"^\+?[0-9 \-]{7,20}$", ErrorMessage = "Please enter a valid phone number.")]
    [Display(Name = "Phone")]
    public string Phone { get; set; } = string.Empty;

    [Required(ErrorMessage = "Please choose your county or unit.")]
    [Display(Name = "Your county or unit")]
    public int? UnitId { get; set; }
}

public sealed record ProfilePage(ProfileForm Form, string Email, IReadOnlyList<UnitOption> Units, bool UnitLocked);

/// <summary>
/// An author's profile: real name, phone and unit. The name and phone are what the judge
/// rendition hides, so saving rebuilds the renditions; the unit is fixed once an essay counts for it.
/// </summary>
[Authorize(Roles = Roles.Author)]
[Route("author/profile")]
public sealed class ProfileController(AwardsDbContext db, JudgeRenditions renditions, AuditLog audit, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var me = await MeAsync(cancellationToken);
        return View(await PageAsync(new ProfileForm { Name = me.DisplayName, Phone = me.PhoneNumber ?? string.Empty, UnitId = me.UnitId }, me, cancellationToken));
    }

    [HttpPost("")]
    public async Task<IActionResult> Save([Bind(Prefix = "Form")] ProfileForm form, CancellationToken cancellationToken)
    {
        var me = await MeAsync(cancellationToken);
        var page = await PageAsync(form, me, cancellationToken);
        if (form.UnitId is int unitId && page.Units.All(u => u.Id != unitId))
        {
            return NotFound();
        }

        if (page.UnitLocked && form.UnitId != me.UnitId)
        {
            ModelState.AddModelError("Form.UnitId", l["Your unit cannot change once you have submitted an essay: it counts for that unit. Withdraw the essay first, or ask the organizer."]);
        }

        if (!ModelState.IsValid)
        {
            return View("Index", page);
        }

        var before = $"{me.DisplayName}; {me.PhoneNumber}; {me.UnitId}";
        me.ChangeIdentity(form.Name.Trim(), form.Phone.Trim());
        me.UnitId = form.UnitId;
        if (form.UnitId is int newUnit)
        {
            foreach (var draft in await db.Entries.Where(e => e.OwnerUserId == me.Id && e.Status == EntryStatus.Draft).ToListAsync(cancellationToken))
            {
                draft.MoveToUnit(newUnit);
            }
        }

        audit.Record("Profile changed", "User", me.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), before, $"{me.DisplayName}; {me.PhoneNumber}; {me.UnitId}");
        await db.SaveChangesAsync(cancellationToken);
        await renditions.RefreshOwnerAsync(me.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = l["Your profile is saved."].Value;
        return Redirect("/author");
    }

    private async Task<AppUser> MeAsync(CancellationToken cancellationToken)
    {
        var id = User.RequiredUserId();
        return await db.Users.FirstAsync(u => u.Id == id, cancellationToken);
    }

    private async Task<ProfilePage> PageAsync(ProfileForm form, AppUser me, CancellationToken cancellationToken)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.Kind != UnitKind.City).ToListAsync(cancellationToken);
        var options = units.OrderBy(u => u.Kind).ThenBy(u => u.Id).Select(u => new UnitOption(u.Id, u.Name.ForCurrentCulture(), l[Labels.Of(u.Kind)])).ToList();
        var locked = await db.Entries.AnyAsync(e => e.OwnerUserId == me.Id && e.Status != EntryStatus.Draft && e.Status != EntryStatus.Withdrawn, cancellationToken);
        return new ProfilePage(form, me.Email!, options, locked);
    }
}
