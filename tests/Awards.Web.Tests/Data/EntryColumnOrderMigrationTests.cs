using Awards.Web.Data;
using Awards.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Awards.Web.Tests.Data;

/// <summary>
/// The EntryColumnOrder migration rebuilds the Entries table with the long texts last. Run again
/// on the seeded demo contest, it must keep every entry's every column, the full-text search and
/// its triggers, the indexes and the foreign keys, and leave JudgeTitle before the texts.
/// </summary>
public sealed class EntryColumnOrderMigrationTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private const string Before = "20261121142810_Exports";

    [Fact]
    public void Rebuild_KeepsEveryEntry_TheSearchIndex_AndTheConstraints()
    {
        _ = factory.Server;
        // A word of the last entry's text: the search must find the same entries afterwards.
        var word = factory.WithDb(db => db.Entries.OrderBy(e => e.Id).Select(e => e.Body).Last())[..4];
        var (rowsBefore, hitsBefore, indexesBefore) = factory.WithDb(db => (Rows(db), Hits(db, word), Indexes(db)));
        Assert.NotEmpty(rowsBefore);
        Assert.NotEmpty(hitsBefore);

        factory.WithDb(db =>
        {
            var migrator = db.GetService<IMigrator>();
            migrator.Migrate(Before);
            migrator.Migrate();
            return 0;
        });

        factory.WithDb(db =>
        {
            Assert.Empty(db.Database.GetPendingMigrations());
            Assert.Equal(rowsBefore, Rows(db));
            Assert.Equal(hitsBefore, Hits(db, word));
            Assert.Equal(indexesBefore, Indexes(db));
            Assert.Equal(["ok"], Strings(db, "PRAGMA integrity_check"));
            Assert.Empty(Strings(db, "PRAGMA foreign_key_check"));
            Assert.Equal(["1"], Strings(db, "PRAGMA foreign_keys"));

            var columns = Strings(db, "SELECT name FROM pragma_table_info('Entries') ORDER BY cid");
            Assert.True(columns.IndexOf("JudgeTitle") < columns.IndexOf("Body"), string.Join(", ", columns));
            // Columns added after the rebuild (ResubmitBy, a date mostly null, which SQLite reads from
            // the row's header without walking the texts) are appended: moving them before the texts
            // would rebuild the table again.
            Assert.Equal(["RecommendationOpinion", "Body", "JudgeBody"], columns.TakeWhile(c => c != "ResubmitBy").TakeLast(3));

            // The triggers came back: a changed title is searchable, and the foreign keys hold.
            var id = db.Entries.OrderBy(e => e.Id).Select(e => e.Id).First();
            db.Database.ExecuteSqlRaw("UPDATE Entries SET Title = '列序重建之后的标题' WHERE Id = {0}", id);
            Assert.Equal([id.ToString(System.Globalization.CultureInfo.InvariantCulture)], Hits(db, "列序重建"));
            Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => db.Database.ExecuteSqlRaw("UPDATE Entries SET TrackId = 999999 WHERE Id = {0}", id));
            return 0;
        });
    }

    private static List<string> Rows(AwardsDbContext db) =>
        Strings(db, """
            SELECT json_array(Id, Code, TrackId, Status, StatusReason, Title, Body, UnitId, OwnerUserId, NomineeName, NomineeGender,
                NomineeBirthYear, NomineePosition, NomineeContact, NomineeUnitId, RecommendationOpinion, CreatedAt, UpdatedAt, SubmittedAt,
                CreationKey, OwnerSlot, UnitSlot, DeclaredOriginalAt, JudgeBody, JudgeTitle, RedactionCount)
            FROM Entries ORDER BY Id
            """);

    private static List<string> Hits(AwardsDbContext db, string phrase) =>
        Strings(db, $"SELECT rowid FROM EntrySearch WHERE EntrySearch MATCH '\"{phrase.Replace("'", "''", StringComparison.Ordinal).Replace("\"", "\"\"", StringComparison.Ordinal)}\"' ORDER BY rowid");

    private static List<string> Indexes(AwardsDbContext db) =>
        Strings(db, "SELECT type || ' ' || name || ' ' || ifnull(sql, '') FROM sqlite_master WHERE tbl_name = 'Entries' AND type IN ('index', 'trigger') ORDER BY name");

    private static List<string> Strings(AwardsDbContext db, string sql) => SqlText.Column(db, sql);
}
