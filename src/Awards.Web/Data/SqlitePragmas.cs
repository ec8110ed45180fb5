using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Awards.Web.Data;

/// <summary>
/// Per-connection SQLite settings (SECURITY.md §5, docs/decisions/0002-sqlite.md). WAL itself is
/// a property of the database file and is switched on once by <see cref="DatabaseSetup"/>.
/// synchronous=NORMAL in WAL mode keeps every committed transaction through a process crash
/// (SIGKILL); only a power cut can lose the last commits, never corrupt the file.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = CommandText(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = CommandText(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // The millisecond busy handler where it installs, else SQLite's own (whole-second) busy_timeout.
    private static string CommandText(DbConnection connection) =>
        connection is SqliteConnection sqlite && SqliteBusyWait.TryInstall(sqlite) ? Pragmas : SqliteBusyWait.FallbackPragma + " " + Pragmas;
}
