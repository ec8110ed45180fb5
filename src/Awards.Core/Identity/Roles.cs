namespace Awards.Core.Identity;

/// <summary>The four roles (PRODUCT.md). Role names are stored in the database: never rename.</summary>
public static class Roles
{
    public const string Organizer = "Organizer";
    public const string UnitCoordinator = "UnitCoordinator";
    public const string Author = "Author";
    public const string Judge = "Judge";

    public static readonly IReadOnlyList<string> All = [Organizer, UnitCoordinator, Author, Judge];

    /// <summary>
    /// Roles the organizer invites from a list (<c>invite-many</c>, next year's <c>invitations.txt</c>);
    /// authors register themselves.
    /// </summary>
    public static readonly IReadOnlyList<string> Invited = [UnitCoordinator, Judge];

    /// <summary>
    /// Roles an organizer invites one at a time: another organizer only so, each named on purpose,
    /// never from a pasted list.
    /// </summary>
    public static readonly IReadOnlyList<string> InvitedOneByOne = [UnitCoordinator, Judge, Organizer];
}
