using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Awards.Web.Data.Migrations
{
    public partial class ListOrderIndex : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Entries_TrackId_Status_Code",
                table: "Entries");

            migrationBuilder.CreateIndex(
                name: "IX_Entries_TrackId_Status_Code_SubmittedAt",
                table: "Entries",
                columns: new[] { "TrackId", "Status", "Code", "SubmittedAt" });
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Entries_TrackId_Status_Code_SubmittedAt",
                table: "Entries");

            migrationBuilder.CreateIndex(
                name: "IX_Entries_TrackId_Status_Code",
                table: "Entries",
                columns: new[] { "TrackId", "Status", "Code" });
        }
    }
}
