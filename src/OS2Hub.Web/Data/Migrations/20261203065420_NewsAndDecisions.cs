using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OS2Hub.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class NewsAndDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DecisionEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BodyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Reasoning = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    MinutesUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CorrectsId = table.Column<int>(type: "INTEGER", nullable: true),
                    WishIds = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SuppliersMayRead = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RedactedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionEntries_DecisionEntries_CorrectsId",
                        column: x => x.CorrectsId,
                        principalTable: "DecisionEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DecisionEntries_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "NewsItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: true),
                    AuthorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SuppliersMayRead = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NewsItems_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_NewsItems_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionEntries_CorrectsId",
                table: "DecisionEntries",
                column: "CorrectsId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionEntries_ProductId_DecidedOn",
                table: "DecisionEntries",
                columns: new[] { "ProductId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionEntries_Visibility_CreatedAt",
                table: "DecisionEntries",
                columns: new[] { "Visibility", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NewsItems_OrganisationId",
                table: "NewsItems",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_NewsItems_ProductId_PublishedOn",
                table: "NewsItems",
                columns: new[] { "ProductId", "PublishedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_NewsItems_Visibility_CreatedAt",
                table: "NewsItems",
                columns: new[] { "Visibility", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DecisionEntries");

            migrationBuilder.DropTable(
                name: "NewsItems");
        }
    }
}
