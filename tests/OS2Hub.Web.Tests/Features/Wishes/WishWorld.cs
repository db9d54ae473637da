using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Live;
using OS2Hub.Web.Features.Wishes;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Wishes;

/// <summary>
/// Wishes on top of <see cref="WorkflowWorld"/> (Frederikshavn and Helsingør co-own Alfa; Leverandør supplies it; Beta
/// has no co-owners): Alfa/1 new, raised for Frederikshavn, estimate 100.000 kr. for 2027, supported by Helsingør;
/// Alfa/2 and Alfa/3 prioritised 1 and 2; Alfa/4 new with an estimate, supported and pledged by Frederikshavn; Beta/1 new.
/// </summary>
public static class WishWorld
{
    public static WishService Service(TestDatabase db, RecordingEmailSender? email = null) =>
        new(db, FixedClock.Default, Notifier(db, email ?? new RecordingEmailSender()));

    public static WishNotifier Notifier(TestDatabase db, RecordingEmailSender email) =>
        new(db, email, FixedClock.Default, Options.Create(new OS2HubOptions { PublicBaseUrl = new Uri("https://os2hub.example/") }),
            new InProcessLiveEvents(NullLogger<InProcessLiveEvents>.Instance), Protection, NullLogger<WishNotifier>.Instance);

    /// <summary>One key ring for the test run, so a token made by one notifier is read by another.</summary>
    public static IDataProtectionProvider Protection { get; } = new EphemeralDataProtectionProvider();

    public static async Task<Dictionary<string, int>> SeedAsync(TestDatabase database, WorkflowWorld w)
    {
        await using var db = database.CreateDbContext();
        var at = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
        Wish New(string product, string title, string? authority, WishStatus status = WishStatus.New, int? rank = null) => new()
        {
            ProductId = w.Products[product], Title = title, Description = "Beskrivelse af " + title, Need = "Behovet",
            OrganisationId = authority is null ? null : w.Organisations[authority], Status = status, Rank = rank,
            CreatedByUserId = "it-frederikshavn", CreatedAt = at, UpdatedAt = at,
        };
        var wishes = new Dictionary<string, Wish>
        {
            ["Alfa/1"] = New("Alfa", "Eksport til regneark", "Frederikshavn"),
            ["Alfa/2"] = New("Alfa", "Bedre søgning", "Helsingør", WishStatus.Prioritised, 1),
            ["Alfa/3"] = New("Alfa", "Mørkt tema", "Frederikshavn", WishStatus.Prioritised, 2),
            ["Alfa/4"] = New("Alfa", "Rapport over roller", "Frederikshavn"),
            ["Beta/1"] = New("Beta", "Ny integration", "Helsingør"),
        };
        (wishes["Alfa/1"].EstimatedCost, wishes["Alfa/1"].PaymentYear) = (100_000, 2027);
        (wishes["Alfa/4"].EstimatedCost, wishes["Alfa/4"].PaymentYear) = (50_000, 2027);
        wishes["Alfa/1"].Supports.Add(new WishSupport { OrganisationId = w.Organisations["Helsingør"], UserId = "sekretariat", CreatedAt = at });
        wishes["Alfa/4"].Supports.Add(new WishSupport { OrganisationId = w.Organisations["Frederikshavn"], UserId = "it-frederikshavn", CreatedAt = at });
        wishes["Alfa/4"].Pledges.Add(new WishPledge { OrganisationId = w.Organisations["Frederikshavn"], UserId = "it-frederikshavn", CreatedAt = at });
        db.Wishes.AddRange(wishes.Values);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return wishes.ToDictionary(p => p.Key, p => p.Value.Id);
    }
}
