using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Awards.Web.Data.Migrations
{
    public partial class EntryResubmitBy : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ResubmitBy",
                table: "Entries",
                type: "TEXT",
                nullable: true)
                .Annotation("Relational:ColumnOrder", 26);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ResubmitBy",
                table: "Entries");
        }
    }
}
