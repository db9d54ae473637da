using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OS2Hub.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchKeyFolding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Search text is computed in .NET (TextFolding.SearchKey), which SQL cannot do: empty it here and
            // DatabaseInitializer recomputes every empty row with the new key at the next start.
            migrationBuilder.Sql("UPDATE \"Products\" SET \"SearchText\" = '', \"SearchName\" = '';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The older folding is computed by the older code: empty the text so that code refills it.
            migrationBuilder.Sql("UPDATE \"Products\" SET \"SearchText\" = '', \"SearchName\" = '';");
        }
    }
}
