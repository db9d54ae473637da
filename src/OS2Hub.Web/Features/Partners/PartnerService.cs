using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;

namespace OS2Hub.Web.Features.Partners;

/// <summary>What the partner list is narrowed to; every part is optional.</summary>
public sealed record PartnerFilter
{
    public string? Product { get; init; }
    public string? Region { get; init; }
    public SupplierRole? Role { get; init; }
    public string? Text { get; init; }
}

public sealed record PartnerContact(string Name, string? Title, string? Email, string? Phone);

public sealed record PartnerAuthority(string Slug, string Name, OrganisationKind Kind, string? Region, SizeClass? SizeClass, DateOnly? MemberSince, IReadOnlyList<PartnerContact> Contacts);

public sealed record PartnerSupplier(string Slug, string Name, IReadOnlyList<SupplierRole> Roles);

public sealed record PartnerGroupSeat(string Organisation, string? Person, bool IsChair);

public sealed record PartnerGroup(WorkingGroupKind Kind, string? Name, IReadOnlyList<PartnerGroupSeat> Seats);

public sealed record PartnerSection(
    int ProductId,
    string Slug,
    string Name,
    IReadOnlyList<SupplierRole> OwnRoles,
    IReadOnlyList<PartnerAuthority> Authorities,
    IReadOnlyList<PartnerSupplier> OtherSuppliers,
    IReadOnlyList<PartnerGroup> Groups);

public sealed record AccessRow(DateTime At, string User, string Product, PersonalDataAccess Access);

/// <summary>The partner lists one user may see now, narrowed by a filter, with the choices the filter offers.</summary>
public sealed record PartnerList(
    string? Supplier,
    IReadOnlyList<(string Slug, string Name)> Products,
    IReadOnlyList<(string Slug, string Name)> Regions,
    IReadOnlyList<PartnerSection> Sections);

