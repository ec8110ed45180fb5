using System.Globalization;
using System.Security.Claims;

namespace Awards.Web.Infrastructure;

/// <summary>The signed-in person's account id, from the claim Identity puts in the cookie.</summary>
public static class UserIds
{
    /// <summary>Null for an anonymous visitor (or the CLI, which has no principal).</summary>
    public static int? UserId(this ClaimsPrincipal? user) =>
        int.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>For actions behind [Authorize], where a signed-in person is guaranteed.</summary>
    public static int RequiredUserId(this ClaimsPrincipal user) =>
        user.UserId() ?? throw new InvalidOperationException("No signed-in user.");
}
