using Awards.Web.Data;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Features.Culture;

/// <summary>
/// The language switch: remembers the choice in a cookie for a year and, for someone signed in, on
/// their account (their mail is written in it, and their other devices show it at the next sign-in).
/// </summary>
public sealed class CultureController(AwardsDbContext db) : Controller
{
    [HttpPost("/culture")]
    [Leader.OwnAccount]
    public async Task<IActionResult> Set(string culture, string? returnUrl, CancellationToken cancellationToken)
    {
        if (Cultures.Find(culture) is { } chosen)
        {
            Cultures.Choose(Response, chosen);
            if (User.UserId() is int userId && await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken) is { } user && user.Language != chosen.Name)
            {
                user.Language = chosen.Name;
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
