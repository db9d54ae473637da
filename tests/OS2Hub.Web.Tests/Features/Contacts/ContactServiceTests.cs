using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Features;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Contacts;
using OS2Hub.Web.Features.Memberships;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Data;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Contacts;

public sealed class ContactServiceTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();
    private readonly ContactService _service;

    public ContactServiceTests() => _service = new ContactService(_db, FixedClock.Default);

    public void Dispose() => _db.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnItKoordinatorKeepsItsAuthoritysContactsAndTheLogHoldsNoPersonalValues()
    {
        var w = await WorkflowWorld.CreateAsync(_db);

        var created = await _service.SaveAsync("it-frederikshavn", new ContactInput
        {
            OrganisationId = w.Organisations["Frederikshavn"], Name = "Søren Østergård", Title = "Systemejer", Email = "soeren@frederikshavn.example.dk", Phone = "+45 20 30 40 50",
        }, Ct);
        Assert.True(created.Succeeded, created.Message);
        var listed = (await _service.ListAsync("it-frederikshavn", "frederikshavn", Ct)).Value!.Contacts.Single(c => c.Id == created.Id);
        var edited = await _service.SaveAsync("it-frederikshavn", new ContactInput
        {
            Id = listed.Id, Version = listed.Version, Name = listed.Name, Title = "Teamleder", Email = "soeren.o@frederikshavn.example.dk", Phone = listed.Phone,
        }, Ct);

        Assert.True(edited.Succeeded, edited.Message);
        await using var db = _db.CreateDbContext();
        var stored = await db.ContactPersons.SingleAsync(c => c.Id == created.Id, Ct);
        Assert.Equal(("Teamleder", "soeren.o@frederikshavn.example.dk"), (stored.Title, stored.Email));
        var log = await db.ChangeLog.Where(c => c.EntityType == nameof(Organisation) && c.EntityId == w.Organisations["Frederikshavn"]).OrderBy(c => c.Id).ToListAsync(Ct);
        Assert.Equal([$"Kontaktperson {created.Id}: Oprettet", $"Kontaktperson {created.Id}: Title", $"Kontaktperson {created.Id}: Email"], log.Select(l => l.Field));
        Assert.All(log, l => Assert.Null(l.OldValue));
        Assert.All(log, l => Assert.Null(l.NewValue));
        Assert.Equal(OperationOutcome.Denied, (await _service.ListAsync("it-frederikshavn", "helsingoer", Ct)).Outcome); // not its authority
        Assert.Equal(OperationOutcome.NotFound, (await _service.ListAsync("it-frederikshavn", "findes-ikke", Ct)).Outcome);
    }

    [Fact]
    public async Task BadValuesAreRefusedFieldByFieldAndNothingIsStored()
    {
        var w = await WorkflowWorld.CreateAsync(_db);

        var result = await _service.SaveAsync("sekretariat", new ContactInput
        {
            OrganisationId = w.Organisations["Frederikshavn"], Name = " ", Email = "mette@", Phone = "ring til mig", Title = new string('x', 201),
        }, Ct);

        Assert.Equal(OperationOutcome.Invalid, result.Outcome);
        Assert.Equal("Skriv kontaktpersonens navn (højst 200 tegn).", result.FieldErrors!["Name"]);
        Assert.Equal("Skriv en gyldig e-mailadresse, fx »navn@kommune.dk«.", result.FieldErrors["Email"]);
        Assert.Equal("Skriv telefonnummeret med mindst 8 cifre, fx »+45 12 34 56 78«.", result.FieldErrors["Phone"]);
        Assert.Equal("Titlen må højst være 200 tegn.", result.FieldErrors["Title"]);
        await using var db = _db.CreateDbContext();
        Assert.Equal(2, await db.ContactPersons.CountAsync(Ct));
    }

    [Fact]
    public async Task TheSecondOfTwoEditsFromTheSameVersionIsRefused()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var mette = (await _service.ListAsync("sekretariat", "frederikshavn", Ct)).Value!.Contacts.Single();
        var first = new ContactInput { Id = mette.Id, Version = mette.Version, Name = mette.Name, Title = "Første" };

        Assert.True((await _service.SaveAsync("it-frederikshavn", first, Ct)).Succeeded);
        var second = await _service.SaveAsync("sekretariat", first with { Title = "Anden" }, Ct);

        Assert.Equal(OperationOutcome.Conflict, second.Outcome);
        await using var db = _db.CreateDbContext();
        Assert.Equal("Første", (await db.ContactPersons.SingleAsync(c => c.Id == w.Contacts["Mette"], Ct)).Title);
    }

    [Fact]
    public async Task ADeletedContactIsGoneFromEveryTableAndItsJoinRequestSaysSo()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var workflow = w.Service;
        // Mette is named in a join request, holds a product role and chairs a styregruppe.
        var request = await workflow.RequestAsync("it-frederikshavn", w.Input("Frederikshavn", "Gamma") with { ContactName = "Mette Kontaktsen" }, Ct);
        Assert.True(request.Succeeded, request.Message);

        var deleted = await _service.DeleteAsync("it-frederikshavn", w.Contacts["Mette"], Ct);

        Assert.True(deleted.Succeeded, deleted.Message);
        foreach (var personal in new[] { "Mette Kontaktsen", "mette.kontaktsen@frederikshavn.example.dk", "98 45 50 00" })
        {
            Assert.Empty(await TextCellsContainingAsync(personal));
        }

        var rows = await new MembershipQueries(_db, FixedClock.Default).MineAsync("it-frederikshavn", Ct);
        var named = rows.Single(r => r.Id == request.Id);
        Assert.Null(named.ContactName); // the page shows "slettet kontaktperson"
        await using var db = _db.CreateDbContext();
        var seat = await db.WorkingGroupMembers.SingleAsync(m => m.WorkingGroupId == w.Groups["Alfa/Styregruppe"] && m.OrganisationId == w.Organisations["Frederikshavn"], Ct);
        Assert.Null(seat.ContactPersonId); // the authority keeps its seat, without a name
        Assert.Contains(await db.ChangeLog.Select(c => c.Field).ToListAsync(Ct), f => f == $"Kontaktperson {w.Contacts["Mette"]}: Slettet");
    }

    [Fact]
    public async Task AJoinRequestNamesAContactWhoBecomesTheProductsContactWhenApproved()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var request = await w.Service.RequestAsync("it-frederikshavn", w.Input("Frederikshavn", "Gamma") with { ContactName = "Ny Person" }, Ct);
        Assert.True(request.Succeeded, request.Message);

        Assert.True((await w.Service.ApproveAsync("sekretariat", request.Id!.Value, null, new DateOnly(2027, 1, 1), Ct)).Succeeded);

        var contact = (await _service.ListAsync("it-frederikshavn", "frederikshavn", Ct)).Value!.Contacts.Single(c => c.Name == "Ny Person");
        var role = Assert.Single(contact.Roles);
        Assert.Equal(("Gamma", ContactRoleKind.General, new DateOnly(2027, 1, 1)), (role.ProductName, role.Kind, role.StartDate!.Value));
    }

    [Fact]
    public async Task TheSecretariatSeesContactsWhoseLastRoleEndedOverAYearAgo()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        async Task<int> Contact(string name, DateOnly? roleEnded)
        {
            var id = (await _service.SaveAsync("sekretariat", new ContactInput { OrganisationId = w.Organisations["København"], Name = name }, Ct)).Id!.Value;
            Assert.True((await _service.AddRoleAsync("sekretariat", id, w.Products["Beta"], ContactRoleKind.Technical, new DateOnly(2019, 1, 1), roleEnded, Ct)).Succeeded);
            return id;
        }

        await Contact("Gammel Rolle", new DateOnly(2025, 6, 30));   // ended 17 months before 27 Nov 2026
        await Contact("Nylig Rolle", new DateOnly(2026, 3, 1));     // ended less than a year ago
        await Contact("Aktiv Rolle", null);

        var stale = await _service.StaleAsync("sekretariat", Ct);

        Assert.Equal(["Gammel Rolle"], stale!.Select(s => s.Name));
        Assert.Equal(new DateOnly(2025, 6, 30), stale![0].LastRoleEnded);
        Assert.Null(await _service.StaleAsync("it-frederikshavn", Ct));
        Assert.Null(await _service.StaleAsync("pk-alfa", Ct));
    }

    [Fact]
    public async Task ARolesEndMustFollowItsStart()
    {
        var w = await WorkflowWorld.CreateAsync(_db);

        var result = await _service.AddRoleAsync("it-frederikshavn", w.Contacts["Mette"], w.Products["Beta"], ContactRoleKind.Professional, new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 1), Ct);

        Assert.Equal("Slutdatoen skal ligge efter startdatoen.", result.FieldErrors!["EndDate"]);
    }

    /// <summary>Every text cell of every table that contains the value: "gone from every list" checked on the database itself.</summary>
    private async Task<List<string>> TextCellsContainingAsync(string value)
    {
        var found = new List<string>();
        await using var db = _db.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(Ct);
        }

        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = _db.Provider == DatabaseProvider.PostgreSql
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct)) tables.Add(reader.GetString(0));
        }

        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (reader.GetValue(i) is string text && text.Contains(value, StringComparison.OrdinalIgnoreCase))
                    {
                        found.Add($"{table}.{reader.GetName(i)}");
                    }
                }
            }
        }

        Assert.NotEmpty(tables);
        return found;
    }
}
