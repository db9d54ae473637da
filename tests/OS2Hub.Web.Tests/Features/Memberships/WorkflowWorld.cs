using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Memberships;

/// <summary>
/// A small known world for the workflow: products Alfa, Beta, Gamma; authorities Frederikshavn, Helsingør,
/// København; a supplier; and one user per role (Medarbejdere of Frederikshavn and of Helsingør). Frederikshavn and Helsingør co-own Alfa. Open requests:
/// Frederikshavn→Beta, Helsingør→Beta, København→Alfa. Contact persons: Mette (Frederikshavn, contact for Alfa and
/// chair of Alfa's styregruppe) and Hans (Helsingør, in the same styregruppe).
/// </summary>
public sealed class WorkflowWorld
{
    public static readonly DateOnly Today = new(2026, 11, 27);

    public required TestDatabase Database { get; init; }
    public required JoinWorkflowService Service { get; init; }
    public required RecordingEmailSender Email { get; init; }
    public Dictionary<string, int> Products { get; } = [];
    public Dictionary<string, int> Organisations { get; } = [];
    public Dictionary<string, int> Requests { get; } = [];
    public Dictionary<string, int> Contacts { get; } = [];
    public Dictionary<string, int> Groups { get; } = [];

    public static async Task<WorkflowWorld> CreateAsync(TestDatabase database)
    {
        var email = new RecordingEmailSender();
        var notifier = new Notifier(database, email, FixedClock.Default, Microsoft.Extensions.Options.Options.Create(new OS2Hub.Web.Data.OS2HubOptions { PublicBaseUrl = new Uri("https://os2hub.example/") }),
            new OS2Hub.Web.Features.Live.InProcessLiveEvents(Microsoft.Extensions.Logging.Abstractions.NullLogger<OS2Hub.Web.Features.Live.InProcessLiveEvents>.Instance),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Notifier>.Instance);
        var world = new WorkflowWorld { Database = database, Email = email, Service = new JoinWorkflowService(database, FixedClock.Default, notifier) };
        await using var db = database.CreateDbContext();
        var orgs = new Dictionary<string, Organisation>
        {
            ["Frederikshavn"] = new() { Name = "Frederikshavn Kommune", Slug = "frederikshavn", Kind = OrganisationKind.Municipality, Code = "0813" },
            ["Helsingør"] = new() { Name = "Helsingør Kommune", Slug = "helsingoer", Kind = OrganisationKind.Municipality, Code = "0217" },
            ["København"] = new() { Name = "Københavns Kommune", Slug = "koebenhavn", Kind = OrganisationKind.Municipality, Code = "0101" },
            ["Leverandør"] = new() { Name = "Leverandør ApS", Slug = "leverandoer-aps", Kind = OrganisationKind.Company },
            ["Region Prøve"] = new() { Name = "Region Prøve", Slug = "region-proeve", Kind = OrganisationKind.Region },
        };
        var products = new Dictionary<string, Product>
        {
            ["Alfa"] = new() { Name = "Alfa", Slug = "alfa", Lifecycle = LifecycleState.Active },
            ["Beta"] = new() { Name = "Beta", Slug = "beta", Lifecycle = LifecycleState.Active },
            ["Gamma"] = new() { Name = "Gamma", Slug = "gamma", Lifecycle = LifecycleState.Active },
        };
        db.Organisations.AddRange(orgs.Values);
        db.Products.AddRange(products.Values);
        foreach (var member in new[] { "Frederikshavn", "Helsingør" })
        {
            db.Participations.Add(new Participation { Product = products["Alfa"], Organisation = orgs[member], Kind = ParticipationKind.Member, StartDate = new DateOnly(2020, 1, 1) });
        }

        db.Participations.Add(new Participation { Product = products["Alfa"], Organisation = orgs["Leverandør"], Kind = ParticipationKind.Supplier, Role = SupplierRole.Development });
        var requests = new Dictionary<string, JoinRequest>
        {
            ["Frederikshavn→Beta"] = Open(products["Beta"], orgs["Frederikshavn"]),
            ["Helsingør→Beta"] = Open(products["Beta"], orgs["Helsingør"]),
            ["København→Alfa"] = Open(products["Alfa"], orgs["København"]),
        };
        db.JoinRequests.AddRange(requests.Values);

        var contacts = new Dictionary<string, ContactPerson>
        {
            ["Mette"] = new() { Organisation = orgs["Frederikshavn"], Name = "Mette Kontaktsen", Title = "IT-konsulent", Email = "mette.kontaktsen@frederikshavn.example.dk", Phone = "+45 98 45 50 00" },
            ["Hans"] = new() { Organisation = orgs["Helsingør"], Name = "Hans Helsingsen", Email = "hans@helsingoer.example.dk" },
        };
        contacts["Mette"].Roles.Add(new ContactRole { Product = products["Alfa"], Kind = ContactRoleKind.General, StartDate = new DateOnly(2020, 1, 1) });
        db.ContactPersons.AddRange(contacts.Values);
        var steering = new WorkingGroup { Product = products["Alfa"], Kind = WorkingGroupKind.SteeringGroup };
        steering.Members.Add(new WorkingGroupMember { Organisation = orgs["Frederikshavn"], ContactPerson = contacts["Mette"], IsChair = true, StartDate = new DateOnly(2020, 1, 1) });
        steering.Members.Add(new WorkingGroupMember { Organisation = orgs["Helsingør"], ContactPerson = contacts["Hans"], StartDate = new DateOnly(2021, 1, 1) });
        var betaSteering = new WorkingGroup { Product = products["Beta"], Kind = WorkingGroupKind.SteeringGroup };
        db.WorkingGroups.AddRange(steering, betaSteering);

        AddUser(db, "sekretariat", new Grant { UserId = "sekretariat", Role = GrantRole.Secretariat });
        AddUser(db, "pk-alfa", new Grant { UserId = "pk-alfa", Role = GrantRole.ProductCoordinator, Product = products["Alfa"] });
        AddUser(db, "it-frederikshavn", new Grant { UserId = "it-frederikshavn", Role = GrantRole.ItCoordinator, Organisation = orgs["Frederikshavn"] });
        AddUser(db, "leverandoer", new Grant { UserId = "leverandoer", Role = GrantRole.SupplierContact, Organisation = orgs["Leverandør"] });
        AddUser(db, "medarbejder-frederikshavn", new Grant { UserId = "medarbejder-frederikshavn", Role = GrantRole.Staff, Organisation = orgs["Frederikshavn"] });
        AddUser(db, "medarbejder-helsingoer", new Grant { UserId = "medarbejder-helsingoer", Role = GrantRole.Staff, Organisation = orgs["Helsingør"] });
        AddUser(db, "uden-rolle");
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        foreach (var (key, value) in orgs) world.Organisations[key] = value.Id;
        foreach (var (key, value) in products) world.Products[key] = value.Id;
        foreach (var (key, value) in requests) world.Requests[key] = value.Id;
        foreach (var (key, value) in contacts) world.Contacts[key] = value.Id;
        world.Groups["Alfa/Styregruppe"] = steering.Id;
        world.Groups["Beta/Styregruppe"] = betaSteering.Id;
        return world;
    }

    private static JoinRequest Open(Product product, Organisation organisation) => new()
    {
        Product = product, Organisation = organisation, RequestedByUserId = "sekretariat", ContactName = "Kontakt",
        IntendedStart = new DateOnly(2027, 1, 1), Status = JoinRequestStatus.Pending, CreatedAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
    };

    private static void AddUser(OS2Hub.Web.Data.OS2HubDbContext db, string id, params Grant[] grants)
    {
        var user = new AppUser { Id = id, UserName = $"{id}@example.dk", Email = $"{id}@example.dk", DisplayName = id };
        user.Grants.AddRange(grants);
        db.Users.Add(user);
    }

    public JoinRequestInput Input(string organisation, string product) => new()
    {
        ProductId = Products[product], OrganisationId = Organisations[organisation], ContactName = "Mette Jensen",
        IntendedStart = new DateOnly(2027, 1, 1), WantsCoordinationGroup = true,
    };
}
