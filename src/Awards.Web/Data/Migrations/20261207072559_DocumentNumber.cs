using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Awards.Web.Data.Migrations
{
    public partial class DocumentNumber : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DocumentNumber",
                table: "Contests",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DocumentNumber",
                table: "Contests");
        }
    }
}
