using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Account;
using OS2Hub.Web.Features.Products;
using OS2Hub.Web.Features.PublicCode;

namespace OS2Hub.Web.Features.Setup;

/// <summary>
/// Invented co-owners, working groups, coordinators and supplier periods that make development feel real.
/// Every row it writes carries IsDemo, the UI marks it, and switching demo data off removes it again.
/// The generator is seeded, so every developer sees the same demo world.
/// </summary>
public sealed class DemoDataLoader(IDbContextFactory<OS2HubDbContext> dbFactory, ILogger<DemoDataLoader> logger)
{
    private static readonly string[] s_firstNames = ["Anne", "Mette", "Lars", "Søren", "Jens", "Hanne", "Louise", "Mikkel", "Camilla", "Rasmus", "Ida", "Kasper", "Sofie", "Anders", "Line", "Thomas"];
    private static readonly string[] s_lastNames = ["Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Madsen", "Kristensen"];
    private static readonly string[] s_titles = ["IT-konsulent", "Digitaliseringskonsulent", "IT-arkitekt", "Teamleder, IT", "Systemejer", "Projektleder"];

    public async Task LoadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Participations.AnyAsync(p => p.IsDemo, ct) || await db.WorkingGroups.AnyAsync(g => g.IsDemo, ct))
        {
            await LoadEconomyAsync(db, ct);
            await DemoWishes.LoadAsync(db, ct);
            await DemoQuestions.LoadAsync(db, ct);
            return;
        }

        var random = new Random(2012);
        var authorities = await db.Organisations.Where(o => o.Kind == OrganisationKind.Municipality || o.Kind == OrganisationKind.Region)
            .OrderBy(o => o.Code).ToListAsync(ct);
        var products = await db.Products.Where(p => p.Lifecycle != LifecycleState.Retired && p.CategoryId != null).OrderBy(p => p.Name).ToListAsync(ct);
        var coordinated = await db.Grants.Where(g => g.Role == GrantRole.ProductCoordinator && g.ProductId != null).Select(g => g.ProductId!.Value).ToListAsync(ct);
        var hosting = new Organisation
        {
            Name = "Demo Drift A/S",
            Slug = "demo-drift-as",
            Kind = OrganisationKind.Company,
            IsDemo = true,
            UpdatedAt = DateTime.UtcNow,
        };
        db.Organisations.Add(hosting);
        var now = DateTime.UtcNow;
        var contacts = new Dictionary<int, List<ContactPerson>>();

        foreach (var product in products)
        {
            FillPublicCodeFields(product, random);
            var productContacts = new Dictionary<int, ContactPerson>();
            // The demo IT-koordinator's authority (Frederikshavn) is never a demo member of the demo
            // produktkoordinator's product (OS2rollekatalog), so the join story can be tried with the demo accounts.
            var candidates = product.Slug == "os2rollekatalog" ? authorities.Where(a => a.Code != "0813").ToList() : authorities;
            var members = candidates.OrderBy(_ => random.Next()).Take(random.Next(3, 46)).ToList();
            foreach (var member in members)
            {
                var start = new DateOnly(random.Next(2013, 2026), random.Next(1, 13), 1);
                // One in twelve memberships has ended, so histories show former members too.
                DateOnly? end = random.Next(12) == 0 ? start.AddYears(random.Next(1, 4)) : null;
                db.Participations.Add(new Participation
                {
                    ProductId = product.Id, OrganisationId = member.Id, Kind = ParticipationKind.Member,
                    StartDate = start, EndDate = end, IsDemo = true, CreatedAt = now,
                });
                var contact = Contact(db, contacts, member, random, now);
                contact.Roles.Add(new ContactRole { ProductId = product.Id, Kind = ContactRoleKind.General, StartDate = start, EndDate = end });
                productContacts[member.Id] = contact;
            }

            var current = members.Take(Math.Max(3, members.Count * 11 / 12)).ToList();
            var steering = new WorkingGroup { ProductId = product.Id, Kind = WorkingGroupKind.SteeringGroup, IsDemo = true };
            foreach (var (org, i) in current.Take(random.Next(3, 6)).Select((o, i) => (o, i)))
            {
                steering.Members.Add(new WorkingGroupMember { OrganisationId = org.Id, ContactPerson = productContacts[org.Id], IsChair = i == 0 });
            }

            var coordination = new WorkingGroup { ProductId = product.Id, Kind = WorkingGroupKind.CoordinationGroup, IsDemo = true };
            foreach (var (org, i) in current.Skip(1).Take(random.Next(3, 9)).Select((o, i) => (o, i)))
            {
                coordination.Members.Add(new WorkingGroupMember { OrganisationId = org.Id, ContactPerson = productContacts[org.Id], IsChair = i == 0 });
            }

            db.WorkingGroups.AddRange(steering, coordination);
            var coordinatorName = Person(random); // drawn either way, as is the start year the old record kept, so the rest stays the same
            _ = random.Next(2019, 2026);
            if (!coordinated.Contains(product.Id))
            {
                AddCoordinator(db, product, coordinatorName, now);
            }

            // Supplier periods: a demo hosting supplier on every third product, one of them with an ended period.
            if (random.Next(3) == 0)
            {
                var start = new DateOnly(random.Next(2016, 2024), 1, 1);
                db.Participations.Add(new Participation
                {
                    ProductId = product.Id, Organisation = hosting, Kind = ParticipationKind.Supplier, Role = SupplierRole.Hosting,
                    StartDate = start, EndDate = random.Next(4) == 0 ? start.AddYears(2) : start.AddYears(6), IsDemo = true, CreatedAt = now,
                });
            }
        }

        // The sources give no contract end dates, which a publiccode.yml contractor needs: invent them (flagged) so the
        // export can be tried; they lie in the future, so who serves what today does not change.
        foreach (var engagement in await db.Participations.Where(x => x.Kind == ParticipationKind.Supplier && !x.IsDemo && x.EndDate == null).ToListAsync(ct))
        {
            engagement.EndDate = new DateOnly(random.Next(2027, 2031), 12, 31);
            engagement.EndDateIsDemo = true;
        }

        await db.SaveChangesAsync(ct);
        await CatalogSearch.RefreshAsync(db, products.Select(p => p.Id).ToList(), ct);
        await LoadEconomyAsync(db, ct);
        await DemoWishes.LoadAsync(db, ct);
        await DemoQuestions.LoadAsync(db, ct);
        logger.LogInformation("Demo data loaded for {Count} products", products.Count);
    }

    /// <summary>
    /// The real DKK amounts of OS2's fee sheets and the association's weights are not in the sources: invent them
    /// (flagged) so the economy can be tried. Each product's amounts depend on its slug and the year only, never on
    /// the day the generator runs, so a budget year's demo fee sheet is the same on every machine.
    /// </summary>
    private static async Task LoadEconomyAsync(OS2HubDbContext db, CancellationToken ct)
    {
        var lastYear = Math.Max(2027, DateTime.UtcNow.Year + 1);
        var recorded = await db.EconomyYears.Select(y => y.BudgetYear).ToListAsync(ct);
        for (var year = 2024; year <= lastYear; year++)
        {
            if (!recorded.Contains(year))
            {
                db.EconomyYears.Add(new EconomyYear
                {
                    BudgetYear = year, WeightSmall = 1m, WeightMedium = 1.5m, WeightLarge = 2m, WeightVeryLarge = 3m,
                    SecretariatPercent = 5m, Source = "Demodata: vægte og bidragssats er opfundet", IsDemo = true,
                });
            }
        }

        // Regions have no population of their own: the demo places each as "meget stor", counting its municipalities' inhabitants.
        var regions = await db.Organisations.Where(o => o.Kind == OrganisationKind.Region && !o.SizeAssessments.Any()).ToListAsync(ct);
        foreach (var region in regions)
        {
            var inhabitants = await db.PopulationFigures.Where(f => f.Organisation!.RegionId == region.Id)
                .GroupBy(f => f.OrganisationId).Select(g => g.OrderByDescending(f => f.AsOf).Select(f => f.Population).First()).ToListAsync(ct);
            db.SizeAssessments.Add(new SizeAssessment
            {
                OrganisationId = region.Id, FromBudgetYear = 2024, SizeClass = SizeClass.VeryLarge, Population = inhabitants.Count > 0 ? inhabitants.Sum() : null, IsDemo = true,
            });
        }

        var products = await db.Products.Where(p => db.Participations.Any(x => x.ProductId == p.Id && x.Kind == ParticipationKind.Member)
                && !db.FeeSheets.Any(f => f.ProductId == p.Id))
            .Select(p => new { p.Id, p.Slug }).ToListAsync(ct);
        foreach (var product in products)
        {
            var random = new Random(product.Slug.Aggregate(17, (hash, c) => unchecked(hash * 31 + c)));
            var baseAmount = random.Next(8, 120) * 10_000m;
            var joining = random.Next(1, 11) * 5_000L;
            var key = random.Next(10) switch { 0 => DistributionKey.Equal, 1 => DistributionKey.Population, _ => DistributionKey.AssociationKey };
            for (var year = 2024; year <= lastYear; year++)
            {
                // Three per cent a year, in whole thousands.
                var amount = (long)decimal.Round(baseAmount * (decimal)Math.Pow(1.03, year - 2024) / 1000m, MidpointRounding.AwayFromZero) * 1000;
                db.FeeSheets.Add(new FeeSheet
                {
                    ProductId = product.Id, BudgetYear = year, AnnualAmount = amount, JoiningFee = joining, Key = key,
                    IsDemo = true, UpdatedAt = DateTime.UtcNow, Version = 1,
                });
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Removes everything the demo generator made, so a database switched to real data shows real facts only.</summary>
    public async Task RemoveAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var removed = await DemoWishes.RemoveAsync(db, ct);
        removed += await DemoQuestions.RemoveAsync(db, ct);
        removed += await db.Participations.Where(p => p.IsDemo || p.Organisation!.IsDemo).ExecuteDeleteAsync(ct);
        removed += await db.Participations.Where(p => p.EndDateIsDemo)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.EndDate, (DateOnly?)null).SetProperty(p => p.EndDateIsDemo, false), ct);
        removed += await db.WorkingGroupMembers.Where(m => db.WorkingGroups.Any(g => g.Id == m.WorkingGroupId && g.IsDemo)).ExecuteDeleteAsync(ct);
        removed += await db.WorkingGroups.Where(g => g.IsDemo).ExecuteDeleteAsync(ct);
        removed += await db.ContactPersons.Where(c => c.IsDemo).ExecuteDeleteAsync(ct);
        removed += await db.Products.Where(p => p.PublicCodeIsDemo).ExecuteUpdateAsync(u => u
            .SetProperty(p => p.Platforms, (string?)null).SetProperty(p => p.SoftwareType, (string?)null).SetProperty(p => p.Features, (string?)null)
            .SetProperty(p => p.LocalisationReady, (bool?)null).SetProperty(p => p.AvailableLanguages, (string?)null)
            .SetProperty(p => p.DevelopmentStatus, (string?)null).SetProperty(p => p.PublicCodeIsDemo, false), ct);
        removed += await db.FeeSheets.Where(f => f.IsDemo).ExecuteDeleteAsync(ct);
        removed += await db.EconomyYears.Where(y => y.IsDemo).ExecuteDeleteAsync(ct);
        removed += await db.SizeAssessments.Where(a => a.IsDemo).ExecuteDeleteAsync(ct);
        removed += await db.Organisations.Where(o => o.IsDemo).ExecuteDeleteAsync(ct);
        if (removed > 0)
        {
            await CatalogSearch.RefreshAsync(db, await db.Products.Select(p => p.Id).ToListAsync(ct), ct);
            logger.LogInformation("Demo data removed ({Rows} rows)", removed);
        }
    }

    /// <summary>
    /// Invented publiccode.yml facts the sources do not give (platforms, software type, features, languages), so the
    /// export can be tried; only where nothing is recorded, and flagged so switching demo data off clears them again.
    /// </summary>
    private static void FillPublicCodeFields(Product product, Random random)
    {
        if (product.SoftwareType is not null || product.Platforms is not null || product.Features is not null)
        {
            return;
        }

        string[] features = ["Webbaseret brugerflade", "Log ind med kommunens brugerkonti", "Rettigheder styret af roller", "Integration til fagsystemer", "Rapporter og udtræk", "Revisionsspor over ændringer"];
        product.Platforms = "web";
        product.SoftwareType = random.Next(4) == 0 ? "standalone/backend" : "standalone/web";
        product.Features = string.Join('\n', features.OrderBy(_ => random.Next()).Take(random.Next(3, 6)));
        product.LocalisationReady = false;
        product.AvailableLanguages = "da";
        // Where the maturity proposes no status (unknown), a demo one; a recorded maturity keeps proposing its own.
        product.DevelopmentStatus = PublicCodeExport.ProposedStatus(product.Maturity, product.Lifecycle) is null ? "stable" : null;
        product.PublicCodeIsDemo = true;
    }

    /// <summary>An authority's demo contact for one more product: one of its (at most three) contacts, sometimes a new one.</summary>
    private static ContactPerson Contact(OS2HubDbContext db, Dictionary<int, List<ContactPerson>> contacts, Organisation org, Random random, DateTime now)
    {
        var pool = contacts.TryGetValue(org.Id, out var list) ? list : contacts[org.Id] = [];
        if (pool.Count > 0 && (pool.Count == 3 || random.Next(2) == 0))
        {
            return pool[random.Next(pool.Count)];
        }

        var name = Person(random);
        var local = TextFolding.Fold(name).Replace(' ', '.');
        var contact = new ContactPerson
        {
            OrganisationId = org.Id, Name = name, Title = s_titles[random.Next(s_titles.Length)],
            // Addresses under the hub's own demo domain, so no real mailbox is ever named.
            Email = $"{local}@{org.Slug}.demo.os2hub.dk",
            Phone = $"+45 {random.Next(20, 99)} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)}",
            IsDemo = true, CreatedAt = now, UpdatedAt = now,
        };
        pool.Add(contact);
        db.ContactPersons.Add(contact);
        return contact;
    }

    /// <summary>
    /// A produktkoordinator is whoever holds the grant, so demo data names one by giving an invented person the grant.
    /// The account has no password (nobody signs in as it) and the demo domain, so removing demo accounts removes it.
    /// </summary>
    private static void AddCoordinator(OS2HubDbContext db, Product product, string name, DateTime now)
    {
        var email = $"koordinator.{product.Slug}{AccountSeeder.DemoDomain}";
        var user = new AppUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true, DisplayName = name, SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        db.Users.Add(user);
        db.Grants.Add(new Grant { UserId = user.Id, Role = GrantRole.ProductCoordinator, ProductId = product.Id, CreatedAt = now });
    }

    private static string Person(Random random) => $"{s_firstNames[random.Next(s_firstNames.Length)]} {s_lastNames[random.Next(s_lastNames.Length)]}";
}
