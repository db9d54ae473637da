using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features;
using OS2Hub.Web.Features.Community;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Community;

/// <summary>
/// Who reads what, as a literal table: public items reach everyone; "co-owners only" reaches signed-in users of
/// co-owning authorities, the produktkoordinator and the secretariat, and the product's supplier contacts only where
/// the item allows it. And the decision log's rules: corrections keep the original, redaction leaves a note.
/// </summary>
public sealed class CommunityTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();

    public void Dispose() => _db.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CommunityService Service() => new(_db, FixedClock.Default);

    public static TheoryData<string?, string, bool> Reads => new()
    {
        // user                 item                                  sees it
        { null,                 "offentlig nyhed",                    true },
        { null,                 "medejer-nyhed",                      false },
        { null,                 "medejer-og-leverandør-nyhed",        false },
        { null,                 "medejer-beslutning",                 false },
        { "uden-rolle",         "offentlig nyhed",                    true },
        { "uden-rolle",         "medejer-nyhed",                      false },
        { "uden-rolle",         "medejer-beslutning",                 false },
        { "it-frederikshavn",   "medejer-nyhed",                      true },   // Frederikshavn co-owns Alfa
        { "it-frederikshavn",   "medejer-beslutning",                 true },
        { "it-koebenhavn",      "medejer-nyhed",                      false },  // København does not
        { "it-koebenhavn",      "medejer-beslutning",                 false },
        { "it-koebenhavn",      "offentlig beslutning",               true },
        { "pk-alfa",            "medejer-nyhed",                      true },
        { "pk-alfa",            "medejer-beslutning",                 true },
        { "sekretariat",        "medejer-nyhed",                      true },
        { "sekretariat",        "medejer-og-leverandør-nyhed",        true },
        { "sekr-uden-totrin",   "medejer-nyhed",                      false },  // the grant waits for a second factor
        { "leverandoer",        "medejer-nyhed",                      false },  // supplies Alfa, but the item does not say so
        { "leverandoer",        "medejer-og-leverandør-nyhed",        true },
        { "leverandoer",        "medejer-beslutning",                 false },
        { "medarbejder-frederikshavn", "medejer-nyhed",               true },   // a Medarbejder of a co-owner reads what co-ownership opens
        { "medarbejder-frederikshavn", "medejer-beslutning",          true },
        { "medarbejder-frederikshavn", "medejer-og-leverandør-nyhed", true },
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task AnItemIsReadOnlyByThoseTheTableNames(string? user, string item, bool sees)
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        await CommunityWorld.SeedAsync(_db, w);

        var view = (await Service().ViewAsync(user, "alfa", Ct))!;
        var titles = view.News.Select(n => n.Title).Concat(view.Decisions.Select(d => d.Summary)).ToList();

        Assert.Equal(sees, titles.Contains(item));
        // The feeds are read by anyone: never a closed item.
        var feed = (await Service().FeedAsync("alfa", 50, Ct))!.Concat((await Service().FeedAsync(null, 50, Ct))!).Select(i => i.Title + " " + i.Summary).ToList();
        Assert.DoesNotContain(feed, t => t.Contains("medejer-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACorrectionIsANewEntryAndTheOriginalStaysAsItWas()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var seeded = await CommunityWorld.SeedAsync(_db, w);

        var corrected = await Service().AddDecisionAsync("pk-alfa", new DecisionInput
        {
            ProductId = w.Products["Alfa"], DecidedOn = new DateOnly(2026, 11, 20), Body = DecisionBody.SteeringGroup,
            Summary = "Budgettet er 450.000 kr., ikke 400.000 kr.", CorrectsId = seeded["offentlig beslutning"],
        }, Ct);

        Assert.True(corrected.Succeeded, corrected.Message);
        var view = (await Service().ViewAsync(null, "alfa", Ct))!;
        var original = view.Decisions.Single(d => d.Id == seeded["offentlig beslutning"]);
        Assert.Equal("offentlig beslutning", original.Summary);
        Assert.Equal([corrected.Id!.Value], original.CorrectedBy);
        Assert.Equal(original.Id, view.Decisions.Single(d => d.Id == corrected.Id).CorrectsId);
    }

    [Fact]
    public async Task RedactionRemovesTheTextAndLeavesANoteAndOnlyTheSecretariatMayDoIt()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var seeded = await CommunityWorld.SeedAsync(_db, w);

        var refused = await Service().RedactDecisionAsync("pk-alfa", seeded["offentlig beslutning"], Ct);
        var redacted = await Service().RedactDecisionAsync("sekretariat", seeded["offentlig beslutning"], Ct);

        Assert.Equal(OperationOutcome.Denied, refused.Outcome);
        Assert.True(redacted.Succeeded);
        var entry = (await Service().ViewAsync(null, "alfa", Ct))!.Decisions.Single(d => d.Id == seeded["offentlig beslutning"]);
        Assert.NotNull(entry.RedactedAt);
        Assert.Equal("", entry.Summary);
        Assert.Null(entry.Reasoning);
        Assert.Contains((await Service().FeedAsync("alfa", 50, Ct))!, i => i.Kind == "decision" && i.Summary == "Teksten er fjernet af sekretariatet.");
    }

    [Fact]
    public async Task AnItemNamesItsAuthorByOrganisationOrRoleAndNeverByPerson()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        NewsInput Release(string title) => new() { ProductId = w.Products["Alfa"], Kind = NewsKind.Release, Title = title, Version = "1.0", PublishedOn = new DateOnly(2026, 11, 27), Text = "Noter" };

        Assert.True((await Service().AddNewsAsync("leverandoer", Release("Fra leverandøren"), Ct)).Succeeded);
        Assert.True((await Service().AddNewsAsync("pk-alfa", Release("Fra produktkoordinatoren"), Ct)).Succeeded);
        Assert.True((await Service().AddNewsAsync("sekretariat", Release("Fra sekretariatet"), Ct)).Succeeded);

        var authors = (await Service().ViewAsync(null, "alfa", Ct))!.News.ToDictionary(n => n.Title, n => n.Organisation);
        Assert.Equal("Leverandør ApS", authors["Fra leverandøren"]);
        Assert.Equal("Produktkoordinatoren for Alfa", authors["Fra produktkoordinatoren"]);
        Assert.Equal("OS2-sekretariatet", authors["Fra sekretariatet"]);
        var feed = (await Service().FeedAsync("alfa", 10, Ct))!;
        Assert.Equal(["Leverandør ApS", "OS2-sekretariatet", "Produktkoordinatoren for Alfa"], feed.Select(i => i.Author).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task BadInputGetsDanishMessagesAndSavesNothing()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        await using var db = _db.CreateDbContext();

        var release = await Service().AddNewsAsync("leverandoer", new NewsInput { ProductId = w.Products["Alfa"], Kind = NewsKind.Release, Title = " ", PublishedOn = null, Text = "" }, Ct);
        var decision = await Service().AddDecisionAsync("pk-alfa", new DecisionInput
        {
            ProductId = w.Products["Alfa"], DecidedOn = new DateOnly(2030, 1, 1), Body = DecisionBody.Board, Summary = "x", MinutesUrl = "ftp://x", WishIds = "abc", CorrectsId = 999,
        }, Ct);

        Assert.Equal("Skriv en titel.", release.FieldErrors!["Title"]);
        Assert.Equal("Skriv versionen.", release.FieldErrors["Version"]);
        Assert.Equal("Skriv datoen.", release.FieldErrors["PublishedOn"]);
        Assert.Equal("Skriv teksten.", release.FieldErrors["Text"]);
        Assert.Equal("Et produkts beslutninger træffes af styregruppen, koordinationsgruppen eller en faggruppe.", decision.FieldErrors!["Body"]);
        Assert.Equal("Skriv datoen for beslutningen (ikke en dato i fremtiden).", decision.FieldErrors["DecidedOn"]);
        Assert.Equal("Skriv en fuld webadresse, der begynder med https://.", decision.FieldErrors["MinutesUrl"]);
        Assert.Equal("Skriv numrene på ønsker til dette produkt, adskilt af komma.", decision.FieldErrors["WishIds"]);
        Assert.Equal("Der er ingen beslutning med det nummer i denne log.", decision.FieldErrors["CorrectsId"]);
        Assert.Equal(0, await db.NewsItems.CountAsync(Ct) + await db.DecisionEntries.CountAsync(Ct));
    }
}

