using Microsoft.Data.Sqlite;

namespace Awards.Web.Data.Backups;

/// <summary>
/// Backups with SQLite's online backup API, and the checks and file moves of a restore
/// (docs/decisions/0008-backup-and-restore.md). A backup is one self-contained SQLite file in
/// rollback-journal mode, so it can be copied, opened with sqlite3 and checked like any file.
/// </summary>
internal static class DatabaseBackup
{
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    /// <summary>
    /// Copies the live database page by page from one read snapshot (writers go on meanwhile in WAL
    /// mode), checks the copy as a restore would, and only then gives it its name.
    /// </summary>
    public static async Task<BackupContents> WriteAsync(string database, string target, BackupSchema schema, CancellationToken cancellationToken)
    {
        if (!File.Exists(database))
        {
            throw new BackupRefusedException($"there is no database at {database}");
        }

        if (string.Equals(Path.GetFullPath(target), Path.GetFullPath(database), StringComparison.Ordinal))
        {
            throw new BackupRefusedException("the backup cannot overwrite the database itself");
        }

        var temporary = target + ".part";
        File.Delete(temporary);
        try
        {
            using (var source = Open(database))
            using (var copy = Open(temporary, create: true))
            {
                await CopyAsync(source, copy, cancellationToken);
                Execute(copy, "PRAGMA journal_mode = DELETE;");
            }

            var contents = Inspect(temporary, schema, target);
            File.Move(temporary, target, overwrite: true);
            return contents;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Checks that a file is an intact Awards database this version can run, and says what it holds;
    /// <paramref name="file"/> is what the operator calls it (the checks may run on a copy).
    /// </summary>
    public static BackupContents Inspect(string path, BackupSchema schema, string file)
    {
        if (!HasSqliteHeader(path))
        {
            throw new BackupRefusedException($"{file} is not an SQLite database, so it is not an Awards backup");
        }

        try
        {
            using var connection = Open(path);
            var problems = Rows(connection, "PRAGMA integrity_check;");
            if (problems is not ["ok"])
            {
                throw new BackupRefusedException($"{file} fails SQLite's integrity check: {problems.FirstOrDefault()}");
            }

            var tables = Rows(connection, "SELECT name FROM sqlite_master WHERE type = 'table';").ToHashSet(StringComparer.Ordinal);
            if (!tables.Contains("__EFMigrationsHistory"))
            {
                throw new BackupRefusedException($"{file} is an SQLite database but not an Awards backup (it has no migration history)");
            }

            var applied = Rows(connection, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId;");
            if (applied.FirstOrDefault(m => !schema.Migrations.Contains(m)) is { } unknown)
            {
                throw new BackupRefusedException($"{file} was made by a newer version of Awards (migration {unknown} is unknown to this one)");
            }

            if (applied.Count == 0 || !applied.SequenceEqual(schema.Migrations.Take(applied.Count)))
            {
                throw new BackupRefusedException($"{file} has migrations that do not match this version of Awards");
            }

            var upToDate = applied.Count == schema.Migrations.Count;
            var expected = upToDate ? schema.Tables : ["AspNetUsers", "Entries"];
            if (expected.Where(t => !tables.Contains(t)).ToList() is [_, ..] missing)
            {
                throw new BackupRefusedException($"{file} lacks the tables {string.Join(", ", missing)}");
            }

            long Count(string table) => tables.Contains(table) ? Convert.ToInt64(Scalar(connection, $"SELECT COUNT(*) FROM \"{table}\";"), System.Globalization.CultureInfo.InvariantCulture) : 0;
            var last = tables.Contains("AuditLog") ? Scalar(connection, "SELECT MAX(At) FROM AuditLog;") as string : null;
            return new BackupContents(applied.Count, upToDate, Count("AspNetUsers"), Count("Entries"), Count("Scores"), Count("AttachmentContents"), last);
        }
        catch (SqliteException ex)
        {
            // "file is not a database", "database disk image is malformed": damaged beyond the integrity check.
            throw new BackupRefusedException($"{file} is damaged: {ex.Message.TrimEnd('.')}");
        }
    }

    /// <summary>
    /// Puts a checked copy in the database's place. The old database is first brought up to date
    /// from its write-ahead log (a crashed site leaves commits there), then kept aside under
    /// <paramref name="aside"/> as a hard link while the copy is renamed over it: at every moment
    /// the database's path names one complete database, never a half-moved one.
    /// </summary>
    public static void Replace(string staging, string database, string aside)
    {
        if (!File.Exists(database))
        {
            File.Move(staging, database);
            return;
        }

        try
        {
            using var connection = Open(database);
            Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        }
        catch (SqliteException)
        {
            // A damaged database (often the reason for a restore) may refuse the checkpoint; its log is kept aside below.
        }

        if (new FileInfo(database + "-wal") is { Exists: true, Length: > 0 } log)
        {
            log.MoveTo(aside + "-wal");
        }

        File.Delete(database + "-wal");
        File.Delete(database + "-shm");
        File.Replace(staging, database, aside);
    }

    private static async Task CopyAsync(SqliteConnection source, SqliteConnection copy, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                source.BackupDatabase(copy);
                return;
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6 && attempt < 10)
            {
                // SQLITE_BUSY / SQLITE_LOCKED: a checkpoint held the source for a moment; the backup can simply start again.
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    private static bool HasSqliteHeader(string file)
    {
        using var stream = File.OpenRead(file);
        var header = new byte[SqliteHeader.Length];
        return stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && header.AsSpan().SequenceEqual(SqliteHeader);
    }

    /// <summary>A connection of its own, unpooled, so that the file is closed when it is disposed and can be moved.</summary>
    private static SqliteConnection Open(string path, bool create = false)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout = 10000;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static List<string> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
