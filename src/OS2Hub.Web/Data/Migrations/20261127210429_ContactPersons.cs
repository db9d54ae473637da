using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OS2Hub.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContactPersons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ContactPersonId",
                table: "WorkingGroupMembers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ContactName",
                table: "JoinRequests",
                type: "TEXT",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 200);

            migrationBuilder.AddColumn<int>(
                name: "ContactPersonId",
                table: "JoinRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ContactPersons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactPersons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactPersons_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContactRoles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContactPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactRoles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactRoles_ContactPersons_ContactPersonId",
                        column: x => x.ContactPersonId,
                        principalTable: "ContactPersons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContactRoles_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkingGroupMembers_ContactPersonId",
                table: "WorkingGroupMembers",
                column: "ContactPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_JoinRequests_ContactPersonId",
                table: "JoinRequests",
                column: "ContactPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactPersons_OrganisationId_Name",
                table: "ContactPersons",
                columns: new[] { "OrganisationId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactRoles_ContactPersonId",
                table: "ContactRoles",
                column: "ContactPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactRoles_ProductId_Kind",
                table: "ContactRoles",
                columns: new[] { "ProductId", "Kind" });

            migrationBuilder.AddForeignKey(
                name: "FK_JoinRequests_ContactPersons_ContactPersonId",
                table: "JoinRequests",
                column: "ContactPersonId",
                principalTable: "ContactPersons",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_WorkingGroupMembers_ContactPersons_ContactPersonId",
                table: "WorkingGroupMembers",
                column: "ContactPersonId",
                principalTable: "ContactPersons",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_JoinRequests_ContactPersons_ContactPersonId",
                table: "JoinRequests");

            migrationBuilder.DropForeignKey(
                name: "FK_WorkingGroupMembers_ContactPersons_ContactPersonId",
                table: "WorkingGroupMembers");

            migrationBuilder.DropTable(
                name: "ContactRoles");

            migrationBuilder.DropTable(
                name: "ContactPersons");

            migrationBuilder.DropIndex(
                name: "IX_WorkingGroupMembers_ContactPersonId",
                table: "WorkingGroupMembers");

            migrationBuilder.DropIndex(
                name: "IX_JoinRequests_ContactPersonId",
                table: "JoinRequests");

            migrationBuilder.DropColumn(
                name: "ContactPersonId",
                table: "WorkingGroupMembers");

            migrationBuilder.DropColumn(
                name: "ContactPersonId",
                table: "JoinRequests");

            migrationBuilder.AlterColumn<string>(
                name: "ContactName",
                table: "JoinRequests",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 200,
                oldNullable: true);
        }
    }
}
