using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.E2E.Tests;

/// <summary>
/// The influence story on OS2rollekatalog with the demo accounts: the IT-koordinator of Frederikshavn raises a wish,
/// Aarhus supports it, the produktkoordinator prioritises it, moves it to the top by keyboard and marks it delivered,
/// and the backers find the notification. Before it starts, Frederikshavn has joined the product (the join story is
/// its own test) and Aarhus has an IT-koordinator.
/// </summary>
public sealed class WishStoryTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Title = "Fælles rolleskabeloner for skoler";

    [Fact]
    public async Task RaiseSupportPrioritiseToTheTopDeliverAndTheBackersAreTold()
    {
        await ArrangeAsync();

        var it = await host.SignInAsync("it-frederikshavn@demo.os2hub.dk", "Demo-Frederikshavn-1");
        await it.GotoAsync("/produkter/os2rollekatalog/oensker");
        await BrowserHost.WaitForInteractiveAsync(it);
        await BrowserHost.AssertAccessibleAsync(it, "/produkter/os2rollekatalog/oensker");
        await it.GetByRole(AriaRole.Link, new() { Name = "Nyt ønske" }).ClickAsync();
        await BrowserHost.WaitForInteractiveAsync(it);
        await Assertions.Expect(it.Locator(".wish-public-note")).ToContainTextAsync("Skriv ingen personoplysninger og ingen sikkerhedsbrister her.");
        await it.GetByLabel("Behov").FillAsync("Hver skole opretter de samme roller forfra.");
        await it.GetByRole(AriaRole.Button, new() { Name = "Opret ønsket" }).ClickAsync();
        await Assertions.Expect(it.Locator("#wish-title-error")).ToHaveTextAsync("Skriv en titel.");
        await Assertions.Expect(it.GetByLabel("Behov")).ToHaveValueAsync("Hver skole opretter de samme roller forfra."); // nothing typed is lost
        await BrowserHost.AssertAccessibleAsync(it, "/produkter/os2rollekatalog/oensker/nyt");
        await it.GetByLabel("Titel").FillAsync(Title);
        await it.GetByLabel("Beskrivelse").FillAsync("En skabelon pr. skoletype, som **alle** skoler kan bruge.");
        await it.GetByRole(AriaRole.Button, new() { Name = "Opret ønsket" }).ClickAsync();
        await Assertions.Expect(it.GetByRole(AriaRole.Heading, new() { Name = Title, Level = 1 })).ToBeVisibleAsync();
        var wishUrl = new Uri(it.Url).AbsolutePath;

        var aarhus = await host.SignInAsync("it-aarhus@example.dk", "Aarhus-Koordinator-2026");
        await aarhus.GotoAsync(wishUrl);
        await BrowserHost.WaitForInteractiveAsync(aarhus);
        await aarhus.GetByLabel("Hvorfor betyder det noget for jer? (valgfrit)").FillAsync("Vi har 48 skoler.");
        await aarhus.GetByRole(AriaRole.Button, new() { Name = "Støt ønsket" }).ClickAsync();
        await Assertions.Expect(aarhus.GetByRole(AriaRole.Status)).ToContainTextAsync("Støtten er registreret.");
        await Assertions.Expect(aarhus.Locator(".supporter-list")).ToContainTextAsync("Aarhus Kommune");
        await BrowserHost.AssertAccessibleAsync(aarhus, wishUrl);

        var pk = await host.SignInAsync("produktkoordinator@demo.os2hub.dk", "Demo-Produktkoordinator-1");
        await pk.GotoAsync(wishUrl);
        await BrowserHost.WaitForInteractiveAsync(pk);
        await pk.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("Prioritised");
        await pk.GetByLabel("Besluttet af").SelectOptionAsync("CoordinationGroup");
        await pk.GetByRole(AriaRole.Button, new() { Name = "Gem status" }).ClickAsync();
        await Assertions.Expect(pk.GetByRole(AriaRole.Status)).ToContainTextAsync("Status er gemt");
        await BrowserHost.AssertAccessibleAsync(pk, wishUrl + " (produktkoordinator)");

        // Third of three prioritised; two presses of the up arrow, focus following the wish, bring it to the top.
        await pk.GotoAsync("/produkter/os2rollekatalog/oensker?status=prioriteret");
        await BrowserHost.WaitForInteractiveAsync(pk);
        await pk.GetByRole(AriaRole.Button, new() { Name = $"Flyt »{Title}« op" }).FocusAsync();
        await pk.Keyboard.PressAsync("ArrowUp");
        await Assertions.Expect(pk.Locator("tbody tr").Nth(1)).ToContainTextAsync(Title);
        await Assertions.Expect(pk.GetByRole(AriaRole.Button, new() { Name = $"Flyt »{Title}« op" })).ToBeFocusedAsync();
        await pk.Keyboard.PressAsync("ArrowUp");
        await Assertions.Expect(pk.Locator("tbody tr").First).ToContainTextAsync(Title);
        await Assertions.Expect(pk.Locator("tbody tr").First.Locator("td").First).ToHaveTextAsync("1");
        await BrowserHost.AssertAccessibleAsync(pk, "/produkter/os2rollekatalog/oensker (rækkefølge)");

        await pk.GotoAsync(wishUrl);
        await BrowserHost.WaitForInteractiveAsync(pk);
        await pk.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("Delivered");
        await pk.GetByLabel("Leveret i version").FillAsync("2026.3");
        await pk.GetByRole(AriaRole.Button, new() { Name = "Gem status" }).ClickAsync();
        await Assertions.Expect(pk.GetByRole(AriaRole.Status)).ToContainTextAsync("Status er gemt");

        foreach (var backer in new[] { aarhus, it })
        {
            await backer.GotoAsync("/notifikationer");
            await BrowserHost.WaitForInteractiveAsync(backer);
            await Assertions.Expect(backer.Locator(".notification-list")).ToContainTextAsync($"Ønsket »{Title}« til OS2rollekatalog er leveret i 2026.3.");
        }

        await it.GotoAsync("/oensker");
        await BrowserHost.WaitForInteractiveAsync(it);
        await Assertions.Expect(it.Locator("tbody")).ToContainTextAsync(Title);
        await BrowserHost.AssertAccessibleAsync(it, "/oensker");

        await it.GotoAsync("/produkter/os2rollekatalog");
        await Assertions.Expect(it.Locator("section[aria-labelledby='wishes-heading']")).ToContainTextAsync(Title); // latest delivered
    }

    private async Task ArrangeAsync()
    {
        using var scope = host.Services.CreateScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<OS2HubDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var product = await db.Products.SingleAsync(p => p.Slug == "os2rollekatalog");
        var frederikshavn = await db.Organisations.SingleAsync(o => o.Code == "0813");
        var aarhus = await db.Organisations.SingleAsync(o => o.Code == "0751");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var member in new[] { frederikshavn, aarhus })
        {
            if (!await db.Participations.AnyAsync(p => p.ProductId == product.Id && p.OrganisationId == member.Id && p.Kind == ParticipationKind.Member && p.EndDate == null))
            {
                db.Participations.Add(new Participation { ProductId = product.Id, OrganisationId = member.Id, Kind = ParticipationKind.Member, StartDate = today.AddDays(-1) });
            }
        }

        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = "it-aarhus@example.dk", Email = "it-aarhus@example.dk", EmailConfirmed = true, DisplayName = "IT-koordinator, Aarhus" };
        Assert.True((await users.CreateAsync(user, "Aarhus-Koordinator-2026")).Succeeded);
        db.Grants.Add(new Grant { UserId = user.Id, Role = GrantRole.ItCoordinator, OrganisationId = aarhus.Id });
        await db.SaveChangesAsync();
    }
}
