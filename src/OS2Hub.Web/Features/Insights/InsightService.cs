using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Economy;

namespace OS2Hub.Web.Features.Insights;

/// <summary>A municipality on the map with one product chosen.</summary>
public enum MapState
{
    None,
    CoOwner,
    Left,
}

/// <summary>
/// One municipality's figure: with no product, how many products it co-owns today; with a product, whether it co-owns
/// it (since which year) or has left it (in which year).
/// </summary>
public sealed record MunicipalityFigure(string Code, string Name, string Slug, int Products, MapState State, int? Since, int? LeftIn);

/// <summary>A region, state body or other public co-owner: not on the map, listed under it.</summary>
public sealed record OtherCoOwner(string Name, string Slug, OrganisationKind Kind, int Products);

public sealed record MapFigures(
    string? ProductSlug, string? ProductName, IReadOnlyList<MunicipalityFigure> Municipalities, IReadOnlyList<OtherCoOwner> Others,
    IReadOnlyList<(string Slug, string Name)> Products)
{
    /// <summary>The upper bounds of the shades for "products co-owned": 0, 1–2, 3–5, 6–9, 10 or more.</summary>
    public static readonly int[] Classes = [0, 2, 5, 9];

    public static int ClassOf(int products) => Array.FindIndex(Classes, upper => products <= upper) is var i and >= 0 ? i : Classes.Length;
}

