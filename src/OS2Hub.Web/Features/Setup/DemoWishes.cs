using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Setup;

/// <summary>
/// Invented development wishes for OS2rollekatalog (the demo produktkoordinator's product), in every status, with
/// support, interest and pledges from its demo co-owners, so the influence pages can be tried. Flagged IsDemo and
/// removed with the rest of the demo data. The texts are invented; they are not OS2rollekatalog's real backlog.
/// </summary>
internal static class DemoWishes
{
    /// <summary>Demo rows name no person: the hub shows no name for a user id it does not know.</summary>
    private const string DemoUser = "demo-data";

    private sealed record Plan(string Title, string Need, string Description, WishStatus Status, int? Rank = null, DecisionForum? Forum = null,
        string? Reason = null, string? Release = null, long? Cost = null, int Supporters = 0, int Pledgers = 0, bool FromSupplier = false, bool Interest = false);

    private static readonly Plan[] Plans =
    [
        new("Roller tildeles ud fra ansættelsesdata i OS2mo", "Vi bruger for meget tid på at tildele roller manuelt, når en medarbejder skifter stilling.",
            "Når en medarbejder får en ny stilling i **OS2mo**, skal rollekataloget foreslå de roller, stillingen plejer at have:\n\n- regler pr. stillingsbetegnelse og enhed\n- forslag, som lederen godkender\n- log over, hvem der godkendte",
            WishStatus.Prioritised, Rank: 1, Forum: DecisionForum.CoordinationGroup, Cost: 180_000, Supporters: 5, Pledgers: 3, Interest: true),
        new("Påmindelser om attestering pr. e-mail", "Ledere glemmer at attestere rettigheder, og revisionen påtaler det.",
            "En påmindelse 14 dage før fristen og igen på dagen, med et link direkte til attesteringen.",
            WishStatus.Prioritised, Rank: 2, Forum: DecisionForum.CoordinationGroup, Supporters: 3),
        new("Understøttelse af MitID Erhverv-roller", "Nogle fagsystemer får roller fra MitID Erhverv; dem vil vi styre samme sted.",
            "Rollekataloget skal kunne sende tildelte roller videre til MitID Erhverv, så de ikke vedligeholdes to steder.",
            WishStatus.UnderReview, Cost: 250_000, Supporters: 2, Pledgers: 1),
        new("Bedre søgning efter brugere", "Søgningen finder ikke brugere ved dele af navnet.",
            "Søgning på dele af navn, brugernavn og enhed, med de bedste træf først.",
            WishStatus.New, FromSupplier: true, Supporters: 1),
        new("Eksport af rolleoversigt til Excel", "Revisionen beder hvert år om en oversigt over, hvem der har hvilke roller.",
            "En knap, der henter oversigten som regneark.", WishStatus.Delivered, Release: "2025.2", Supporters: 4),
        new("Mørk tilstand i brugerfladen", "Nogle medarbejdere arbejder bedre med mørk baggrund.",
            "Et valg mellem lys og mørk tilstand.", WishStatus.Rejected, Forum: DecisionForum.SteeringGroup,
            Reason: "Ligger uden for budgettet og kan klares med browserens egne indstillinger.", Supporters: 1),
    ];

    public static async Task LoadAsync(OS2HubDbContext db, CancellationToken ct)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Slug == "os2rollekatalog", ct);
        if (product is null || await db.Wishes.AnyAsync(w => w.IsDemo, ct))
        {
            return;
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var owners = await db.Participations.Where(Dated.CurrentOn(today, ParticipationKind.Member)).Where(x => x.ProductId == product.Id)
            .Select(x => x.OrganisationId).Distinct().OrderBy(id => id).ToListAsync(ct);
        var supplier = await db.Participations.Where(Dated.CurrentOn(today, ParticipationKind.Supplier)).Where(x => x.ProductId == product.Id)
            .Select(x => (int?)x.OrganisationId).FirstOrDefaultAsync(ct);
        // Frederikshavn (the demo IT-koordinator's authority) is not a co-owner: its interest shows demand from outside.
        var outsider = await db.Organisations.Where(o => o.Code == "0813").Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        if (owners.Count < 6)
        {
            return;
        }

        var year = today.Year + 1;
        var created = DateTime.UtcNow.AddDays(-120);
        foreach (var (plan, i) in Plans.Select((p, i) => (p, i)))
        {
            var at = created.AddDays(i * 9);
            var raisedFor = owners[i % owners.Count];
            var wish = new Wish
            {
                ProductId = product.Id, Title = plan.Title, Need = plan.Need, Description = plan.Description, Status = plan.Status, Rank = plan.Rank,
                DecidedBy = plan.Forum, DecidedOn = plan.Forum is null ? null : DateOnly.FromDateTime(at.AddDays(20)), RejectionReason = plan.Reason, DeliveredIn = plan.Release,
                OrganisationId = plan.FromSupplier && supplier is not null ? null : raisedFor, SupplierId = plan.FromSupplier ? supplier : null,
                EstimatedCost = plan.Cost, PaymentYear = plan.Cost is null ? null : year,
                CreatedByUserId = DemoUser, CreatedAt = at, UpdatedAt = at, IsDemo = true,
            };
            if (wish.OrganisationId is null && wish.SupplierId is null)
            {
                wish.OrganisationId = raisedFor;
            }

            wish.Events.Add(new WishEvent { At = at, UserId = DemoUser, Kind = plan.FromSupplier ? WishEventKind.Proposed : WishEventKind.Raised, OrganisationId = wish.OrganisationId ?? wish.SupplierId });
            foreach (var backer in owners.Skip(i + 1).Take(plan.Supporters))
            {
                wish.Supports.Add(new WishSupport { OrganisationId = backer, UserId = DemoUser, CreatedAt = at.AddDays(2), Reason = backer % 3 == 0 ? "Det vil spare os tid hver uge." : null });
            }

            foreach (var pledger in owners.Skip(i + 1).Take(plan.Pledgers))
            {
                wish.Pledges.Add(new WishPledge { OrganisationId = pledger, UserId = DemoUser, CreatedAt = at.AddDays(5) });
            }

            if (plan.Interest && outsider is { } frederikshavn && !owners.Contains(frederikshavn))
            {
                wish.Supports.Add(new WishSupport { OrganisationId = frederikshavn, UserId = DemoUser, CreatedAt = at.AddDays(3), Reason = "Vi overvejer at tilslutte os, hvis det kommer." });
            }

            if (plan.Status != WishStatus.New)
            {
                wish.Events.Add(new WishEvent { At = at.AddDays(20), UserId = DemoUser, Kind = WishEventKind.Status, From = nameof(WishStatus.New), To = plan.Status.ToString() });
            }

            db.Wishes.Add(wish);
        }

        await db.SaveChangesAsync(ct);
    }

    public static Task<int> RemoveAsync(OS2HubDbContext db, CancellationToken ct) => db.Wishes.Where(w => w.IsDemo).ExecuteDeleteAsync(ct);
}
