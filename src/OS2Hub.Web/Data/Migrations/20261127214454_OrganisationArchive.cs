using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OS2Hub.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class OrganisationArchive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ArchivedOn",
                table: "Organisations",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ArchivedOn",
                table: "Organisations");
        }
    }
}
