namespace Awards.Durability.Tests.Infrastructure;

/// <summary>A temporary folder for one test's database, keys, mail and exports, and the settings that point the site there.</summary>
public sealed class TestFolder : IDisposable
{
    public string Root { get; } = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "awards-durability-tests", Guid.NewGuid().ToString("N"))).FullName;

    public string DatabasePath => Path.Combine(Root, "awards.db");

    /// <summary>For the site and the admin verbs alike; rate limits high enough for a test's many posts from one address.</summary>
    public string[] Settings =>
    [
        $"--Awards:DatabasePath={DatabasePath}",
        $"--Awards:KeysPath={Path.Combine(Root, "keys")}",
        $"--Awards:ExportsPath={Path.Combine(Root, "exports")}",
        $"--Mail:PickupDirectory={Path.Combine(Root, "mail")}",
        "--Awards:Mode=Demo",
        "--Awards:RateLimits:AccountPostsPerMinute=10000",
        "--Awards:RateLimits:EntryPostsPerMinute=10000",
        // The writers save hundreds of drafts per author and theme: no cap on one account's entries.
        "--Awards:Uploads:EntriesPerAccount=1000000",
    ];

    public string PathOf(string name) => Path.Combine(Root, name);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
