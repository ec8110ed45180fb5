using Awards.Core.Identity;
using Awards.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Features.Units;

/// <summary>The units of the city, as a hierarchy.</summary>
[Authorize(Roles = Roles.Organizer)]
public sealed class UnitsController(AwardsDbContext db) : Controller
{
    [HttpGet("/organizer/units")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await db.Units.AsNoTracking().OrderBy(u => u.Kind).ThenBy(u => u.Id).ToListAsync(cancellationToken));
}