/// <summary>Items on Alfa for the tables: one of each visibility, named by their titles.</summary>
public static class CommunityWorld
{
    public static async Task<Dictionary<string, int>> SeedAsync(TestDatabase database, WorkflowWorld w)
    {
        await using var db = database.CreateDbContext();
        var at = new DateTime(2026, 11, 10, 9, 0, 0, DateTimeKind.Utc);
        NewsItem News(string title, ItemVisibility visibility, bool suppliers = false) => new()
        {
            ProductId = w.Products["Alfa"], Kind = NewsKind.News, Title = title, Text = "Tekst", PublishedOn = new DateOnly(2026, 11, 10),
            AuthorUserId = "pk-alfa", Visibility = visibility, SuppliersMayRead = suppliers, CreatedAt = at,
        };
        DecisionEntry Decision(string summary, ItemVisibility visibility) => new()
        {
            ProductId = w.Products["Alfa"], DecidedOn = new DateOnly(2026, 11, 1), Body = DecisionBody.SteeringGroup, Summary = summary, Reasoning = "Fordi",
            Visibility = visibility, RecordedByUserId = "pk-alfa", CreatedAt = at,
        };
        var news = new[] { News("offentlig nyhed", ItemVisibility.Public), News("medejer-nyhed", ItemVisibility.CoOwners), News("medejer-og-leverandør-nyhed", ItemVisibility.CoOwners, true) };
        var decisions = new[] { Decision("offentlig beslutning", ItemVisibility.Public), Decision("medejer-beslutning", ItemVisibility.CoOwners) };
        db.NewsItems.AddRange(news);
        db.DecisionEntries.AddRange(decisions);
        if (!await db.Users.AnyAsync(u => u.Id == "it-koebenhavn", TestContext.Current.CancellationToken))
        {
            var user = new AppUser { Id = "it-koebenhavn", UserName = "it-koebenhavn@example.dk", Email = "it-koebenhavn@example.dk", DisplayName = "it-koebenhavn" };
            user.Grants.Add(new Grant { UserId = user.Id, Role = GrantRole.ItCoordinator, OrganisationId = w.Organisations["København"] });
            db.Users.Add(user);
        }

        if (!await db.Users.AnyAsync(u => u.Id == "sekr-uden-totrin", TestContext.Current.CancellationToken))
        {
            var user = new AppUser { Id = "sekr-uden-totrin", UserName = "sekr@example.dk", Email = "sekr@example.dk", DisplayName = "sekr", PasswordHash = "not-a-real-hash" };
            user.Grants.Add(new Grant { UserId = user.Id, Role = GrantRole.Secretariat });
            db.Users.Add(user);
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return news.Select(n => (n.Title, n.Id)).Concat(decisions.Select(d => (d.Summary, d.Id))).ToDictionary(x => x.Item1, x => x.Item2);
    }
}
