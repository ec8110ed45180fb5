using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Awards.Web.Data.Migrations
{
    public partial class QueueOrderIndex : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assignments_JudgeUserId_RoundId",
                table: "Assignments");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_JudgeUserId_RoundId_QueueKey_EntryId",
                table: "Assignments",
                columns: new[] { "JudgeUserId", "RoundId", "QueueKey", "EntryId" });
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assignments_JudgeUserId_RoundId_QueueKey_EntryId",
                table: "Assignments");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_JudgeUserId_RoundId",
                table: "Assignments",
                columns: new[] { "JudgeUserId", "RoundId" });
        }
    }
}
