namespace Awards.Web.Infrastructure;

/// <summary>
/// The code of an award or a unit that the organizer chooses: it goes into web addresses
/// (/tracks/village-story, /organizer/units/water-bureau) and fits the 40-character columns.
/// </summary>
public static class Slug
{
    /// <summary>2 to 40 lowercase letters, digits and hyphens, starting with a letter.</summary>
    public const string Pattern = "^[a-z][a-z0-9-]{1,39}$";
}
