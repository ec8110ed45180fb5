namespace Awards.Core.Identity;

/// <summary>The roles (PRODUCT.md). Role names are stored in the database: never rename.</summary>
public static class Roles
{
    public const string Organizer = "Organizer";
    public const string UnitCoordinator = "UnitCoordinator";
    public const string Author = "Author";
    public const string Judge = "Judge";

    /// <summary>
    /// A member of the municipal leading group (领导小组成员): sees judging progress, the rankings,
    /// the objections and the documents the office would show the group, and changes nothing (ADR 0018).
    /// </summary>
    public const string Leader = "Leader";

    public static readonly IReadOnlyList<string> All = [Organizer, UnitCoordinator, Author, Judge, Leader];

    /// <summary>
    /// Roles the organizer invites from a list (<c>invite-many</c>, next year's <c>invitations.txt</c>):
    /// the leading group too, so that next year's organizer pastes this year's members (ADR 0021);
    /// authors register themselves.
    /// </summary>
    public static readonly IReadOnlyList<string> Invited = [UnitCoordinator, Judge, Leader];

    /// <summary>
    /// Roles an organizer invites one at a time: another organizer only so, named on purpose, never
    /// from a pasted list.
    /// </summary>
    public static readonly IReadOnlyList<string> InvitedOneByOne = [UnitCoordinator, Judge, Organizer, Leader];
}
