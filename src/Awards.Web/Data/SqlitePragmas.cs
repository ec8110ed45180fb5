using System.Data.Common;
using System.Runtime.CompilerServices;
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
    // journal_size_limit: when a writer starts the log over, it cuts the file back to 16 MiB. The
    // file never shrinks otherwise: after a province's score import or a burst of saves it kept
    // its peak size, up to 1.1 GB, for as long as the site ran (docs/PERFORMANCE.md).
    private static readonly string Pragmas = $"PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA journal_size_limit = {WalCheckpointer.LogLimitBytes};";

    // The running site copies the log into the database file in the background (WalCheckpointer).
    private const string BackgroundCheckpoints = "PRAGMA wal_autocheckpoint = 0;";

    // The native connections already set up. EF opens and closes the pooled connection around
    // every query, but the settings belong to the native connection, which the pool keeps open:
    // they are run once per native connection, not once per query.
    private static readonly ConditionalWeakTable<object, object> Configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (CommandText(connection) is { } text)
        {
            using var command = connection.CreateCommand();
            command.CommandText = text;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (CommandText(connection) is { } text)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = text;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // The millisecond busy handler where it installs, else SQLite's own (whole-second) busy_timeout;
    // null when this native connection has them already.
    private static string? CommandText(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite)
        {
            return Pragmas;
        }

        if (sqlite.Handle is not { } handle)
        {
            return SqliteBusyWait.FallbackPragma + " " + Pragmas;
        }

        if (Configured.TryGetValue(handle, out _))
        {
            return null;
        }

        Configured.AddOrUpdate(handle, handle);
        var text = SqliteBusyWait.TryInstall(sqlite) ? Pragmas : SqliteBusyWait.FallbackPragma + " " + Pragmas;
        return WalCheckpointer.Manages(sqlite.DataSource) ? text + " " + BackgroundCheckpoints : text;
    }
}
