using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Products;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Api;

/// <summary>Why a request was refused, in Danish, by parameter.</summary>
public sealed class ApiValidationException(IReadOnlyDictionary<string, string[]> errors) : Exception("Ugyldige parametre.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>
/// The public facts behind the open data API. The product list is the catalogue's own search, so the API and the
/// catalogue answer the same question the same way; filter values are checked first, so an unknown value is an error
/// the client is told about, not an empty result.
/// </summary>
public sealed class OpenDataService(IDbContextFactory<OS2HubDbContext> dbFactory, ProductCatalogService catalogue, IOptions<OS2HubOptions> options, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    private bool Demo => options.Value.DemoData;

    public async Task<ApiPage<ApiProductSummary>> ProductsAsync(ProductListParameters p, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(p);
        var errors = new Dictionary<string, string[]>();
        var (page, pageSize) = Paging(p.Page, p.PageSize, errors);
        var maturities = Enums<MaturityLevel>(p.Maturity, "maturity", errors);
        var lifecycles = Enums<LifecycleState>(p.Lifecycle, "lifecycle", errors);
        CatalogSort? sort = p.Sort switch
        {
            null or "" => null,
            "relevance" => CatalogSort.Relevance,
            "name" => CatalogSort.Name,
            "members" => CatalogSort.Members,
            "changed" => CatalogSort.LastChanged,
            _ => Error<CatalogSort?>(errors, "sort", Texts.Format("Api_Error_Sort", p.Sort)),
        };
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await KnownAsync(p.Category, "category", db.Categories.Select(c => c.Slug), errors, ct, CatalogQuery.Unknown);
            await KnownAsync(p.Supplier, "supplier", db.Organisations.Select(o => o.Slug), errors, ct);
            await KnownAsync(p.Municipality, "municipality", db.Organisations.Where(o => o.Kind == OrganisationKind.Municipality).Select(o => o.Code!), errors, ct);
            await KnownAsync(p.Region, "region", db.Organisations.Where(o => o.Kind == OrganisationKind.Region).Select(o => o.Code!), errors, ct);
        }

        if (p.Q?.Length > 200)
        {
            errors["q"] = [Texts.Get("Api_Error_QueryLength")];
        }

        if (errors.Count > 0)
        {
            throw new ApiValidationException(errors);
        }

        var result = await catalogue.ResultsAsync(new CatalogQuery
        {
            Text = string.IsNullOrWhiteSpace(p.Q) ? null : p.Q.Trim(), Categories = p.Category ?? [], Maturities = maturities, Lifecycles = lifecycles,
            Suppliers = p.Supplier ?? [], Municipalities = p.Municipality ?? [], Regions = p.Region ?? [], Licences = p.Licence ?? [],
            Sort = sort, Page = page, PageSize = pageSize,
        }, ct);
        return new ApiPage<ApiProductSummary>(Demo, result.Page, result.PageSize, result.Total, result.Items
            .Select(i => new ApiProductSummary(i.Id, i.Slug, i.Name, i.Summary, i.Category, i.Maturity, i.Lifecycle, i.Licence, i.MemberCount, i.Suppliers, i.UpdatedAt))
            .ToList());
    }

    /// <summary>One product, or null; <paramref name="movedTo"/> is set when the slug is an old one.</summary>
    public async Task<(ApiItem<ApiProduct>? Product, string? MovedTo)> ProductAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.Products.AsNoTracking().AsSplitQuery()
            .Include(x => x.Category)
            .Include(x => x.Sources)
            .Include(x => x.Mentions).ThenInclude(m => m.Organisation)
            .Include(x => x.Participations).ThenInclude(x => x.Organisation)
            .Include(x => x.WorkingGroups).ThenInclude(g => g.Members).ThenInclude(m => m.Organisation)
            .FirstOrDefaultAsync(x => x.Slug == slug, ct);
        if (p is null)
        {
            var moved = await db.ProductSlugRedirects.Where(r => r.Slug == slug).Join(db.Products, r => r.ProductId, x => x.Id, (r, x) => x.Slug).FirstOrDefaultAsync(ct);
            return (null, moved);
        }

        var today = Today();
        var members = p.Participations.Where(x => x.Kind == ParticipationKind.Member)
            .OrderBy(x => x.Organisation!.Name, StringComparer.CurrentCulture).ThenBy(x => x.StartDate)
            .Select(x => new ApiMember(x.Organisation!.Slug, x.Organisation.Name, x.Organisation.Kind, x.Organisation.Code, x.StartDate, x.EndDate, x.IsDemo)).ToList();
        var suppliers = p.Participations.Where(x => x.Kind == ParticipationKind.Supplier).GroupBy(x => x.Organisation!)
            .OrderBy(g => g.Key.Name, StringComparer.CurrentCulture)
            .Select(g => new ApiSupplier(g.Key.Slug, g.Key.Name, g.OrderBy(x => x.StartDate)
                .Select(x => new ApiSupplierRole(x.Role ?? SupplierRole.Unknown, x.RoleText, x.StartDate, x.EndDate, x.IsInferred, x.IsDemo || x.EndDateIsDemo)).ToList()))
            .ToList();
        var groups = p.WorkingGroups.OrderBy(g => g.Kind).ThenBy(g => g.Name).Select(g =>
        {
            var current = g.Members.Where(m => m.IsNotEndedOn(today)).ToList();
            var chair = current.FirstOrDefault(m => m.IsChair)?.Organisation;
            return new ApiWorkingGroup(g.Kind, g.Name, current.Select(m => new ApiRef(m.Organisation!.Slug, m.Organisation.Name)).DistinctBy(r => r.Slug).ToList(),
                chair is null ? null : new ApiRef(chair.Slug, chair.Name));
        }).ToList();
        var product = new ApiProduct(p.Id, p.Slug, p.Name, p.Summary, p.Description, p.DescriptionLanguage,
            p.Category is null ? null : new ApiRef(p.Category.Slug, p.Category.Name), p.Maturity, p.MaturityAssessedOn, p.Lifecycle, p.Licence, p.LicenceNote,
            p.CodeIsPublic, p.IssueTrackerIsPublic, new ApiLinks(p.RepositoryUrl, p.DocumentationUrl, p.WebsiteUrl, p.IssueTrackerUrl, p.JoinAgreementUrl),
            members, suppliers, groups,
            p.Mentions.OrderBy(m => m.AsOf).Select(m => new ApiMention(m.Organisation is null ? null : new ApiRef(m.Organisation.Slug, m.Organisation.Name),
                m.Organisation is null ? m.Subject : null, m.Statement, m.AsOf, m.Source, m.Language)).ToList(),
            p.Sources.OrderBy(s => s.Fact).Select(s => new ApiSource(s.Fact, s.Reference, s.AsOf, s.IsInferred)).ToList(),
            p.UpdatedAt);
        return (new ApiItem<ApiProduct>(Demo, product), null);
    }

    public async Task<ApiPage<ApiOrganisationSummary>> OrganisationsAsync(string? kind, string? q, string? page, string? pageSize, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var (pageNumber, size) = Paging(page, pageSize, errors);
        OrganisationKind? parsedKind = null;
        if (!string.IsNullOrEmpty(kind))
        {
            parsedKind = ApiCodes.Parse<OrganisationKind>(kind) ?? Error<OrganisationKind?>(errors, "kind", Texts.Format("Api_Error_Kind", kind, ApiCodes.List<OrganisationKind>()));
        }

        if (errors.Count > 0)
        {
            throw new ApiValidationException(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Organisations.AsNoTracking();
        if (parsedKind is { } only)
        {
            query = query.Where(o => o.Kind == only);
        }

        var rows = await Summaries(query).ToListAsync(ct);
        var terms = TextFolding.SearchTerms(q);
        var matching = rows.Where(o => TextFolding.Matches(TextFolding.SearchKey(o.Name), terms) || o.Code == q?.Trim())
            .OrderBy(o => o.Name, StringComparer.Create(CultureInfo.GetCultureInfo("da-DK"), false)).ToList();
        return new ApiPage<ApiOrganisationSummary>(Demo, pageNumber, size, matching.Count, matching.Skip((pageNumber - 1) * size).Take(size).Select(ToSummary).ToList());
    }

    /// <summary>One organisation by slug or by its 4-digit municipality or region code, with every participation.</summary>
    public async Task<ApiItem<ApiOrganisation>?> OrganisationAsync(string slugOrCode, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await Summaries(db.Organisations.AsNoTracking().Where(o => o.Slug == slugOrCode || o.Code == slugOrCode)).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var participations = await db.Participations.AsNoTracking().Where(x => x.OrganisationId == row.Id)
            .OrderBy(x => x.Product!.Name).ThenBy(x => x.Kind).ThenBy(x => x.StartDate)
            .Select(x => new ApiParticipation(new ApiRef(x.Product!.Slug, x.Product.Name), x.Kind, x.Role, x.StartDate, x.EndDate, x.IsDemo))
            .ToListAsync(ct);
        return new ApiItem<ApiOrganisation>(Demo, new ApiOrganisation(ToSummary(row), participations));
    }

    private sealed record OrganisationRow(int Id, string Slug, string Name, OrganisationKind Kind, string? Code, string? Cvr, string? RegionSlug, string? RegionName,
        string? Website, int? Population, DateOnly? PopulationAsOf, DateOnly? ArchivedOn);

    private static IQueryable<OrganisationRow> Summaries(IQueryable<Organisation> organisations) => organisations.Select(o => new OrganisationRow(
        o.Id, o.Slug, o.Name, o.Kind, o.Code, o.Cvr, o.Region != null ? o.Region.Slug : null, o.Region != null ? o.Region.Name : null, o.Website,
        o.PopulationFigures.OrderByDescending(p => p.AsOf).Select(p => (int?)p.Population).FirstOrDefault(),
        o.PopulationFigures.OrderByDescending(p => p.AsOf).Select(p => (DateOnly?)p.AsOf).FirstOrDefault(),
        o.ArchivedOn));

    private static ApiOrganisationSummary ToSummary(OrganisationRow o) => new(o.Id, o.Slug, o.Name, o.Kind, o.Code, o.Cvr,
        o.RegionSlug is null ? null : new ApiRef(o.RegionSlug, o.RegionName!), o.Website,
        o.Population is { } n ? new ApiPopulation(n, o.PopulationAsOf!.Value, SizeClasses.FromPopulation(n)) : null, o.ArchivedOn);

    private static (int Page, int PageSize) Paging(string? page, string? pageSize, Dictionary<string, string[]> errors)
    {
        var p = 1;
        var size = 20;
        if (!string.IsNullOrEmpty(page) && (!int.TryParse(page, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out p) || p < 1))
        {
            errors["page"] = [Texts.Get("Api_Error_Page")];
        }

        if (!string.IsNullOrEmpty(pageSize) && (!int.TryParse(pageSize, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out size) || size < 1 || size > MaxPageSize))
        {
            errors["pageSize"] = [Texts.Format("Api_Error_PageSize", MaxPageSize)];
        }

        return (Math.Max(p, 1), Math.Clamp(size, 1, MaxPageSize));
    }

    private static List<T> Enums<T>(string[]? values, string name, Dictionary<string, string[]> errors) where T : struct, Enum
    {
        var result = new List<T>();
        foreach (var v in values ?? [])
        {
            if (ApiCodes.Parse<T>(v) is { } e)
            {
                result.Add(e);
            }
            else
            {
                errors[name] = [Texts.Format("Api_Error_EnumValue", v, ApiCodes.List<T>())];
            }
        }

        return result;
    }

    private static async Task KnownAsync(string[]? values, string name, IQueryable<string> known, Dictionary<string, string[]> errors, CancellationToken ct, string? alsoAllowed = null)
    {
        var wanted = (values ?? []).Where(v => v != alsoAllowed).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        var found = await known.Where(k => wanted.Contains(k)).ToListAsync(ct);
        var unknown = wanted.Except(found).ToList();
        if (unknown.Count > 0)
        {
            errors[name] = [Texts.Format("Api_Error_UnknownValues", string.Join(", ", unknown))];
        }
    }

    private static T Error<T>(Dictionary<string, string[]> errors, string name, string message)
    {
        errors[name] = [message];
        return default!;
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}

/// <summary>The product list's query parameters, named as in the OpenAPI document.</summary>
public sealed record ProductListParameters
{
    public string? Q { get; init; }
    public string[]? Category { get; init; }
    public string[]? Maturity { get; init; }
    public string[]? Lifecycle { get; init; }
    public string[]? Supplier { get; init; }
    public string[]? Municipality { get; init; }
    public string[]? Region { get; init; }
    public string[]? Licence { get; init; }
    public string? Sort { get; init; }
    public string? Page { get; init; }
    public string? PageSize { get; init; }
}
