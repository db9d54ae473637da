using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OS2Hub.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class TextLanguages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "StatusNoteLanguage",
                table: "Products",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "en"); // what is already stored quotes English sources

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "ProductMentions",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "en"); // what is already stored quotes English sources

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "ProductMentions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "StatusNoteLanguage",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "ProductMentions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "ProductMentions");
        }
    }
}
