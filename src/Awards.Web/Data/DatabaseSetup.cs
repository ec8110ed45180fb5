using Awards.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Data;

internal static class DatabaseSetup
{
    public static string ConnectionString(AwardsOptions options)
    {
        var path = AppPaths.Resolve(options.DatabasePath);
        return new SqliteConnectionStringBuilder { DataSource = path, Cache = SqliteCacheMode.Private, Pooling = true }.ToString();
    }

    public static void Configure(DbContextOptionsBuilder builder, AwardsOptions options)
    {
        // SQLite's pauses in milliseconds, not whole seconds: the VFS is chosen when a native
        // connection opens, so it is installed before the contexts' first one.
        SqliteSleep.EnsureInstalled();
        builder.UseSqlite(ConnectionString(options)).AddInterceptors(new SqlitePragmas());
    }

    /// <summary>Creates the folder and the file, switches on WAL, applies checked-in migrations.</summary>
    public static async Task MigrateAsync(AwardsDbContext db, CancellationToken cancellationToken = default)
    {
        var path = db.Database.GetDbConnection().DataSource;
        if (!string.IsNullOrEmpty(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
