using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Partners;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Partners;

/// <summary>
/// Partner lists over the world of <see cref="WorkflowWorld"/> plus two suppliers: Beta ApS serves Beta now, Gammel ApS
/// served Gamma until 30 June 2026; Leverandør ApS (Alfa) also starts on Beta on 1 January 2027.
/// </summary>
public sealed class PartnerServiceTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();
    private readonly PartnerService _service;

    public PartnerServiceTests() => _service = new PartnerService(_db, FixedClock.Default);

    public void Dispose() => _db.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<WorkflowWorld> WorldAsync()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        await using var db = _db.CreateDbContext();
        foreach (var (user, name, product, end) in new[] { ("leverandoer-beta", "Beta ApS", "Beta", (DateOnly?)null), ("leverandoer-gammel", "Gammel ApS", "Gamma", new DateOnly(2026, 6, 30)) })
        {
            var supplier = new Organisation { Name = name, Slug = name.ToLowerInvariant().Replace(' ', '-'), Kind = OrganisationKind.Company };
            db.Organisations.Add(supplier);
            db.Participations.Add(new Participation { ProductId = w.Products[product], Organisation = supplier, Kind = ParticipationKind.Supplier, Role = SupplierRole.Hosting, StartDate = new DateOnly(2020, 1, 1), EndDate = end });
            var account = new AppUser { Id = user, UserName = user, Email = $"{user}@example.dk", DisplayName = user };
            account.Grants.Add(new Grant { UserId = user, Role = GrantRole.SupplierContact, Organisation = supplier });
            db.Users.Add(account);
        }

        db.Participations.Add(new Participation { ProductId = w.Products["Beta"], OrganisationId = w.Organisations["Leverandør"], Kind = ParticipationKind.Supplier, Role = SupplierRole.Support, StartDate = new DateOnly(2027, 1, 1) });
        await db.SaveChangesAsync(Ct);
        return w;
    }

    public static TheoryData<string, string, bool> Matrix => new()
    {
        // user                  product   sees and exports it
        { "leverandoer",         "Alfa",   true },   // its supplier develops Alfa
        { "leverandoer",         "Beta",   false },  // its role on Beta starts 1 January 2027
        { "leverandoer",         "Gamma",  false },
        { "leverandoer-beta",    "Beta",   true },
        { "leverandoer-beta",    "Alfa",   false },  // another supplier's product
        { "leverandoer-gammel",  "Gamma",  false },  // the engagement ended 30 June 2026
        { "pk-alfa",             "Alfa",   true },
        { "pk-alfa",             "Beta",   false },
        { "sekretariat",         "Gamma",  true },
        { "it-frederikshavn",    "Alfa",   false },  // co-owner, not a partner-list user
        { "uden-rolle",          "Alfa",   false },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task APartnerListShowsOnlyWhatTheTableSays(string user, string product, bool sees)
    {
        await WorldAsync();
        var slug = product.ToLowerInvariant();

        var viewed = await _service.ListAsync(user, new PartnerFilter(), PersonalDataAccess.Viewed, Ct);
        var exported = await _service.ListAsync(user, new PartnerFilter { Product = slug }, PersonalDataAccess.ExcelExport, Ct);

        Assert.Equal(sees, viewed?.Sections.Any(s => s.Slug == slug) ?? false);
        Assert.Equal(sees, exported?.Sections.Any(s => s.Slug == slug) ?? false);
        // Only Alfa has co-owners in this world, so only its export has rows beyond the header.
        var csv = System.Text.Encoding.UTF8.GetString(PartnerExport.ToCsv(exported ?? new PartnerList(null, [], [], [])));
        Assert.Equal(sees && product == "Alfa", csv.Contains("Alfa;Frederikshavn Kommune", StringComparison.Ordinal));
        await using var db = _db.CreateDbContext();
        Assert.Equal(sees ? 1 : 0, await db.PersonalDataAccessLog.CountAsync(e => e.UserId == user && e.Access == PersonalDataAccess.ExcelExport, Ct));
    }

    [Fact]
    public async Task TheSupplierSeesCoOwnersTheirContactsOtherSuppliersAndGroups()
    {
        var w = await WorldAsync();

        var list = await _service.ListAsync("leverandoer", new PartnerFilter(), PersonalDataAccess.Viewed, Ct);

        Assert.Equal("Leverandør ApS", list!.Supplier);
        var alfa = Assert.Single(list.Sections);
        Assert.Equal([SupplierRole.Development], alfa.OwnRoles);
        Assert.Equal(["Frederikshavn Kommune", "Helsingør Kommune"], alfa.Authorities.Select(a => a.Name));
        var mette = Assert.Single(alfa.Authorities[0].Contacts);
        Assert.Equal(("Mette Kontaktsen", "IT-konsulent", "mette.kontaktsen@frederikshavn.example.dk", "+45 98 45 50 00"), (mette.Name, mette.Title, mette.Email, mette.Phone));
        Assert.Empty(alfa.Authorities[1].Contacts); // Hans sits in the styregruppe but is not Helsingør's contact for Alfa
        Assert.Empty(alfa.OtherSuppliers);
        var steering = Assert.Single(alfa.Groups);
        Assert.Equal([("Frederikshavn Kommune", "Mette Kontaktsen", true), ("Helsingør Kommune", "Hans Helsingsen", false)],
            steering.Seats.Select(s => (s.Organisation, s.Person, s.IsChair)));
        Assert.Equal(w.Products["Alfa"], alfa.ProductId);
    }

    [Fact]
    public async Task FiltersNarrowByRegionRoleAndTextAndEveryViewIsLogged()
    {
        var w = await WorldAsync();
        await using (var db = _db.CreateDbContext())
        {
            var nord = new Organisation { Name = "Region Nordjylland", Slug = "region-nordjylland", Kind = OrganisationKind.Region, Code = "1081" };
            db.Organisations.Add(nord);
            await db.SaveChangesAsync(Ct);
            await db.Organisations.Where(o => o.Id == w.Organisations["Frederikshavn"]).ExecuteUpdateAsync(u => u.SetProperty(o => o.RegionId, nord.Id), Ct);
        }

        var byRegion = await _service.ListAsync("sekretariat", new PartnerFilter { Region = "region-nordjylland" }, PersonalDataAccess.Viewed, Ct);
        var byRole = await _service.ListAsync("sekretariat", new PartnerFilter { Role = SupplierRole.Hosting }, PersonalDataAccess.Viewed, Ct);
        var byPerson = await _service.ListAsync("sekretariat", new PartnerFilter { Text = "kontaktsen" }, PersonalDataAccess.Viewed, Ct);
        var byFoldedName = await _service.ListAsync("sekretariat", new PartnerFilter { Text = "frederiks-havn" }, PersonalDataAccess.Viewed, Ct);
        var ownRole = await _service.ListAsync("leverandoer", new PartnerFilter { Role = SupplierRole.Hosting }, PersonalDataAccess.Viewed, Ct);

        Assert.Equal([("alfa", "Frederikshavn Kommune")], byRegion!.Sections.SelectMany(s => s.Authorities.Select(a => (s.Slug, a.Name))));
        Assert.Equal(["beta"], byRole!.Sections.Select(s => s.Slug)); // Gamma's hosting ended on 30 June 2026
        Assert.Equal([("alfa", "Frederikshavn Kommune")], byPerson!.Sections.SelectMany(s => s.Authorities.Select(a => (s.Slug, a.Name))));
        Assert.Contains(("alfa", "Frederikshavn Kommune"), byFoldedName!.Sections.SelectMany(s => s.Authorities.Select(a => (s.Slug, a.Name))));
        Assert.DoesNotContain(byFoldedName.Sections.SelectMany(s => s.Authorities), a => !a.Name.StartsWith("Frederikshavn", StringComparison.Ordinal));
        Assert.Empty(ownRole!.Sections); // the supplier's own role on Alfa is development
        await using var log = _db.CreateDbContext();
        Assert.Equal(4, await log.PersonalDataAccessLog.CountAsync(e => e.UserId == "sekretariat", Ct));
        Assert.Equal(["Alfa", "Beta"], (await _service.AccessLogAsync("sekretariat", ct: Ct))!.Where(r => r.User == "sekretariat").Select(r => r.Product).Distinct().Order());
        Assert.Null(await _service.AccessLogAsync("leverandoer", ct: Ct));
    }
}
