using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Economy;

/// <summary>
/// A small economy with figures worked out by hand: product "Alfa" with a 2026 fee sheet of 100,000 kr. (joining fee
/// 25,000 kr., the association's key) and the 2026 key 1 / 1.5 / 2 / 3 with 5 %. Members on 1 January 2026: Small
/// (0101, 20,000), Medium (0147, 40,000), Large (0151, 70,000), Megetstor (0153, 150,000) and Region Nord (assessed
/// meget stor); Sen (0155, 30,000) joined 1 March 2026, so it shares from 2027. Ny (0813, 57,000) is not a member.
/// Region Syd has no assessment; Firma A/S is a company. Population figures are dated 1 January 2025.
/// Users: "sekretariat", "pk-alfa" (produktkoordinator of Alfa) and "it-ny" (IT-koordinator of Ny).
/// </summary>
public sealed class EconomyWorld
{
    public Dictionary<string, int> Orgs { get; } = [];
    public int Alfa { get; private set; }
    public int Beta { get; private set; }

    public static async Task<EconomyWorld> CreateAsync(TestDatabase database)
    {
        var world = new EconomyWorld();
        await using var db = database.CreateDbContext();
        var now = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var alfa = new Product { Name = "Alfa", Slug = "alfa", UpdatedAt = now };
        var beta = new Product { Name = "Beta", Slug = "beta", UpdatedAt = now };
        db.Products.AddRange(alfa, beta);
        Organisation Municipality(string name, string code, int population) => new()
        {
            Name = name, Slug = name.ToLowerInvariant(), Kind = OrganisationKind.Municipality, Code = code, UpdatedAt = now,
            PopulationFigures = [new PopulationFigure { AsOf = new DateOnly(2025, 1, 1), Population = population }],
        };
        Organisation[] orgs =
        [
            Municipality("Lille", "0101", 20_000), Municipality("Mellem", "0147", 40_000), Municipality("Stor", "0151", 70_000),
            Municipality("Megetstor", "0153", 150_000), Municipality("Sen", "0155", 30_000), Municipality("Ny", "0813", 57_000),
            new() { Name = "Region Nord", Slug = "region-nord", Kind = OrganisationKind.Region, Code = "1081", UpdatedAt = now,
                SizeAssessments = [new SizeAssessment { FromBudgetYear = 2024, SizeClass = SizeClass.VeryLarge, Population = 600_000 }] },
            new() { Name = "Region Syd", Slug = "region-syd", Kind = OrganisationKind.Region, Code = "1083", UpdatedAt = now },
            new() { Name = "Firma A/S", Slug = "firma", Kind = OrganisationKind.Company, UpdatedAt = now },
        ];
        db.Organisations.AddRange(orgs);
        foreach (var member in new[] { "Lille", "Mellem", "Stor", "Megetstor" })
        {
            db.Participations.Add(new Participation { Product = alfa, Organisation = orgs.Single(o => o.Name == member), Kind = ParticipationKind.Member, StartDate = new DateOnly(2020, 1, 1), CreatedAt = now });
        }

        db.Participations.Add(new Participation { Product = alfa, Organisation = orgs.Single(o => o.Name == "Region Nord"), Kind = ParticipationKind.Member, StartDate = new DateOnly(2021, 1, 1), CreatedAt = now });
        db.Participations.Add(new Participation { Product = alfa, Organisation = orgs.Single(o => o.Name == "Sen"), Kind = ParticipationKind.Member, StartDate = new DateOnly(2026, 3, 1), CreatedAt = now });
        foreach (var (id, grant) in new[]
        {
            ("sekretariat", new Grant { UserId = "sekretariat", Role = GrantRole.Secretariat }),
            ("pk-alfa", new Grant { UserId = "pk-alfa", Role = GrantRole.ProductCoordinator, Product = alfa }),
            ("it-ny", new Grant { UserId = "it-ny", Role = GrantRole.ItCoordinator, Organisation = orgs.Single(o => o.Name == "Ny") }),
        })
        {
            db.Users.Add(new AppUser { Id = id, UserName = $"{id}@example.dk", Email = $"{id}@example.dk", DisplayName = id, Grants = [grant] });
        }

        db.EconomyYears.Add(new EconomyYear { BudgetYear = 2026, WeightSmall = 1, WeightMedium = 1.5m, WeightLarge = 2, WeightVeryLarge = 3, SecretariatPercent = 5, Version = 1 });
        db.FeeSheets.Add(new FeeSheet { Product = alfa, BudgetYear = 2026, AnnualAmount = 100_000, JoiningFee = 25_000, Key = DistributionKey.AssociationKey, UpdatedAt = now, Version = 1 });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        world.Alfa = alfa.Id;
        world.Beta = beta.Id;
        foreach (var o in orgs)
        {
            world.Orgs[o.Name] = o.Id;
        }

        return world;
    }
}
