using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OS2Hub.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CatalogStampPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CatalogStamps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogStamps", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "CatalogStamps",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, 0L });

            // Raised by every statement that writes what the catalogue shows, whoever runs it: the in-memory catalogue compares it.
            migrationBuilder.Sql("CREATE FUNCTION os2hub_catalog_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE \"CatalogStamps\" SET \"Value\" = \"Value\" + 1; RETURN NULL; END $$;");
            migrationBuilder.Sql("CREATE TRIGGER \"CatalogStamp_Products\" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \"Products\" FOR EACH STATEMENT EXECUTE FUNCTION os2hub_catalog_changed();");
            migrationBuilder.Sql("CREATE TRIGGER \"CatalogStamp_Participations\" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \"Participations\" FOR EACH STATEMENT EXECUTE FUNCTION os2hub_catalog_changed();");
            migrationBuilder.Sql("CREATE TRIGGER \"CatalogStamp_Categories\" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \"Categories\" FOR EACH STATEMENT EXECUTE FUNCTION os2hub_catalog_changed();");
            migrationBuilder.Sql("CREATE TRIGGER \"CatalogStamp_Organisations\" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \"Organisations\" FOR EACH STATEMENT EXECUTE FUNCTION os2hub_catalog_changed();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"CatalogStamp_Products\" ON \"Products\";");
            migrationBuilder.Sql("DROP TRIGGER \"CatalogStamp_Participations\" ON \"Participations\";");
            migrationBuilder.Sql("DROP TRIGGER \"CatalogStamp_Categories\" ON \"Categories\";");
            migrationBuilder.Sql("DROP TRIGGER \"CatalogStamp_Organisations\" ON \"Organisations\";");
            migrationBuilder.Sql("DROP FUNCTION os2hub_catalog_changed();");
            migrationBuilder.DropTable(
                name: "CatalogStamps");
        }
    }
}
