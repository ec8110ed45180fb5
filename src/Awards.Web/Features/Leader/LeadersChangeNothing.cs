using Awards.Core.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Awards.Web.Features.Leader;

/// <summary>
/// A member of the leading group changes nothing (ADR 0018): every request of theirs that is not a
/// read is refused as a page of another role is, before the action runs, whatever the action's own
/// roles say; so a new form elsewhere cannot forget them. Only what touches their own account
/// (<see cref="OwnAccountAttribute"/>: signing in and out, the language, the password, two-step
/// verification) stays open.
/// </summary>
public sealed class LeadersChangeNothing : IAuthorizationFilter
{
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!http.User.IsInRole(Roles.Leader)
            || HttpMethods.IsGet(http.Request.Method)
            || HttpMethods.IsHead(http.Request.Method)
            || context.ActionDescriptor.EndpointMetadata.OfType<OwnAccountAttribute>().Any())
        {
            return;
        }

        context.Result = new ForbidResult();
    }
}

/// <summary>An action that changes only the signed-in person's own account or session, open to a leader too.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class OwnAccountAttribute : Attribute
{
}
