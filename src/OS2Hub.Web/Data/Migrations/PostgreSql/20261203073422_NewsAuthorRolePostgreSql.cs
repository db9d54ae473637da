using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OS2Hub.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class NewsAuthorRolePostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AuthorRole",
                table: "NewsItems",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AuthorRole",
                table: "NewsItems");
        }
    }
}
