using OS2Hub.Web.Features.Community;
using OS2Hub.Web.Features.Search;
using OS2Hub.Web.Tests.Features.Community;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Tests.Features.Questions;
using OS2Hub.Web.Tests.Features.Wishes;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Search;

/// <summary>One search across the hub: grouped by kind, folded the Danish way, and never a closed item for someone outside.</summary>
public sealed class SearchTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();

    public void Dispose() => _db.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<IReadOnlyList<SearchGroup>> SearchAsync(string? user, string query) => new SearchService(_db, FixedClock.Default).SearchAsync(user, query, Ct);

    private async Task<WorkflowWorld> WorldAsync()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        await WishWorld.SeedAsync(_db, w);
        await CommunityWorld.SeedAsync(_db, w);
        await QuestionWorld.SeedAsync(_db, w);
        await new DocumentService(_db, FixedClock.Default).UploadAsync("pk-alfa", new DocumentUpload
        {
            ProductId = w.Products["Alfa"], Title = "Lukket referat fra styregruppen", Visibility = OS2Hub.Web.Data.Entities.ItemVisibility.CoOwners,
        }, "referat.pdf", DocumentTests.Pdf(), Ct);
        return w;
    }

    [Fact]
    public async Task AnonymousFindsOnlyPublicThings()
    {
        await WorldAsync();

        // Every closed thing in the world: the co-owners' news and decision, the closed document and threads.
        foreach (var closed in new[] { "medejer-nyhed", "medejer-beslutning", "Lukket referat", "integrationen til KMD", "single sign-on", "tester den nye version" })
        {
            Assert.Empty(await SearchAsync(null, closed));
            Assert.Empty(await SearchAsync("uden-rolle", closed));
        }

        var open = await SearchAsync(null, "driftsvejledningen");
        Assert.Equal([SearchKind.Questions], open.Select(g => g.Kind));
    }

    [Fact]
    public async Task ACoOwnersStaffFindsTheClosedThingsOfItsProductGroupedByKind()
    {
        await WorldAsync();

        var news = await SearchAsync("medarbejder-frederikshavn", "medejer-nyhed");
        var document = await SearchAsync("medarbejder-frederikshavn", "lukket referat");
        var thread = await SearchAsync("medarbejder-frederikshavn", "KMD integrationen");   // every word, in any order
        var outside = await SearchAsync("medarbejder-frederikshavn", "tester den nye version"); // Beta's thread: Frederikshavn does not co-own Beta

        Assert.Equal(SearchKind.News, Assert.Single(news).Kind);
        Assert.Equal("/produkter/alfa/dokumenter#dokument-1", Assert.Single(Assert.Single(document).Hits).Path);
        Assert.Equal(SearchKind.Questions, Assert.Single(thread).Kind);
        Assert.Empty(outside);
    }

    [Fact]
    public async Task TheSearchFoldsDanishLettersAndGroupsProductsAndOrganisations()
    {
        await WorldAsync();

        var groups = await SearchAsync(null, "HELSINGOER");
        var empty = await SearchAsync(null, "   ");

        Assert.Contains(groups, g => g.Kind == SearchKind.Organisations && g.Hits.Any(h => h.Title == "Helsingør Kommune" && h.Path == "/organisationer/helsingoer"));
        Assert.Empty(empty);
        Assert.Equal(SearchKind.Products, (await SearchAsync(null, "alfa"))[0].Kind);
    }
}
