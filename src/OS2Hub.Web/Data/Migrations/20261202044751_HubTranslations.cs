using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OS2Hub.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class HubTranslations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DescriptionOriginal",
                table: "Products",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DescriptionOriginalLanguage",
                table: "Products",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusNoteOriginal",
                table: "Products",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusNoteOriginalLanguage",
                table: "Products",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DescriptionOriginal",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "DescriptionOriginalLanguage",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "StatusNoteOriginal",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "StatusNoteOriginalLanguage",
                table: "Products");
        }
    }
}
