using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Api;
using OS2Hub.Web.Features.Partners;
using OS2Hub.Web.Features.Products;

namespace OS2Hub.Benchmarks;

/// <summary>
/// A supplier contact's partner list and the open data API on the generated catalogue. The supplier serves about 250
/// of the 5,000 products; every co-owner of those has a contact person. Each partner-list call also writes its
/// access-log rows, as in the app.
/// </summary>
[MemoryDiagnoser]
public class PartnerAndApiBenchmarks
{
    private string _path = "";
    private PartnerService _partners = null!;
    private OpenDataService _api = null!;
    private string _oneProduct = "";

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"os2hub-bench-{Guid.NewGuid():N}.db");
        var factory = new BenchmarkCatalogue.Factory($"Data Source={_path}");
        BenchmarkCatalogue.GenerateAsync(factory).GetAwaiter().GetResult();
        AddSupplierContactAsync(factory).GetAwaiter().GetResult();
        _partners = new PartnerService(factory, TimeProvider.System);
        _api = new OpenDataService(factory, new ProductCatalogService(factory, TimeProvider.System), Options.Create(new OS2HubOptions()), TimeProvider.System);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    [Benchmark(Description = "Partnerliste, leverandørens ~250 produkter")]
    public Task<PartnerList?> WholePartnerList() => _partners.ListAsync("leverandoer", new PartnerFilter(), PersonalDataAccess.Viewed);

    [Benchmark(Description = "Partnerliste, ét produkt")]
    public Task<PartnerList?> OneProduct() => _partners.ListAsync("leverandoer", new PartnerFilter { Product = _oneProduct }, PersonalDataAccess.ExcelExport);

    [Benchmark(Description = "Excel-udtræk af ~250 produkter (liste + fil)")]
    public async Task<byte[]> ExcelExport() => PartnerExport.ToXlsx((await _partners.ListAsync("leverandoer", new PartnerFilter(), PersonalDataAccess.ExcelExport))!);

    [Benchmark(Description = "API: GET /api/v1/products?q=rolle")]
    public Task<ApiPage<ApiProductSummary>> ApiSearch() => _api.ProductsAsync(new ProductListParameters { Q = "rolle" });

    [Benchmark(Description = "API: GET /api/v1/products/{slug}")]
    public Task<(ApiItem<ApiProduct>?, string?)> ApiProduct() => _api.ProductAsync(_oneProduct);

    private async Task AddSupplierContactAsync(BenchmarkCatalogue.Factory factory)
    {
        await using var db = factory.CreateDbContext();
        var supplier = await db.Organisations.SingleAsync(o => o.Slug == "leverandoer-1");
        var user = new AppUser { Id = "leverandoer", UserName = "leverandoer", Email = "leverandoer@example.dk", DisplayName = "Leverandør" };
        user.Grants.Add(new Grant { UserId = user.Id, Role = GrantRole.SupplierContact, OrganisationId = supplier.Id });
        db.Users.Add(user);
        var products = await db.Participations.Where(x => x.OrganisationId == supplier.Id).Select(x => x.ProductId).Distinct().ToListAsync();
        _oneProduct = await db.Products.Where(p => p.Id == products[0]).Select(p => p.Slug).SingleAsync();
        var members = await db.Participations.Where(x => x.Kind == ParticipationKind.Member && products.Contains(x.ProductId))
            .Select(x => new { x.ProductId, x.OrganisationId }).ToListAsync();
        var contacts = members.Select(m => m.OrganisationId).Distinct()
            .ToDictionary(id => id, id => new ContactPerson { OrganisationId = id, Name = $"Kontakt {id}", Email = $"kontakt{id}@example.dk", Phone = "+45 12 34 56 78" });
        foreach (var m in members)
        {
            contacts[m.OrganisationId].Roles.Add(new ContactRole { ProductId = m.ProductId, Kind = ContactRoleKind.General });
        }

        db.ContactPersons.AddRange(contacts.Values);
        await db.SaveChangesAsync();
    }
}