/// <summary>
/// Where the products live, from the memberships alone: a join request, however far it has come, is not a membership
/// and is never on the map, in its table, its CSV or the API. A membership that starts later is not counted yet.
/// </summary>
public sealed class InsightService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock, EconomyService economy)
{
    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The figures for every municipality, for all products (null) or one; null for an unknown product.</summary>
    public async Task<MapFigures?> MapAsync(string? productSlug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var products = (await db.Products.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Slug, p.Name }).ToListAsync(ct));
        var product = productSlug is null ? null : products.FirstOrDefault(p => p.Slug == productSlug);
        if (productSlug is not null && product is null)
        {
            return null;
        }

        var today = Today();
        var memberships = await db.Participations.AsNoTracking().Where(x => x.Kind == ParticipationKind.Member && (product == null || x.ProductId == product.Id))
            .Select(x => new { x.OrganisationId, x.ProductId, x.StartDate, x.EndDate }).ToListAsync(ct);

        // The end date is the first day a membership no longer holds, as everywhere in the hub (Dated).
        var current = memberships.Where(m => (m.StartDate == null || m.StartDate <= today) && Dated.EndsAfter(m.EndDate, today)).ToLookup(m => m.OrganisationId);
        var ended = memberships.Where(m => m.EndDate <= today).ToLookup(m => m.OrganisationId);

        var organisations = await db.Organisations.AsNoTracking().Where(o => o.Kind != OrganisationKind.Company)
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name, o.Slug, o.Kind, o.Code }).ToListAsync(ct);
        var municipalities = organisations.Where(o => o.Kind == OrganisationKind.Municipality && o.Code != null).Select(o =>
        {
            var now = current[o.Id].ToList();
            var state = now.Count > 0 ? MapState.CoOwner : ended[o.Id].Any() ? MapState.Left : MapState.None;
            return new MunicipalityFigure(o.Code!, o.Name, o.Slug, now.Select(m => m.ProductId).Distinct().Count(), state,
                state == MapState.CoOwner ? now.Min(m => m.StartDate)?.Year : null,
                state == MapState.Left ? ended[o.Id].Max(m => m.EndDate)!.Value.Year : null);
        }).ToList();
        var others = organisations.Where(o => o.Kind != OrganisationKind.Municipality && current[o.Id].Any())
            .Select(o => new OtherCoOwner(o.Name, o.Slug, o.Kind, current[o.Id].Select(m => m.ProductId).Distinct().Count())).ToList();
        return new MapFigures(product?.Slug, product?.Name, municipalities, others, products.Select(p => (p.Slug, p.Name)).ToList());
    }

    /// <summary>A product's co-owners over time and its price per member in the years with a fee sheet; null for an unknown product.</summary>
    public async Task<CoOwnerTimeline?> ProductTimelineAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Id, p.Slug, p.Name }).FirstOrDefaultAsync(ct);
        if (product is null)
        {
            return null;
        }

        var spans = await db.Participations.AsNoTracking().Where(x => x.Kind == ParticipationKind.Member && x.ProductId == product.Id)
            .Select(x => new MembershipSpan(x.Organisation!.Name, x.Organisation.Slug, x.StartDate, x.EndDate)).ToListAsync(ct);
        var today = Today();
        var (unknownStart, steps) = Timelines.CoOwnerSteps(spans, today);
        var prices = (await economy.YearsAsync(slug, ct))?.Years.Where(v => v.Shares.Count > 0)
            .Select(v => new PricePoint(v.BudgetYear, v.Shares.Count, (long)Math.Round(v.Shares.Average(s => (decimal)s.Total)), v.IsEstimate)).ToList() ?? [];
        return new CoOwnerTimeline(product.Slug, product.Name, today, unknownStart, spans.Count(s => s.IsCurrentOn(today)), steps, prices);
    }

    /// <summary>The products an authority co-owned in each year, and its memberships with no known start (counted in no year).</summary>
    public async Task<(IReadOnlyList<YearCount> Years, IReadOnlyList<MembershipSpan> UnknownStart)> AuthorityTimelineAsync(string organisationSlug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var spans = await db.Participations.AsNoTracking().Where(x => x.Kind == ParticipationKind.Member && x.Organisation!.Slug == organisationSlug)
            .Select(x => new MembershipSpan(x.Product!.Name, x.Product.Slug, x.StartDate, x.EndDate)).ToListAsync(ct);
        return (Timelines.HeldPerYear(spans, Today()), spans.Where(s => s.Start is null).OrderBy(s => s.Name, StringComparer.CurrentCulture).ToList());
    }

    /// <summary>New co-ownerships across the hub per year of their start, and how many memberships have no known start.</summary>
    public async Task<(IReadOnlyList<YearCount> Years, int UnknownStart)> NewCoOwnershipsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var spans = await db.Participations.AsNoTracking().Where(x => x.Kind == ParticipationKind.Member)
            .Select(x => new MembershipSpan(x.Product!.Name + " – " + x.Organisation!.Name, x.Product.Slug, x.StartDate, x.EndDate)).ToListAsync(ct);
        return (Timelines.StartsPerYear(spans), spans.Count(s => s.Start is null));
    }

    /// <summary>The supplier concentration from the sourced roles; see <see cref="SupplierConcentration"/> for what counts.</summary>
    public async Task<Concentration> ConcentrationAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Participations.AsNoTracking().Where(x => x.Kind == ParticipationKind.Supplier)
            .Select(x => new
            {
                Product = new Named(x.Product!.Slug, x.Product.Name), Supplier = new Named(x.Organisation!.Slug, x.Organisation.Name),
                x.Role, x.StartDate, x.EndDate, x.EndDateIsDemo, x.IsInferred, x.IsDemo,
            }).ToListAsync(ct);
        bool Counts(SupplierRole? role, bool inferred, bool demo) => !inferred && !demo && role is { } r && SupplierConcentration.Roles.Contains(r);
        var spans = rows.Where(r => Counts(r.Role, r.IsInferred, r.IsDemo))
            .Select(r => new SupplierSpan(r.Product, r.Supplier, r.Role!.Value, r.StartDate, r.EndDateIsDemo ? null : r.EndDate)).ToList();
        return SupplierConcentration.Compute(await db.Products.CountAsync(ct), spans, rows.Count - spans.Count, Today());
    }

    /// <summary>The same figures as the map, one row per municipality, for the CSV.</summary>
    public static IEnumerable<string[]> CsvRows(MapFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var byCode = figures.Municipalities.OrderBy(m => m.Code, StringComparer.Ordinal);
        if (figures.ProductSlug is null)
        {
            return byCode.Select(m => new[] { m.Code, m.Name, m.Products.ToString(System.Globalization.CultureInfo.InvariantCulture) })
                .Prepend(["kommunekode", "kommune", "produkter_som_medejer"]);
        }

        return byCode.Select(m => new[]
            {
                m.Code, m.Name, m.State switch { MapState.CoOwner => "medejer", MapState.Left => "udtraadt", _ => "" },
                m.Since?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", m.LeftIn?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            })
            .Prepend(["kommunekode", "kommune", "status", "medejer_siden", "udtraadt_aar"]);
    }
}
