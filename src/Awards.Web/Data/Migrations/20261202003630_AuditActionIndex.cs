using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Awards.Web.Data.Migrations
{
    public partial class AuditActionIndex : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_Action",
                table: "AuditLog",
                column: "Action");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditLog_Action",
                table: "AuditLog");
        }
    }
}
