using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Awards.Web.Data.Migrations
{
    public partial class PlacementLevelIndex : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Placements_TrackResultId_LevelRank_Position",
                table: "Placements",
                columns: new[] { "TrackResultId", "LevelRank", "Position" });
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Placements_TrackResultId_LevelRank_Position",
                table: "Placements");
        }
    }
}
