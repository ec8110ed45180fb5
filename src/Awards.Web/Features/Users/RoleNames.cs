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
        Roles.Leader => "Leading group member",
        _ => role,
    };

    /// <summary>The role as a sentence names it, with its article in English (as a judge, as an organizer).</summary>
    public static string InSentence(string role) => role switch
    {
        Roles.Organizer => "an organizer",
        Roles.UnitCoordinator => "a unit coordinator",
        Roles.Author => "an author",
        Roles.Judge => "a judge",
        Roles.Leader => "a member of the leading group",
        _ => role,
    };
}
