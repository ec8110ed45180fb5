using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Awards.Web.Data.Migrations
{
    public partial class PlacementRevocation : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RevocationDocument",
                table: "Placements",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevocationReason",
                table: "Placements",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RevokedAt",
                table: "Placements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RevokedByUserId",
                table: "Placements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Placements_RevokedByUserId",
                table: "Placements",
                column: "RevokedByUserId");

            migrationBuilder.AddForeignKey(
                name: "FK_Placements_AspNetUsers_RevokedByUserId",
                table: "Placements",
                column: "RevokedByUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Placements_AspNetUsers_RevokedByUserId",
                table: "Placements");

            migrationBuilder.DropIndex(
                name: "IX_Placements_RevokedByUserId",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "RevocationDocument",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "RevocationReason",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "RevokedAt",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "RevokedByUserId",
                table: "Placements");
        }
    }
}
