using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OS2Hub.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ImportAllKindsPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ImportedFrom",
                table: "WorkingGroupMembers",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportedFrom",
                table: "FeeSheetChanges",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportedFrom",
                table: "ContactRoles",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportedFrom",
                table: "ContactPersons",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ImportedFrom",
                table: "WorkingGroupMembers");

            migrationBuilder.DropColumn(
                name: "ImportedFrom",
                table: "FeeSheetChanges");

            migrationBuilder.DropColumn(
                name: "ImportedFrom",
                table: "ContactRoles");

            migrationBuilder.DropColumn(
                name: "ImportedFrom",
                table: "ContactPersons");
        }
    }
}
