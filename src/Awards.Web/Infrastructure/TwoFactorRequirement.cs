using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Awards.Web.Infrastructure;

/// <summary>
/// With <c>Awards:Security:RequireTwoFactorFor</c> set, the pages of those roles (an action whose
/// <c>[Authorize(Roles = …)]</c> names one of them) open only for a session signed in with
/// two-step verification (Identity's "amr" claim "mfa"). Anyone else in the role is sent to
/// their account security page to set it up, and nothing they posted is done. Public pages and
/// the account pages stay open, so the set-up itself is never blocked.
/// </summary>
public sealed class TwoFactorRequirement(IOptions<AwardsOptions> options, ITempDataDictionaryFactory tempData, IStringLocalizer<SharedResource> l) : IAuthorizationFilter
{
    public const string MethodClaim = "amr";

    public const string MultiFactor = "mfa";

    private readonly IReadOnlyList<string> _roles = options.Value.Security.TwoFactorRoles;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (_roles.Count == 0)
        {
            return;
        }

        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated != true || user.HasClaim(MethodClaim, MultiFactor))
        {
            return;
        }

        var pageRoles = context.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>()
            .SelectMany(a => a.Roles?.Split(',', StringSplitOptions.TrimEntries) ?? []);
        if (pageRoles.FirstOrDefault(r => _roles.Contains(r, StringComparer.Ordinal) && user.IsInRole(r)) is not { } role)
        {
            return;
        }

        var message = tempData.GetTempData(context.HttpContext);
        message["Error"] = l["The organizer asks every {0} to sign in with two-step verification. Set it up below; then the page opens.", l[Features.Users.RoleNames.Display(role)]].Value;
        // Saved here: a result set by an authorization filter skips the filter that saves TempData.
        message.Save();
        context.Result = new RedirectResult("/account/security");
    }
}
