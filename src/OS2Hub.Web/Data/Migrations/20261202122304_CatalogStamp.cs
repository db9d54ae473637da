using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OS2Hub.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CatalogStamp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CatalogStamps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogStamps", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "CatalogStamps",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, 0L });

            // Raised by every write to what the catalogue shows, whoever writes it: the in-memory catalogue compares it.
            migrationBuilder.Sql("CREATE TRIGGER \"CatalogStamp_Products_insert\" AFTER INSERT ON \"Products\" BEGIN UPDATE \"CatalogStamps\" SET \"Value\" = \"Value\" + 1; END;");
            migrationBuilder.Sql("CREATE TRIGGER \"CatalogStamp_Products_update\" AFTER UPDATE ON \"Products\" BEGIN UPDATE \"CatalogStamps\" SET \"Value\" = \"Value\" + 1; END;");
            migrationBuilder.Sql("CREATE TRIGGER \"CatalogStamp_Products_delete\" AFTER DELETE ON \"Products\" BEGIN UPDATE \"CatalogStamps\" SET \"Value\" = \"Value\" + 1; END;");
            migrationBuilder.Sql("CREATE TRIGGER \"CatalogStamp_Participations_insert\" AFTER INSERT ON \"Participations\" BEGIN UPDATE \"CatalogStamps\" SET \"Value\" = \"Value\" + 1; END;");
            migrationBuilder.Sql("CREATE TRIGGER \"CatalogStamp_Participations_update\" AFTER UPDATE ON \"Participations\" BEGIN UPDATE \"CatalogStamps\" SET \"Value\" = \"Value\" + 1; END;");
            migrationBuilder.Sql("CREATE TRIGGER \"CatalogStamp_Participations_delete\" AFTER DELETE ON \"Participations\" BEGIN UPDATE \"CatalogStamps\" SET \"Value\" = \"Value\" + 1; END;");
            migrationBuilder.Sql("CREATE TRIGGER \"CatalogStamp_Categories_insert\" AFTER INSERT ON \"Categories\" BEGIN UPDATE \"CatalogStamps\" SET \"Value\" = \"Value\" + 1; END;");
            migrationBuilder.Sql("CREATE TRIGGER \"CatalogStamp_Categories_update\" AFTER UPDATE ON \"Categories\" BEGIN UPDATE \"CatalogStamps\" SET \"Value\" = \"Value\" + 1; END;");
            migrationBuilder.Sql("CREATE TRIGGER \"CatalogStamp_Categories_delete\" AFTER DELETE ON \"Categories\" BEGIN UPDATE \"CatalogStamps\" SET \"Value\" = \"Value\" + 1; END;");
            migrationBuilder.Sql("CREATE TRIGGER \"CatalogStamp_Organisations_insert\" AFTER INSERT ON \"Organisations\" BEGIN UPDATE \"CatalogStamps\" SET \"Value\" = \"Value\" + 1; END;");
            migrationBuilder.Sql("CREATE TRIGGER \"CatalogStamp_Organisations_update\" AFTER UPDATE ON \"Organisations\" BEGIN UPDATE \"CatalogStamps\" SET \"Value\" = \"Value\" + 1; END;");
            migrationBuilder.Sql("CREATE TRIGGER \"CatalogStamp_Organisations_delete\" AFTER DELETE ON \"Organisations\" BEGIN UPDATE \"CatalogStamps\" SET \"Value\" = \"Value\" + 1; END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"CatalogStamp_Products_insert\";");
            migrationBuilder.Sql("DROP TRIGGER \"CatalogStamp_Products_update\";");
            migrationBuilder.Sql("DROP TRIGGER \"CatalogStamp_Products_delete\";");
            migrationBuilder.Sql("DROP TRIGGER \"CatalogStamp_Participations_insert\";");
            migrationBuilder.Sql("DROP TRIGGER \"CatalogStamp_Participations_update\";");
            migrationBuilder.Sql("DROP TRIGGER \"CatalogStamp_Participations_delete\";");
            migrationBuilder.Sql("DROP TRIGGER \"CatalogStamp_Categories_insert\";");
            migrationBuilder.Sql("DROP TRIGGER \"CatalogStamp_Categories_update\";");
            migrationBuilder.Sql("DROP TRIGGER \"CatalogStamp_Categories_delete\";");
            migrationBuilder.Sql("DROP TRIGGER \"CatalogStamp_Organisations_insert\";");
            migrationBuilder.Sql("DROP TRIGGER \"CatalogStamp_Organisations_update\";");
            migrationBuilder.Sql("DROP TRIGGER \"CatalogStamp_Organisations_delete\";");
            migrationBuilder.DropTable(
                name: "CatalogStamps");
        }
    }
}
