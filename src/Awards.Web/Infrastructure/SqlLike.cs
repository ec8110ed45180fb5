namespace Awards.Web.Infrastructure;

/// <summary>
/// Patterns for <c>EF.Functions.Like</c> with <see cref="Escape"/> as the escape character: the
/// user's text matches as written, its <c>%</c> and <c>_</c> included. SQLite's LIKE ignores the
/// case of ASCII letters.
/// </summary>
public static class SqlLike
{
    public const string Escape = "\\";

    /// <summary>A pattern that matches any text containing <paramref name="text"/>.</summary>
    public static string Containing(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
    }
}
