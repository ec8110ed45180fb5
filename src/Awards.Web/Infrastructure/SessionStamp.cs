using Awards.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Infrastructure;

/// <summary>
/// Signing out renews the account's security stamp, and every request compares the stamp in the
/// cookie with the account's (one indexed read). A copy of the cookie therefore stops working the
/// moment its owner signs out (ASVS 3.3.1), instead of when Identity next checks, minutes later.
/// Signing out this way ends the account's sessions on other devices too, which is what an
/// office that shares computers wants.
/// </summary>
public static class SessionStamp
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.UserId() is int id)
        {
            var claimType = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
            var inCookie = context.Principal.FindFirst(claimType)?.Value;
            var db = context.HttpContext.RequestServices.GetRequiredService<AwardsDbContext>();
            var current = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.SecurityStamp).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
            if (current is null || current != inCookie)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
        }

        // Identity's own check (lockout, a changed password) keeps running at its interval.
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
