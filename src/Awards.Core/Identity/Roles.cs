namespace Awards.Core.Identity;

/// <summary>The four roles (PRODUCT.md). Role names are stored in the database: never rename.</summary>
public static class Roles
{
    public const string Organizer = "Organizer";
    public const string UnitCoordinator = "UnitCoordinator";
    public const string Author = "Author";
    public const string Judge = "Judge";

    public static readonly IReadOnlyList<string> All = [Organizer, UnitCoordinator, Author, Judge];

    /// <summary>Roles the organizer gives by invitation; authors register themselves.</summary>
    public static readonly IReadOnlyList<string> Invited = [UnitCoordinator, Judge];
}
