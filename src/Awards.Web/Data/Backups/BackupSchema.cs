using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Data.Backups;

/// <summary>The migrations and tables of this version of the site: what tells an Awards backup from any other SQLite file.</summary>
public sealed record BackupSchema(IReadOnlyList<string> Migrations, IReadOnlyCollection<string> Tables)
{
    public static BackupSchema Of(AwardsDbContext db) => new(
        [.. db.Database.GetMigrations()],
        db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct(StringComparer.Ordinal).ToList());
}

/// <summary>What a backup holds, shown before a restore asks for confirmation.</summary>
public sealed record BackupContents(int Migrations, bool UpToDate, long Accounts, long Entries, long Scores, long Attachments, string? LastChange)
{
    public override string ToString() =>
        $"{Accounts} accounts, {Entries} entries, {Scores} scores, {Attachments} uploaded files; last change recorded {LastChange ?? "never"} (UTC); " +
        (UpToDate ? $"{Migrations} migrations, as this version" : $"{Migrations} migrations, older than this version (the site applies the rest at start)");
}

/// <summary>A backup or restore that cannot go ahead, with the reason for the operator (CLI output is English).</summary>
public sealed class BackupRefusedException(string message) : Exception(message);
