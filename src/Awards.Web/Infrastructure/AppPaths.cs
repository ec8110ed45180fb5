namespace Awards.Web.Infrastructure;

/// <summary>
/// Where the site finds wwwroot/, seed/ and data/. In a checkout these sit at the repository
/// root beside Awards.sln (STYLE.md); a published copy carries them beside the executable.
/// </summary>
public static class AppPaths
{
    private const string SolutionFile = "Awards.sln";

    public static string Root { get; } = FindRoot();

    public static string WebRoot => Path.Combine(Root, "wwwroot");

    /// <summary>Resolves a configured path: absolute as given, relative to <see cref="Root"/>.</summary>
    public static string Resolve(string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(Root, path));

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                {
                    return dir.FullName;
                }
            }
        }

        return AppContext.BaseDirectory;
    }
}
