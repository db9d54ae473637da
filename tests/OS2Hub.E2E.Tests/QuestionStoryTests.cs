using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OS2Hub.Web.Data;

namespace OS2Hub.E2E.Tests;

/// <summary>
/// Knowledge sharing between staff, with the demo data: Frederikshavn's IT-koordinator invites a colleague as
/// Medarbejder; she sets her password from the invitation, follows OS2rollekatalog (which Frederikshavn does not
/// co-own) and asks the co-owners a question; Aarhus's Medarbejder answers; she is told, marks the answer that helped,
/// and finds her thread from the search box in the top bar by keyboard. Every page on the way passes axe-core.
/// </summary>
public sealed partial class QuestionStoryTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Question = "Hvordan har I sat rollekataloget op mod KMD OPUS?";

    [Fact]
    public async Task AnItKoordinatorInvitesAMedarbejderWhoFollowsAndAsksAndAnotherAuthoritysMedarbejderAnswers()
    {
        var it = await host.SignInAsync("it-frederikshavn@demo.os2hub.dk", "Demo-Frederikshavn-1");
        await it.GetByRole(AriaRole.Link, new() { Name = "Medarbejdere" }).ClickAsync();
        await BrowserHost.WaitForInteractiveAsync(it);
        await BrowserHost.AssertAccessibleAsync(it, "/medarbejdere");
        await it.GetByLabel("Navn").FillAsync("Karen Kollega");
        await it.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(it.Locator(".field-error").Filter(new() { HasText = "e-mail" })).ToBeVisibleAsync();
        await Assertions.Expect(it.GetByLabel("Navn")).ToHaveValueAsync("Karen Kollega"); // nothing typed is lost
        await it.GetByLabel("E-mail").FillAsync("karen@frederikshavn.example.dk");
        await it.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(it.GetByRole(AriaRole.Status)).ToContainTextAsync("karen@frederikshavn.example.dk");
        await Assertions.Expect(it.Locator("tbody")).ToContainTextAsync("Karen Kollega");

        var karen = await host.NewPageAsync();
        await karen.GotoAsync(await InvitationPathAsync("karen@frederikshavn.example.dk"));
        await karen.GetByLabel("Ny adgangskode", new() { Exact = true }).FillAsync("Karen-Kollega-2026");
        await karen.GetByLabel("Gentag ny adgangskode").FillAsync("Karen-Kollega-2026");
        await karen.GetByRole(AriaRole.Button, new() { Name = "Gem ny adgangskode" }).ClickAsync();
        await Assertions.Expect(karen.GetByRole(AriaRole.Status)).ToContainTextAsync("Din adgangskode er ændret");
        karen = await host.SignInAsync("karen@frederikshavn.example.dk", "Karen-Kollega-2026");

        await karen.GotoAsync("/produkter/os2rollekatalog");
        await BrowserHost.WaitForInteractiveAsync(karen);
        await karen.GetByRole(AriaRole.Button, new() { Name = "Følg OS2rollekatalog" }).ClickAsync();
        await karen.GetByRole(AriaRole.Checkbox, new() { Name = "Udviklingsønsker" }).UncheckAsync();
        await karen.GetByRole(AriaRole.Radio, new() { Name = "E-mail: et sammendrag hver dag" }).CheckAsync();
        await BrowserHost.AssertAccessibleAsync(karen, "/produkter/os2rollekatalog (følg)");
        await karen.GetByRole(AriaRole.Button, new() { Name = "Følg", Exact = true }).ClickAsync();
        await Assertions.Expect(karen.GetByRole(AriaRole.Status).First).ToContainTextAsync("Du følger nu OS2rollekatalog.");
        await karen.GotoAsync("/foelger");
        await BrowserHost.WaitForInteractiveAsync(karen);
        await Assertions.Expect(karen.Locator("main")).ToContainTextAsync("E-mail: et sammendrag hver dag");
        await BrowserHost.AssertAccessibleAsync(karen, "/foelger");

        await karen.GotoAsync("/produkter/os2rollekatalog/spoergsmaal");
        await BrowserHost.WaitForInteractiveAsync(karen);
        await karen.GetByLabel("Uddybning").FillAsync("Vi overvejer at tilslutte os. Går I gennem OS2mo eller direkte mod OPUS?");
        await karen.GetByRole(AriaRole.Button, new() { Name = "Send spørgsmålet" }).ClickAsync();
        await Assertions.Expect(karen.Locator("#ask-title-error")).ToHaveTextAsync("Skriv spørgsmålet.");
        await Assertions.Expect(karen.GetByLabel("Uddybning")).ToHaveValueAsync("Vi overvejer at tilslutte os. Går I gennem OS2mo eller direkte mod OPUS?");
        await BrowserHost.AssertAccessibleAsync(karen, "/produkter/os2rollekatalog/spoergsmaal");
        await karen.GetByLabel("Spørgsmål", new() { Exact = true }).FillAsync(Question);
        await karen.GetByRole(AriaRole.Button, new() { Name = "Send spørgsmålet" }).ClickAsync();
        await Assertions.Expect(karen.GetByRole(AriaRole.Heading, new() { Name = Question, Level = 1 })).ToBeVisibleAsync();
        var thread = new Uri(karen.Url).AbsolutePath;
        await Assertions.Expect(karen).ToHaveTitleAsync($"{Question} – OS2Hub");
        await BrowserHost.AssertAccessibleAsync(karen, thread);

        var aarhus = await host.SignInAsync("medarbejder-aarhus@demo.os2hub.dk", "Demo-Medarbejder-1");
        await aarhus.GotoAsync("/spoergsmaal");
        await BrowserHost.WaitForInteractiveAsync(aarhus);
        await BrowserHost.AssertAccessibleAsync(aarhus, "/spoergsmaal");
        await aarhus.GetByRole(AriaRole.Link, new() { Name = Question }).ClickAsync();
        await BrowserHost.WaitForInteractiveAsync(aarhus);
        await Assertions.Expect(aarhus.Locator("#question-by")).ToContainTextAsync("Karen Kollega, Frederikshavn Kommune"); // a co-owner sees who asked
        await aarhus.GetByLabel("Dit svar").FillAsync("Vi går gennem OS2mo; OPUS-importen kører hver nat.");
        await aarhus.GetByRole(AriaRole.Button, new() { Name = "Send svaret" }).ClickAsync();
        await Assertions.Expect(aarhus.GetByRole(AriaRole.Status).First).ToContainTextAsync("Dit svar er sendt.");
        await BrowserHost.AssertAccessibleAsync(aarhus, thread + " (medejer)");

        await karen.GotoAsync("/notifikationer");
        await BrowserHost.WaitForInteractiveAsync(karen);
        await Assertions.Expect(karen.Locator(".notification-list")).ToContainTextAsync($"Dit spørgsmål om OS2rollekatalog har fået et svar: »{Question}«");
        await karen.GotoAsync(thread);
        await BrowserHost.WaitForInteractiveAsync(karen);
        var answer = karen.Locator("article.thread-post").Nth(1);
        await Assertions.Expect(answer).ToContainTextAsync("Aarhus Kommune");
        await Assertions.Expect(answer).Not.ToContainTextAsync("Medarbejder, Aarhus"); // she is outside the product: organisations only
        await karen.GetByRole(AriaRole.Button, new() { Name = "Markér som svaret, der hjalp" }).ClickAsync();
        await Assertions.Expect(answer).ToContainTextAsync("Svaret, der hjalp");

        // The search box in the top bar, by keyboard only.
        await karen.GetByRole(AriaRole.Searchbox, new() { Name = "Søg efter" }).First.FocusAsync();
        await karen.Keyboard.TypeAsync("opus rollekataloget");
        await karen.Keyboard.PressAsync("Enter");
        await Assertions.Expect(karen).ToHaveURLAsync(new Regex("/soeg\\?q=opus\\+rollekataloget$"));
        await Assertions.Expect(karen.Locator("#soeg-Questions")).ToContainTextAsync("Spørgsmål");
        await Assertions.Expect(karen.Locator("section[aria-labelledby='soeg-Questions']")).ToContainTextAsync(Question);
        await Assertions.Expect(karen).ToHaveTitleAsync(new Regex("^Søgning: opus rollekataloget"));
        await BrowserHost.WaitForInteractiveAsync(karen);
        await BrowserHost.AssertAccessibleAsync(karen, "/soeg");

        await it.GotoAsync("/medarbejdere");
        await BrowserHost.WaitForInteractiveAsync(it);
        await Assertions.Expect(it.Locator("tbody")).Not.ToContainTextAsync("inviteret");
    }

    /// <summary>The link in the invitation e-mail, as the invited person would click it, from the outbox.</summary>
    private async Task<string> InvitationPathAsync(string email)
    {
        using var scope = host.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OS2HubDbContext>>().CreateDbContextAsync();
        var body = await db.OutgoingEmails.Where(e => e.Recipient == email).OrderByDescending(e => e.Id).Select(e => e.Body).FirstAsync();
        return InvitationLink().Match(body).Value;
    }

    [GeneratedRegex(@"/konto/nulstil-adgangskode\?[^\s]+")]
    private static partial Regex InvitationLink();
}
