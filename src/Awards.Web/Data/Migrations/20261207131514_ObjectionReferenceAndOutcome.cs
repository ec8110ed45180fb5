using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Awards.Web.Data.Migrations
{
    public partial class ObjectionReferenceAndOutcome : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Objections",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "Objections",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reference",
                table: "Objections",
                type: "TEXT",
                maxLength: 12,
                nullable: false,
                defaultValue: "");

            // Objections received before references existed get one each (YY- and eight random
            // hex digits, which are Crockford characters too), so every objection can be looked up.
            migrationBuilder.Sql(
                "UPDATE \"Objections\" SET \"Reference\" = 'YY-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) WHERE \"Reference\" = '';");

            migrationBuilder.CreateIndex(
                name: "IX_Objections_Reference",
                table: "Objections",
                column: "Reference",
                unique: true);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Objections_Reference",
                table: "Objections");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Objections");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "Objections");

            migrationBuilder.DropColumn(
                name: "Reference",
                table: "Objections");
        }
    }
}
