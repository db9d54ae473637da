using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Account;

namespace OS2Hub.Web.Features.Products;

public sealed class ProductDetailsService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
{
    public async Task<ProductDetails?> GetAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.AsNoTracking().AsSplitQuery()
            .Include(p => p.Category)
            .Include(p => p.Sources)
            .Include(p => p.Mentions).ThenInclude(m => m.Organisation)
            .Include(p => p.Participations).ThenInclude(x => x.Organisation).ThenInclude(o => o!.Region)
            .Include(p => p.WorkingGroups).ThenInclude(g => g.Members).ThenInclude(m => m.Organisation)
            .Include(p => p.WorkingGroups).ThenInclude(g => g.Members).ThenInclude(m => m.ContactPerson)
            .FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (product is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        // The produktkoordinator is whoever holds the grant.
        var grantHolders = await db.Users.AsNoTracking()
            .Where(u => u.Grants.Any(g => g.Role == GrantRole.ProductCoordinator && g.ProductId == product.Id))
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.DisplayName, u.Email })
            .ToListAsync(ct);
        var coordinators = grantHolders.Select(u => new CoordinatorInfo(u.DisplayName,
            u.Email != null && u.Email.EndsWith(AccountSeeder.DemoDomain, StringComparison.OrdinalIgnoreCase))).ToList();
        MemberInfo Member(Participation x) => new(x.Organisation!.Slug, x.Organisation.Name, x.Organisation.Kind,
            x.Organisation.Region?.Name, x.StartDate, x.EndDate, x.IsDemo, x.ConfirmedAt);

        var memberships = product.Participations.Where(x => x.Kind == ParticipationKind.Member).ToList();
        var suppliers = product.Participations
            .Where(x => x.Kind == ParticipationKind.Supplier && x.IsCurrentOn(today))
            .GroupBy(x => x.OrganisationId)
            .Select(g => (Organisation: g.First().Organisation!, Roles: g))
            .OrderBy(g => g.Organisation.Name, StringComparer.CurrentCulture)
            .Select(g => new SupplierInfo(g.Organisation.Slug, g.Organisation.Name, g.Roles
                .OrderBy(x => x.Role)
                .Select(x => new SupplierRoleInfo(x.Role ?? SupplierRole.Unknown, x.RoleText, x.StartDate, x.EndDate, x.IsInferred, x.IsDemo || x.EndDateIsDemo, x.Source))
                .ToList()))
            .ToList();

        return new ProductDetails(
            product.Id, product.Slug, product.Name, product.Summary, product.Description, product.DescriptionLanguage,
            SourceText.From(product.DescriptionOriginal, product.DescriptionOriginalLanguage),
            product.Category?.Name, product.Category?.Slug, product.Maturity, product.MaturityAssessedOn, product.Lifecycle,
            product.StatusNote, product.StatusNoteLanguage, SourceText.From(product.StatusNoteOriginal, product.StatusNoteOriginalLanguage), product.Licence, product.LicenceNote, product.RepositoryUrl, product.DocumentationUrl,
            product.WebsiteUrl, product.IssueTrackerUrl, product.JoinAgreementUrl, product.CodeIsPublic, product.IssueTrackerIsPublic, product.UpdatedAt,
            product.Sources.Select(s => new SourceInfo(s.Fact, s.Reference, s.AsOf, s.IsInferred, s.Note)).ToList(),
            memberships.Where(x => x.IsCurrentOn(today)).Select(Member).OrderBy(m => m.Name, StringComparer.CurrentCulture).ToList(),
            memberships.Where(x => x.EndDate is not null && x.EndDate <= today).Select(Member).OrderByDescending(m => m.EndDate).ToList(),
            memberships.Where(x => x.StartDate > today && x.IsNotEndedOn(today)).Select(Member).OrderBy(m => m.StartDate).ToList(),
            product.Mentions
                .OrderBy(m => m.AsOf).ThenBy(m => m.Subject, StringComparer.CurrentCulture)
                .Select(m => new MentionInfo(m.Organisation?.Slug, m.Organisation?.Name ?? m.Subject, m.Statement, m.AsOf, m.Source, m.Language)).ToList(),
            suppliers,
            product.WorkingGroups.OrderBy(g => g.Kind).ThenBy(g => g.Name)
                .Select(g => new WorkingGroupInfo(g.Kind, g.Name, g.IsDemo, g.Members
                    .Where(m => m.IsNotEndedOn(today))
                    .OrderByDescending(m => m.IsChair).ThenBy(m => m.Organisation!.Name, StringComparer.CurrentCulture)
                    .Select(m => new GroupMemberInfo(m.Organisation!.Slug, m.Organisation.Name, m.ContactPerson != null ? m.ContactPerson.Name : null, m.IsChair)).ToList()))
                .ToList(),
            coordinators,
            FreshnessOf(product.Participations.Where(x => x.IsCurrentOn(today)), clock.GetUtcNow().UtcDateTime.AddYears(-1)));
    }

    /// <summary>Confirmed in a yearly round or changed by a person since <paramref name="since"/>; imports and demo data alone are not.</summary>
    public static Freshness FreshnessOf(IEnumerable<Participation> current, DateTime since)
    {
        var rows = current.ToList();
        return new Freshness(rows.Count(x => x.ConfirmedAt >= since || x.ChangedAt >= since), rows.Count);
    }
}