/// <summary>
/// Partner lists: for each product a user may see, its co-owning authorities with their contact persons, the other
/// suppliers and the working groups. A leverandørkontakt sees the products its supplier serves today (an ended
/// engagement ends the access on its end date), a produktkoordinator its product, the secretariat all. The scope is
/// worked out here from the grants on every call, exports included, and every call that shows contact details is logged.
/// </summary>
public sealed class PartnerService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The list, or null when the user may see no partner list at all.</summary>
    public async Task<PartnerList?> ListAsync(string userId, PartnerFilter filter, PersonalDataAccess access, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = Today();
        var user = await AccessService.ForAsync(db, userId, ct);
        var supplierIds = user.Suppliers;
        var allProducts = user.IsSecretariat;
        var coordinated = user.CoordinatedProducts;
        if (!allProducts && coordinated.Count == 0 && supplierIds.Count == 0)
        {
            return null;
        }

        // The viewer's own supplier roles, current today: they decide which products a supplier contact may see.
        var own = await db.Participations.AsNoTracking()
            .Where(Dated.CurrentOn(today, ParticipationKind.Supplier))
            .Where(x => supplierIds.Contains(x.OrganisationId))
            .Select(x => new { x.ProductId, x.Role }).ToListAsync(ct);
        var visible = allProducts
            ? await db.Products.Select(p => p.Id).ToListAsync(ct)
            : own.Select(o => o.ProductId).Concat(coordinated).Distinct().ToList();

        var products = await db.Products.AsNoTracking().Where(p => visible.Contains(p.Id)).OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Slug, p.Name }).ToListAsync(ct);
        var regions = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Region).OrderBy(o => o.Name)
            .Select(o => new { o.Slug, o.Name }).ToListAsync(ct);
        var supplierName = supplierIds.Count == 0 ? null
            : await db.Organisations.Where(o => supplierIds.Contains(o.Id)).Select(o => o.Name).FirstOrDefaultAsync(ct);

        var shown = products.Where(p => filter.Product is null || p.Slug == filter.Product).Select(p => p.Id).ToList();
        if (filter.Role is { } role)
        {
            // A supplier contact narrows to the products where its supplier holds the role; others to any supplier's.
            var withRole = supplierIds.Count > 0 && !allProducts
                ? own.Where(o => o.Role == role).Select(o => o.ProductId).ToHashSet()
                : (await db.Participations.AsNoTracking().Where(Dated.CurrentOn(today, ParticipationKind.Supplier))
                    .Where(x => x.Role == role).Select(x => x.ProductId).ToListAsync(ct)).ToHashSet();
            shown = shown.Where(withRole.Contains).ToList();
        }

        var sections = await SectionsAsync(db, shown, supplierIds, filter, today, ct);
        if (sections.Count > 0)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            db.PersonalDataAccessLog.AddRange(sections.Select(s => new PersonalDataAccessEntry { At = now, UserId = userId, ProductId = s.ProductId, Access = access }));
            await db.SaveChangesAsync(ct);
        }

        return new PartnerList(supplierName, products.Select(p => (p.Slug, p.Name)).ToList(), regions.Select(r => (r.Slug, r.Name)).ToList(), sections);
    }

    /// <summary>The log of views and exports of contact details, newest first; null for anyone but the secretariat.</summary>
    public async Task<IReadOnlyList<AccessRow>?> AccessLogAsync(string userId, int take = 500, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return null;
        }

        return await db.PersonalDataAccessLog.AsNoTracking().OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(take)
            .Select(e => new AccessRow(e.At, db.Users.Where(u => u.Id == e.UserId).Select(u => u.DisplayName).FirstOrDefault() ?? e.UserId,
                db.Products.Where(p => p.Id == e.ProductId).Select(p => p.Name).FirstOrDefault() ?? "?", e.Access))
            .ToListAsync(ct);
    }

    private static async Task<List<PartnerSection>> SectionsAsync(OS2HubDbContext db, List<int> productIds, IReadOnlyList<int> supplierIds, PartnerFilter filter, DateOnly today, CancellationToken ct)
    {
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Slug, p.Name }).ToListAsync(ct);
        var members = await db.Participations.AsNoTracking().Where(Dated.CurrentOn(today, ParticipationKind.Member)).Where(x => productIds.Contains(x.ProductId))
            .Select(x => new
            {
                x.ProductId, x.OrganisationId, x.Organisation!.Slug, x.Organisation.Name, x.Organisation.Kind, x.StartDate,
                Region = x.Organisation.Kind == OrganisationKind.Region ? x.Organisation.Name : x.Organisation.Region != null ? x.Organisation.Region.Name : null,
                RegionSlug = x.Organisation.Kind == OrganisationKind.Region ? x.Organisation.Slug : x.Organisation.Region != null ? x.Organisation.Region.Slug : null,
                Population = x.Organisation.PopulationFigures.OrderByDescending(p => p.AsOf).Select(p => (int?)p.Population).FirstOrDefault(),
            }).ToListAsync(ct);
        var contacts = await db.ContactRoles.AsNoTracking()
            .Where(Dated.CurrentOn<ContactRole>(today))
            .Where(r => productIds.Contains(r.ProductId) && r.Kind == ContactRoleKind.General)
            .Join(db.ContactPersons, r => r.ContactPersonId, c => c.Id, (r, c) => new { r.ProductId, c.OrganisationId, c.Name, c.Title, c.Email, c.Phone })
            .ToListAsync(ct);
        var suppliers = await db.Participations.AsNoTracking().Where(Dated.CurrentOn(today, ParticipationKind.Supplier))
            .Where(x => productIds.Contains(x.ProductId))
            .Select(x => new { x.ProductId, x.OrganisationId, x.Organisation!.Slug, x.Organisation.Name, Role = x.Role ?? SupplierRole.Unknown })
            .ToListAsync(ct);
        var seats = await db.WorkingGroupMembers.AsNoTracking().Where(Dated.NotEndedOn<WorkingGroupMember>(today))
            .Join(db.WorkingGroups, m => m.WorkingGroupId, g => g.Id, (m, g) => new { g.ProductId, g.Kind, g.Name, Organisation = m.Organisation!.Name, Person = m.ContactPerson != null ? m.ContactPerson.Name : null, m.IsChair })
            .Where(s => productIds.Contains(s.ProductId))
            .ToListAsync(ct);

        var terms = TextFolding.SearchTerms(filter.Text);
        var sections = new List<PartnerSection>();
        foreach (var p in products)
        {
            var authorities = members.Where(m => m.ProductId == p.Id && (filter.Region is null || m.RegionSlug == filter.Region))
                .Select(m => new PartnerAuthority(m.Slug, m.Name, m.Kind, m.Region, m.Population is { } n ? SizeClasses.FromPopulation(n) : null, m.StartDate,
                    contacts.Where(c => c.ProductId == p.Id && c.OrganisationId == m.OrganisationId).OrderBy(c => c.Name, StringComparer.CurrentCulture)
                        .Select(c => new PartnerContact(c.Name, c.Title, c.Email, c.Phone)).ToList()))
                .Where(a => TextFolding.Matches(TextFolding.SearchKey(a.Name), terms)
                    || a.Contacts.Any(c => TextFolding.Matches(TextFolding.SearchKey(c.Name), terms)))
                .OrderBy(a => a.Name, StringComparer.CurrentCulture).ToList();
            if (authorities.Count == 0 && (filter.Region is not null || terms.Count > 0))
            {
                continue;
            }

            var onProduct = suppliers.Where(s => s.ProductId == p.Id).ToList();
            sections.Add(new PartnerSection(p.Id, p.Slug, p.Name,
                onProduct.Where(s => supplierIds.Contains(s.OrganisationId)).Select(s => s.Role).Distinct().Order().ToList(),
                authorities,
                onProduct.Where(s => !supplierIds.Contains(s.OrganisationId)).GroupBy(s => (s.Slug, s.Name))
                    .Select(g => new PartnerSupplier(g.Key.Slug, g.Key.Name, g.Select(s => s.Role).Distinct().Order().ToList()))
                    .OrderBy(s => s.Name, StringComparer.CurrentCulture).ToList(),
                seats.Where(s => s.ProductId == p.Id).GroupBy(s => (s.Kind, s.Name)).OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Name)
                    .Select(g => new PartnerGroup(g.Key.Kind, g.Key.Name, g.OrderByDescending(s => s.IsChair).ThenBy(s => s.Organisation, StringComparer.CurrentCulture)
                        .Select(s => new PartnerGroupSeat(s.Organisation, s.Person, s.IsChair)).ToList())).ToList()));
        }

        return sections;
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
