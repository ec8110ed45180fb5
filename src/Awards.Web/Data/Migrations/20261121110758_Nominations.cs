using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Awards.Web.Data.Migrations
{
    public partial class Nominations : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Entries_OwnerUserId_TrackId",
                table: "Entries");

            migrationBuilder.DropIndex(
                name: "IX_Entries_UnitId_TrackId",
                table: "Entries");

            migrationBuilder.AddColumn<string>(
                name: "CreationKey",
                table: "Entries",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OwnerSlot",
                table: "Entries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitSlot",
                table: "Entries",
                type: "INTEGER",
                nullable: true);

            // Entries submitted before quota slots existed take theirs in the order they were created.
            migrationBuilder.Sql(@"
UPDATE Entries SET UnitSlot = (
    SELECT COUNT(*) FROM Entries AS e2
    WHERE e2.TrackId = Entries.TrackId AND e2.UnitId = Entries.UnitId AND e2.Id <= Entries.Id
      AND e2.Status IN ('Submitted', 'Returned', 'Accepted', 'Disqualified'))
WHERE Status IN ('Submitted', 'Returned', 'Accepted', 'Disqualified')
  AND TrackId IN (SELECT Id FROM Tracks WHERE PerUnitLimit IS NOT NULL);
UPDATE Entries SET OwnerSlot = (
    SELECT COUNT(*) FROM Entries AS e2
    WHERE e2.TrackId = Entries.TrackId AND e2.OwnerUserId = Entries.OwnerUserId AND e2.Id <= Entries.Id
      AND e2.Status IN ('Submitted', 'Returned', 'Accepted', 'Disqualified'))
WHERE Status IN ('Submitted', 'Returned', 'Accepted', 'Disqualified')
  AND TrackId IN (SELECT Id FROM Tracks WHERE PerAuthorLimit IS NOT NULL);");

            migrationBuilder.CreateTable(
                name: "Attachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Token = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Attachments_Entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "Entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EntryStatusChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntryStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EntryStatusChanges_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_EntryStatusChanges_Entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "Entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AttachmentContents",
                columns: table => new
                {
                    AttachmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttachmentContents", x => x.AttachmentId);
                    table.ForeignKey(
                        name: "FK_AttachmentContents_Attachments_AttachmentId",
                        column: x => x.AttachmentId,
                        principalTable: "Attachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Entries_OwnerUserId_CreationKey",
                table: "Entries",
                columns: new[] { "OwnerUserId", "CreationKey" },
                unique: true,
                filter: "\"CreationKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Entries_TrackId_OwnerUserId_OwnerSlot",
                table: "Entries",
                columns: new[] { "TrackId", "OwnerUserId", "OwnerSlot" },
                unique: true,
                filter: "\"OwnerSlot\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Entries_TrackId_UnitId_UnitSlot",
                table: "Entries",
                columns: new[] { "TrackId", "UnitId", "UnitSlot" },
                unique: true,
                filter: "\"UnitSlot\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Entries_UnitId",
                table: "Entries",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_EntryId",
                table: "Attachments",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_Token",
                table: "Attachments",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EntryStatusChanges_EntryId",
                table: "EntryStatusChanges",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_EntryStatusChanges_UserId",
                table: "EntryStatusChanges",
                column: "UserId");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AttachmentContents");

            migrationBuilder.DropTable(
                name: "EntryStatusChanges");

            migrationBuilder.DropTable(
                name: "Attachments");

            migrationBuilder.DropIndex(
                name: "IX_Entries_OwnerUserId_CreationKey",
                table: "Entries");

            migrationBuilder.DropIndex(
                name: "IX_Entries_TrackId_OwnerUserId_OwnerSlot",
                table: "Entries");

            migrationBuilder.DropIndex(
                name: "IX_Entries_TrackId_UnitId_UnitSlot",
                table: "Entries");

            migrationBuilder.DropIndex(
                name: "IX_Entries_UnitId",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "CreationKey",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "OwnerSlot",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "UnitSlot",
                table: "Entries");

            migrationBuilder.CreateIndex(
                name: "IX_Entries_OwnerUserId_TrackId",
                table: "Entries",
                columns: new[] { "OwnerUserId", "TrackId" });

            migrationBuilder.CreateIndex(
                name: "IX_Entries_UnitId_TrackId",
                table: "Entries",
                columns: new[] { "UnitId", "TrackId" });
        }
    }
}
