using Awards.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

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
    // Compiled once: the check runs on every signed-in request.
    private static readonly Func<AwardsDbContext, int, Task<string?>> CurrentStamp =
        EF.CompileAsyncQuery((AwardsDbContext db, int id) => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).FirstOrDefault());

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        if (context.Principal?.UserId() is int id)
        {
            var claimType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
            var inCookie = context.Principal.FindFirst(claimType)?.Value;
            var current = await CurrentStamp(services.GetRequiredService<AwardsDbContext>(), id);
            if (current is null || current != inCookie)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
        }

        // Identity's own check (lockout, a changed password) keeps running at its interval. It is
        // called only when due: calling it builds the sign-in manager and its graph of services
        // on every request just to find that the interval has not passed.
        var interval = services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var issued = context.Properties.IssuedUtc;
        if (issued is null || (interval.TimeProvider ?? TimeProvider.System).GetUtcNow() - issued.Value > interval.ValidationInterval)
        {
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        }
    }
}
