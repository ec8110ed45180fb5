using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Awards.Web.Data.Migrations
{
    public partial class PickReason : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PickReason",
                table: "TrackResults",
                type: "TEXT",
                nullable: true);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PickReason",
                table: "TrackResults");
        }
    }
}
