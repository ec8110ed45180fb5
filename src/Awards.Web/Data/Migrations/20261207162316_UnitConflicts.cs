using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Awards.Web.Data.Migrations
{
    public partial class UnitConflicts : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HelpedUnitIds",
                table: "Units",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "Conflicts",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RecordedByUserId",
                table: "Conflicts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConflictUnitIds",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HelpedUnitIds",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "Conflicts");

            migrationBuilder.DropColumn(
                name: "RecordedByUserId",
                table: "Conflicts");

            migrationBuilder.DropColumn(
                name: "ConflictUnitIds",
                table: "AspNetUsers");
        }
    }
}
