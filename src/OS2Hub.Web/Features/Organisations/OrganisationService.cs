using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Products;

namespace OS2Hub.Web.Features.Organisations;

public sealed class OrganisationService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<OrganisationListItem>> ListAsync(OrganisationKind? kind, string? text, CancellationToken ct = default)
    {
        var today = Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Organisations.AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(o => o.Kind == k);
        }

        var currentMember = Dated.CurrentOn(today, ParticipationKind.Member);
        var currentSupplier = Dated.CurrentOn(today, ParticipationKind.Supplier);
        var rows = await query
            .Select(o => new
            {
                o.Slug, o.Name, o.Kind, o.Code, Region = o.Region!.Name,
                Population = o.PopulationFigures.OrderByDescending(p => p.AsOf).Select(p => (int?)p.Population).FirstOrDefault(),
                CoOwned = o.Participations.AsQueryable().Where(currentMember).Select(x => x.ProductId).Distinct().Count(),
                Supplied = o.Participations.AsQueryable().Where(currentSupplier).Select(x => x.ProductId).Distinct().Count(),
            })
            .ToListAsync(ct);

        // Folded matching in memory: the list is small (about 150 organisations) and must treat "århus" as "aarhus".
        var terms = TextFolding.SearchTerms(text);
        return rows
            .Where(r => TextFolding.Matches(TextFolding.SearchKey(r.Name, r.Code, r.Region), terms))
            .OrderBy(r => r.Kind).ThenBy(r => r.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("da-DK"), false))
            .Select(r => new OrganisationListItem(r.Slug, r.Name, r.Kind, r.Code, r.Region, r.Population,
                r.Population is { } p ? SizeClasses.FromPopulation(p) : null, r.CoOwned, r.Supplied))
            .ToList();
    }

    public async Task<string?> SlugForMunicipalityCodeAsync(string code, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Organisations.Where(o => o.Kind == OrganisationKind.Municipality && o.Code == code).Select(o => o.Slug).FirstOrDefaultAsync(ct);
    }

    public async Task<OrganisationDetails?> GetAsync(string slug, CancellationToken ct = default)
    {
        var today = Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var org = await db.Organisations.AsNoTracking().AsSplitQuery()
            .Include(o => o.Region)
            .Include(o => o.PopulationFigures)
            .Include(o => o.Participations).ThenInclude(x => x.Product)
            .FirstOrDefaultAsync(o => o.Slug == slug, ct);
        if (org is null)
        {
            return null;
        }

        var memberships = org.Participations.Where(x => x.Kind == ParticipationKind.Member).ToList();
        var supplied = org.Participations.Where(x => x.Kind == ParticipationKind.Supplier && x.IsCurrentOn(today)).ToList();
        var suppliedIds = supplied.Select(x => x.ProductId).Distinct().ToList();

        // The authorities this supplier serves: the current co-owners of each product it serves.
        var authorities = await db.Participations.AsNoTracking()
            .Where(Dated.CurrentOn(today, ParticipationKind.Member))
            .Where(x => suppliedIds.Contains(x.ProductId))
            .Select(x => new { x.ProductId, x.Organisation!.Slug, x.Organisation.Name })
            .ToListAsync(ct);

        var municipalities = org.Kind == OrganisationKind.Region
            ? await db.Organisations.Where(o => o.RegionId == org.Id).OrderBy(o => o.Name).Select(o => new OrganisationRef(o.Slug, o.Name)).ToListAsync(ct)
            : [];

        var mentions = await db.ProductMentions.AsNoTracking()
            .Where(m => m.OrganisationId == org.Id)
            .Join(db.Products, m => m.ProductId, p => p.Id, (m, p) => new OrganisationMention(p.Slug, p.Name, m.Statement, m.AsOf, m.Source))
            .ToListAsync(ct);

        OrganisationProduct Product(Participation x) => new(x.Product!.Slug, x.Product.Name, x.StartDate, x.EndDate, x.IsDemo, x.ConfirmedAt);

        return new OrganisationDetails(
            org.Id, org.Slug, org.Name, org.Kind, org.Code, org.Region?.Name, org.Region?.Slug, org.Cvr, org.Website, org.Source, org.IsDemo, org.ArchivedOn, org.UpdatedAt,
            org.PopulationFigures.OrderByDescending(p => p.AsOf).Select(p => new PopulationInfo(p.AsOf, p.Population, p.Source)).ToList(),
            municipalities,
            memberships.Where(x => x.IsCurrentOn(today))
                .Select(Product).OrderBy(p => p.Name, StringComparer.Ordinal).ToList(),
            memberships.Where(x => x.EndDate is not null && x.EndDate <= today).Select(Product).OrderByDescending(p => p.EndDate).ToList(),
            memberships.Where(x => x.StartDate > today && x.IsNotEndedOn(today)).Select(Product).OrderBy(p => p.StartDate).ToList(),
            supplied.GroupBy(x => x.ProductId)
                .Select(g => (Key: g.First().Product!, Roles: g))
                .OrderBy(g => g.Key.Name, StringComparer.Ordinal)
                .Select(g => new SuppliedProduct(g.Key.Slug, g.Key.Name,
                    g.Roles.OrderBy(x => x.Role).Select(x => new SupplierRoleInfo(x.Role ?? SupplierRole.Unknown, x.RoleText, x.StartDate, x.EndDate, x.IsInferred, x.IsDemo, x.Source)).ToList(),
                    authorities.Where(a => a.ProductId == g.Key.Id).Select(a => new OrganisationRef(a.Slug, a.Name)).Distinct()
                        .OrderBy(a => a.Name, StringComparer.Ordinal).ToList(),
                    g.Roles.All(x => x.IsInferred), g.Roles.All(x => x.IsDemo)))
                .ToList(),
            mentions.OrderBy(m => m.AsOf).ToList());
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
