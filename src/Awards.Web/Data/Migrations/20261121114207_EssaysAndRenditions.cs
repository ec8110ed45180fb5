using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Awards.Web.Data.Migrations
{
    public partial class EssaysAndRenditions : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DeclaredOriginalAt",
                table: "Entries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "JudgeBody",
                table: "Entries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "JudgeTitle",
                table: "Entries",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RedactionCount",
                table: "Entries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Full-text search over titles and texts (Features/EssayScreening/EssaySearch). The
            // trigram tokenizer matches any substring of 3+ characters, Chinese included, with no
            // word segmenter; an external-content table kept in step by triggers.
            migrationBuilder.Sql(@"
CREATE VIRTUAL TABLE EntrySearch USING fts5(Title, Body, content='Entries', content_rowid='Id', tokenize='trigram');
INSERT INTO EntrySearch(rowid, Title, Body) SELECT Id, Title, Body FROM Entries;
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
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"
DROP TRIGGER IF EXISTS Entries_AfterUpdate_Search;
DROP TRIGGER IF EXISTS Entries_AfterDelete_Search;
DROP TRIGGER IF EXISTS Entries_AfterInsert_Search;
DROP TABLE IF EXISTS EntrySearch;");

            migrationBuilder.DropColumn(
                name: "DeclaredOriginalAt",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "JudgeBody",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "JudgeTitle",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "RedactionCount",
                table: "Entries");
        }
    }
}
