using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Awards.Web.Data.Migrations
{
    /// <summary>
    /// Rebuilds Entries with the long texts last in the row (EntryConfiguration): SQLite reads a
    /// row's columns in order, so the judge queue's JudgeTitle, stored after both essay texts,
    /// walked each essay's overflow pages (docs/PERFORMANCE.md). SQLite cannot move a column, so
    /// this is its documented table rebuild, in one transaction, with the full-text triggers made
    /// again (dropping the table drops them); the rowids stay, so the EntrySearch index stays
    /// valid. EF's own rebuild for a column-order change would commit in three steps and lose the
    /// triggers. Foreign keys are off for the swap, or dropping Entries would check its referrers.
    /// </summary>
    public partial class EntryColumnOrder : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("PRAGMA foreign_keys = 0;", suppressTransaction: true);
            migrationBuilder.Sql(@"
DROP TABLE IF EXISTS ""ef_temp_Entries"";
CREATE TABLE ""ef_temp_Entries"" (
    ""Id"" INTEGER NOT NULL CONSTRAINT ""PK_Entries"" PRIMARY KEY,
    ""Code"" TEXT NOT NULL,
    ""TrackId"" INTEGER NOT NULL,
    ""Status"" TEXT NOT NULL,
    ""StatusReason"" TEXT NULL,
    ""Title"" TEXT NOT NULL,
    ""JudgeTitle"" TEXT NULL,
    ""UnitId"" INTEGER NOT NULL,
    ""OwnerUserId"" INTEGER NOT NULL,
    ""NomineeUnitId"" INTEGER NULL,
    ""CreatedAt"" TEXT NOT NULL,
    ""UpdatedAt"" TEXT NOT NULL,
    ""SubmittedAt"" TEXT NULL,
    ""CreationKey"" TEXT NULL,
    ""OwnerSlot"" INTEGER NULL,
    ""UnitSlot"" INTEGER NULL,
    ""DeclaredOriginalAt"" TEXT NULL,
    ""RedactionCount"" INTEGER NOT NULL DEFAULT 0,
    ""NomineeName"" TEXT NULL,
    ""NomineeGender"" TEXT NULL,
    ""NomineeBirthYear"" INTEGER NULL,
    ""NomineePosition"" TEXT NULL,
    ""NomineeContact"" TEXT NULL,
    ""RecommendationOpinion"" TEXT NULL,
    ""Body"" TEXT NOT NULL,
    ""JudgeBody"" TEXT NULL,
    CONSTRAINT ""FK_Entries_AspNetUsers_OwnerUserId"" FOREIGN KEY (""OwnerUserId"") REFERENCES ""AspNetUsers"" (""Id"") ON DELETE RESTRICT,
    CONSTRAINT ""FK_Entries_Tracks_TrackId"" FOREIGN KEY (""TrackId"") REFERENCES ""Tracks"" (""Id"") ON DELETE RESTRICT,
    CONSTRAINT ""FK_Entries_Units_NomineeUnitId"" FOREIGN KEY (""NomineeUnitId"") REFERENCES ""Units"" (""Id"") ON DELETE RESTRICT,
    CONSTRAINT ""FK_Entries_Units_UnitId"" FOREIGN KEY (""UnitId"") REFERENCES ""Units"" (""Id"") ON DELETE RESTRICT
);
INSERT INTO ""ef_temp_Entries"" (""Id"", ""Code"", ""TrackId"", ""Status"", ""StatusReason"", ""Title"", ""JudgeTitle"", ""UnitId"", ""OwnerUserId"", ""NomineeUnitId"", ""CreatedAt"", ""UpdatedAt"", ""SubmittedAt"", ""CreationKey"", ""OwnerSlot"", ""UnitSlot"", ""DeclaredOriginalAt"", ""RedactionCount"", ""NomineeName"", ""NomineeGender"", ""NomineeBirthYear"", ""NomineePosition"", ""NomineeContact"", ""RecommendationOpinion"", ""Body"", ""JudgeBody"")
SELECT ""Id"", ""Code"", ""TrackId"", ""Status"", ""StatusReason"", ""Title"", ""JudgeTitle"", ""UnitId"", ""OwnerUserId"", ""NomineeUnitId"", ""CreatedAt"", ""UpdatedAt"", ""SubmittedAt"", ""CreationKey"", ""OwnerSlot"", ""UnitSlot"", ""DeclaredOriginalAt"", ""RedactionCount"", ""NomineeName"", ""NomineeGender"", ""NomineeBirthYear"", ""NomineePosition"", ""NomineeContact"", ""RecommendationOpinion"", ""Body"", ""JudgeBody""
FROM ""Entries"";
DROP TABLE ""Entries"";
ALTER TABLE ""ef_temp_Entries"" RENAME TO ""Entries"";
CREATE UNIQUE INDEX ""IX_Entries_Code"" ON ""Entries"" (""Code"");
CREATE INDEX ""IX_Entries_NomineeUnitId"" ON ""Entries"" (""NomineeUnitId"");
CREATE UNIQUE INDEX ""IX_Entries_OwnerUserId_CreationKey"" ON ""Entries"" (""OwnerUserId"", ""CreationKey"") WHERE ""CreationKey"" IS NOT NULL;
CREATE UNIQUE INDEX ""IX_Entries_TrackId_OwnerUserId_OwnerSlot"" ON ""Entries"" (""TrackId"", ""OwnerUserId"", ""OwnerSlot"") WHERE ""OwnerSlot"" IS NOT NULL;
CREATE INDEX ""IX_Entries_TrackId_Status"" ON ""Entries"" (""TrackId"", ""Status"");
CREATE UNIQUE INDEX ""IX_Entries_TrackId_UnitId_UnitSlot"" ON ""Entries"" (""TrackId"", ""UnitId"", ""UnitSlot"") WHERE ""UnitSlot"" IS NOT NULL;
CREATE INDEX ""IX_Entries_UnitId"" ON ""Entries"" (""UnitId"");
CREATE TRIGGER Entries_AfterInsert_Search AFTER INSERT ON Entries BEGIN
    INSERT INTO EntrySearch(rowid, Title, Body) VALUES (new.Id, new.Title, new.Body);
END;
CREATE TRIGGER Entries_AfterDelete_Search AFTER DELETE ON Entries BEGIN
    INSERT INTO EntrySearch(EntrySearch, rowid, Title, Body) VALUES ('delete', old.Id, old.Title, old.Body);
END;
CREATE TRIGGER Entries_AfterUpdate_Search AFTER UPDATE OF Title, Body ON Entries BEGIN
    INSERT INTO EntrySearch(EntrySearch, rowid, Title, Body) VALUES ('delete', old.Id, old.Title, old.Body);
    INSERT INTO EntrySearch(rowid, Title, Body) VALUES (new.Id, new.Title, new.Body);
END;");
            migrationBuilder.Sql("PRAGMA foreign_keys = 1;", suppressTransaction: true);
        }

        // The columns and their data are the same either way; only their place in the row differs,
        // which nothing but speed depends on.
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
