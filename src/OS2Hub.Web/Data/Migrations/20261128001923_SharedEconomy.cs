using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OS2Hub.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SharedEconomy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EconomyYears",
                columns: table => new
                {
                    BudgetYear = table.Column<int>(type: "INTEGER", nullable: false),
                    WeightLille = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    WeightMellem = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    WeightStor = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    WeightMegetStor = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    SecretariatPercent = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EconomyYears", x => x.BudgetYear);
                });

            migrationBuilder.CreateTable(
                name: "FeeSheetChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    BudgetYear = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    IsCorrection = table.Column<bool>(type: "INTEGER", nullable: false),
                    OldAnnualAmount = table.Column<long>(type: "INTEGER", nullable: true),
                    NewAnnualAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    OldJoiningFee = table.Column<long>(type: "INTEGER", nullable: true),
                    NewJoiningFee = table.Column<long>(type: "INTEGER", nullable: false),
                    OldKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    NewKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeeSheetChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeeSheets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    BudgetYear = table.Column<int>(type: "INTEGER", nullable: false),
                    AnnualAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    JoiningFee = table.Column<long>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeeSheets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeeSheets_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SizeAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromBudgetYear = table.Column<int>(type: "INTEGER", nullable: false),
                    SizeClass = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Population = table.Column<int>(type: "INTEGER", nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SizeAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SizeAssessments_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeeSheetChanges_ProductId_BudgetYear",
                table: "FeeSheetChanges",
                columns: new[] { "ProductId", "BudgetYear" });

            migrationBuilder.CreateIndex(
                name: "IX_FeeSheets_ProductId_BudgetYear",
                table: "FeeSheets",
                columns: new[] { "ProductId", "BudgetYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SizeAssessments_OrganisationId_FromBudgetYear",
                table: "SizeAssessments",
                columns: new[] { "OrganisationId", "FromBudgetYear" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EconomyYears");

            migrationBuilder.DropTable(
                name: "FeeSheetChanges");

            migrationBuilder.DropTable(
                name: "FeeSheets");

            migrationBuilder.DropTable(
                name: "SizeAssessments");
        }
    }
}
