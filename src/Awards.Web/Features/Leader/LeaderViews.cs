using System.Security.Claims;
using Awards.Core.Identity;

namespace Awards.Web.Features.Leader;

/// <summary>
/// How the organizer's results views show to a member of the leading group (ADR 0018): at their own
/// addresses under <c>/leader</c>, with no form that would change anything (it would be refused) and no
/// link to an organizer's page.
/// </summary>
public static class LeaderViews
{
    public static bool ReadsOnly(this ClaimsPrincipal user) => user.IsInRole(Roles.Leader);

    /// <summary>An award's results page, for whoever reads it.</summary>
    public static string ResultsUrl(this ClaimsPrincipal user, string trackCode) =>
        (user.ReadsOnly() ? "/leader/results/" : "/organizer/results/") + trackCode;

    public static string ObjectionsUrl(this ClaimsPrincipal user) =>
        user.ReadsOnly() ? "/leader/objections" : "/organizer/results/objections";
}
