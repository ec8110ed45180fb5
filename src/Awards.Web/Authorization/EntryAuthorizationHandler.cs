using Awards.Core.Entries;
using Awards.Core.Identity;
using Awards.Core.Tracks;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Awards.Web.Authorization;

/// <summary>
/// Isolation (SECURITY.md §2): a coordinator acts only on their own unit's nominations, an author
/// only on their own essays; the organizer reads and screens what has been submitted. Drafts
/// belong to their entrant alone. Controllers answer 404 when this fails, so that another unit's
/// codes cannot even be confirmed to exist.
/// </summary>
public sealed class EntryAuthorizationHandler(CurrentUser currentUser)
    : AuthorizationHandler<OperationAuthorizationRequirement, Entry>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Entry resource)
    {
        var user = context.User;
        if (user.IsInRole(Roles.Organizer)
            && resource.Status != EntryStatus.Draft
            && (requirement == EntryOperations.Read || requirement == EntryOperations.Screen))
        {
            context.Succeed(requirement);
            return;
        }

        if (requirement != EntryOperations.Read && requirement != EntryOperations.Change && requirement != EntryOperations.Respond)
        {
            return;
        }

        var isEntrant = resource.Track.Kind switch
        {
            TrackKind.Nomination => user.IsInRole(Roles.UnitCoordinator)
                && await currentUser.UnitIdAsync() is int unitId && unitId == resource.UnitId,
            TrackKind.Essay => user.IsInRole(Roles.Author) && user.UserId() == resource.OwnerUserId,
            _ => false,
        };
        if (isEntrant)
        {
            context.Succeed(requirement);
        }
    }
}
