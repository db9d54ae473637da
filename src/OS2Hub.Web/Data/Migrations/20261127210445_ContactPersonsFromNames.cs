using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OS2Hub.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContactPersonsFromNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Names typed into working groups and join requests become contact persons of their organisation, so
            // they can be kept, corrected and deleted like any other contact.
            migrationBuilder.Sql("""
                INSERT INTO "ContactPersons" ("OrganisationId", "Name", "IsDemo", "CreatedAt", "UpdatedAt", "Version")
                SELECT m."OrganisationId", m."PersonName", MAX(g."IsDemo"), datetime('now'), datetime('now'), 0
                FROM "WorkingGroupMembers" m JOIN "WorkingGroups" g ON g."Id" = m."WorkingGroupId"
                WHERE m."PersonName" IS NOT NULL
                GROUP BY m."OrganisationId", m."PersonName";

                INSERT INTO "ContactPersons" ("OrganisationId", "Name", "IsDemo", "CreatedAt", "UpdatedAt", "Version")
                SELECT DISTINCT r."OrganisationId", r."ContactName", 0, datetime('now'), datetime('now'), 0
                FROM "JoinRequests" r
                WHERE r."ContactName" IS NOT NULL AND NOT EXISTS (
                    SELECT 1 FROM "ContactPersons" c WHERE c."OrganisationId" = r."OrganisationId" AND c."Name" = r."ContactName");

                UPDATE "WorkingGroupMembers" SET "ContactPersonId" = (
                    SELECT MIN(c."Id") FROM "ContactPersons" c
                    WHERE c."OrganisationId" = "WorkingGroupMembers"."OrganisationId" AND c."Name" = "WorkingGroupMembers"."PersonName");

                UPDATE "JoinRequests" SET "ContactPersonId" = (
                    SELECT MIN(c."Id") FROM "ContactPersons" c
                    WHERE c."OrganisationId" = "JoinRequests"."OrganisationId" AND c."Name" = "JoinRequests"."ContactName");
                """);

            migrationBuilder.DropColumn(
                name: "PersonName",
                table: "WorkingGroupMembers");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PersonName",
                table: "WorkingGroupMembers",
                type: "TEXT",
                nullable: true);
        }
    }
}
