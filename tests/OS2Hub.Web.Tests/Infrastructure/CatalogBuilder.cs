using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Products;

namespace OS2Hub.Web.Tests.Infrastructure;

/// <summary>Builds a small, exactly known catalogue for filter, count and paging tests.</summary>
public sealed class CatalogBuilder(TestDatabase database)
{
    private readonly List<Action<OS2HubDbContext>> _steps = [];
    private readonly Dictionary<string, Organisation> _orgs = [];
    private readonly Dictionary<string, Category> _categories = [];
    private readonly Dictionary<string, Product> _products = [];

    public CatalogBuilder Region(string code, string name)
    {
        _orgs[code] = new Organisation { Name = name, Slug = TextFolding.Slugify(name), Kind = OrganisationKind.Region, Code = code };
        return this;
    }

    public CatalogBuilder Municipality(string code, string name, string regionCode)
    {
        _orgs[code] = new Organisation { Name = name, Slug = TextFolding.Slugify(name), Kind = OrganisationKind.Municipality, Code = code, Region = _orgs[regionCode] };
        return this;
    }

    public CatalogBuilder Supplier(string name)
    {
        _orgs[name] = new Organisation { Name = name, Slug = TextFolding.Slugify(name), Kind = OrganisationKind.Company };
        return this;
    }

    public CatalogBuilder Product(string name, string? category = null, MaturityLevel maturity = MaturityLevel.Unknown,
        string? licence = null, string? description = null, LifecycleState lifecycle = LifecycleState.Active, DateTime? updated = null)
    {
        Category? cat = null;
        if (category is not null && !_categories.TryGetValue(category, out cat))
        {
            cat = new Category { Name = category, Slug = TextFolding.Slugify(category) };
            _categories[category] = cat;
        }

        _products[name] = new Product
        {
            Name = name, Slug = TextFolding.Slugify(name), Category = cat, Maturity = maturity, Licence = licence,
            Description = description, Summary = description, Lifecycle = lifecycle,
            UpdatedAt = updated ?? new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        return this;
    }

    public CatalogBuilder Member(string product, string orgKey, DateOnly? start = null, DateOnly? end = null)
    {
        _products[product].Participations.Add(new Participation
        {
            Organisation = _orgs[orgKey], Kind = ParticipationKind.Member, StartDate = start ?? new DateOnly(2020, 1, 1), EndDate = end,
        });
        return this;
    }

    public CatalogBuilder Supplies(string product, string supplier, SupplierRole role = SupplierRole.Development, DateOnly? end = null)
    {
        _products[product].Participations.Add(new Participation
        {
            Organisation = _orgs[supplier], Kind = ParticipationKind.Supplier, Role = role, EndDate = end,
        });
        return this;
    }

    public async Task SaveAsync()
    {
        await using var db = database.CreateDbContext();
        db.Organisations.AddRange(_orgs.Values);
        db.Products.AddRange(_products.Values);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        await CatalogSearch.RefreshAsync(db, _products.Values.Select(p => p.Id).ToList(), TestContext.Current.CancellationToken);
    }
}
