using Awards.Core.Identity;

namespace Awards.Web.Features.Users;

/// <summary>The display name (a localization key) of each role.</summary>
public static class RoleNames
{
    public static string Display(string role) => role switch
    {
        Roles.Organizer => "Organizer",
        Roles.UnitCoordinator => "Unit coordinator",
        Roles.Author => "Author",
        Roles.Judge => "Judge",
        _ => role,
    };
}
