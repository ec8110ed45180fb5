namespace Awards.Web.Data.Backups;

/// <summary>
/// A lock file beside the database (<c>awards.db.lock</c>) that tells a restore whether the site is
/// running. The site and the other admin verbs hold it shared for as long as they run; a restore
/// needs it exclusively. The operating system holds the lock, not the file: a site killed with
/// SIGKILL or a power cut leaves no stale lock behind, and a lock file left on disk means nothing.
/// On Linux .NET takes these locks with flock(2) when a file is opened with <see cref="FileShare"/>
/// Read (shared) or None (exclusive); they work between processes and between two opens in one
/// process (the tests), unless DOTNET_SYSTEM_IO_DISABLEFILELOCKING switches them off.
/// </summary>
public sealed class DatabaseLock : IDisposable
{
    private readonly FileStream _file;

    private DatabaseLock(FileStream file) => _file = file;

    public static string PathFor(string databasePath) => databasePath + ".lock";

    /// <summary>Whether .NET's file locks are switched off, in which case a running site cannot be detected.</summary>
    public static bool IsDisabled =>
        Environment.GetEnvironmentVariable("DOTNET_SYSTEM_IO_DISABLEFILELOCKING") is "1" or "true" ||
        (AppContext.TryGetSwitch("System.IO.DisableFileLocking", out var disabled) && disabled);

    /// <summary>Held by the site and the admin verbs: many at once, but never during a restore.</summary>
    public static DatabaseLock? TryShared(string databasePath) => TryOpen(databasePath, FileAccess.Read, FileShare.Read);

    /// <summary>Held by a restore: only when nothing else has the database open.</summary>
    public static DatabaseLock? TryExclusive(string databasePath) => TryOpen(databasePath, FileAccess.ReadWrite, FileShare.None);

    public void Dispose() => _file.Dispose();

    private static DatabaseLock? TryOpen(string databasePath, FileAccess access, FileShare share)
    {
        var path = PathFor(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return new DatabaseLock(new FileStream(path, FileMode.OpenOrCreate, access, share));
        }
        catch (IOException)
        {
            // Another holder's lock (a sharing violation); a missing folder was created above.
            return null;
        }
    }
}
