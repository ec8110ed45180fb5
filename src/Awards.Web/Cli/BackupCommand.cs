using System.Globalization;
using Awards.Core.Common;
using Awards.Web.Data;
using Awards.Web.Data.Backups;
using Awards.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Awards.Web.Cli;

/// <summary>
/// <c>backup --out FILE</c> while the site runs, and <c>restore FILE [--yes]</c> into a stopped
/// site (docs/decisions/0008-backup-and-restore.md). Output is for operators, in English.
/// </summary>
internal static class BackupCommand
{
    public static async Task<int> BackupAsync(IServiceProvider services, Arguments arguments, TextWriter output)
    {
        var target = Path.GetFullPath(arguments.Required("--out"));
        var database = DatabasePath(services);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var contents = await DatabaseBackup.WriteAsync(database, target, BackupSchema.Of(services.GetRequiredService<AwardsDbContext>()), CancellationToken.None);
            await output.WriteLineAsync($"Backed up {database} to {target} ({new FileInfo(target).Length / 1024} KB: {contents}).");
            await output.WriteLineAsync($"Not in the backup: the Data Protection keys ({Keys(services)}); keep a copy of that folder separately (ADR 0008).");
            return 0;
        }
        catch (Exception ex) when (ex is BackupRefusedException or Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            // A full disk or an unwritable folder is the operator's to fix: say what happened, no stack trace.
            await output.WriteLineAsync($"error: {ex.Message.TrimEnd('.')}. No backup was written.");
            return 1;
        }
    }

    public static async Task<int> RestoreAsync(IServiceProvider services, Arguments arguments, TextWriter output)
    {
        var file = Path.GetFullPath(arguments.Positional ?? throw new ArgumentException("name the backup file to restore"));
        var database = DatabasePath(services);
        if (!arguments.Flag("--yes") && !arguments.InputIsTerminal)
        {
            await output.WriteLineAsync("error: restore asks for confirmation, and standard input is not a terminal; pass --yes to restore from a script.");
            return 2;
        }

        if (!File.Exists(file))
        {
            await output.WriteLineAsync($"error: there is no file {file}");
            return 1;
        }

        if (DatabaseLock.IsDisabled)
        {
            await output.WriteLineAsync("error: file locking is switched off (DOTNET_SYSTEM_IO_DISABLEFILELOCKING), so a running site cannot be detected; restore refuses.");
            return 1;
        }

        using var exclusive = DatabaseLock.TryExclusive(database);
        if (exclusive is null)
        {
            await output.WriteLineAsync($"error: the site (or another admin command) is running on {database}; stop it, then restore. Nothing was changed.");
            return 1;
        }

        var staging = database + ".restoring";
        try
        {
            if (new FileInfo(file + "-wal") is { Exists: true, Length: > 0 })
            {
                throw new BackupRefusedException($"{file} has a write-ahead log beside it: it is a live database, not a backup; make one with the backup command");
            }

            File.Copy(file, staging, overwrite: true);
            var contents = DatabaseBackup.Inspect(staging, BackupSchema.Of(services.GetRequiredService<AwardsDbContext>()), file);
            var aside = $"{database}.before-restore-{services.GetRequiredService<IClock>().UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";
            await output.WriteLineAsync($"Backup {file}: intact; {contents}.");
            await output.WriteLineAsync(File.Exists(database)
                ? $"It replaces {database}; the current database is kept as {aside}."
                : $"It becomes {database} (there is no database there yet).");
            if (!arguments.Flag("--yes"))
            {
                await output.WriteAsync("Type yes to restore: ");
                if (!string.Equals(arguments.Input.ReadLine()?.Trim(), "yes", StringComparison.OrdinalIgnoreCase))
                {
                    await output.WriteLineAsync("Not restored. Nothing was changed.");
                    return 1;
                }
            }

            DatabaseBackup.Replace(staging, database, aside);
            await output.WriteLineAsync($"Restored {database} from {file}. Start the site; it applies any newer migrations at start.");
            return 0;
        }
        catch (BackupRefusedException ex)
        {
            await output.WriteLineAsync($"error: {ex.Message}. Nothing was changed.");
            return 1;
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            // The rename over the database is the last step and all or nothing, so the database is the old one.
            await output.WriteLineAsync($"error: {ex.Message.TrimEnd('.')}. The database was not replaced.");
            return 1;
        }
        finally
        {
            File.Delete(staging);
            File.Delete(staging + "-journal");
        }
    }

    private static string DatabasePath(IServiceProvider services) =>
        AppPaths.Resolve(services.GetRequiredService<IOptions<AwardsOptions>>().Value.DatabasePath);

    private static string Keys(IServiceProvider services) =>
        AppPaths.Resolve(services.GetRequiredService<IOptions<AwardsOptions>>().Value.KeysPath);
}
