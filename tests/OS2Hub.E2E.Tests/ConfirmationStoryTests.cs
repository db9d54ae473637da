using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OS2Hub.E2E.Tests;

/// <summary>
/// The yearly confirmation as its three kinds of user meet it: the secretariat opens the round and confirms for an
/// authority without an IT-koordinator; Frederikshavn's IT-koordinator confirms a membership (the contact check first)
/// and meets the end-date rule when leaving; the produktkoordinator confirms roles and seats and sees who is missing.
/// </summary>
public sealed class ConfirmationStoryTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task TheRoundIsOpenedAnsweredAndFollowedUp()
    {
        var secretariat = await host.SignInAsync("sekretariat@demo.os2hub.dk", "Demo-Sekretariat-1");
        await secretariat.GotoAsync("/bekraeftelse");
        await BrowserHost.WaitForInteractiveAsync(secretariat);
        await Assertions.Expect(secretariat.GetByText("Sekretariatet har ikke åbnet en bekræftelsesrunde endnu.")).ToBeVisibleAsync();
        await BrowserHost.AssertAccessibleAsync(secretariat, "/bekraeftelse (sekretariatet, ingen runde)");

        // A day count outside the range is refused in Danish and the year typed stays.
        await secretariat.GetByLabel("Påmindelse efter antal dage").FillAsync("0");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Åbn bekræftelsesrunde" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByText("Antal dage før påmindelsen skal være mellem 1 og 90.")).ToBeVisibleAsync();
        await Assertions.Expect(secretariat.GetByLabel("År", new() { Exact = true })).ToHaveValueAsync(DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await secretariat.GetByLabel("Påmindelse efter antal dage").FillAsync("7");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Åbn bekræftelsesrunde" }).FocusAsync();
        await secretariat.Keyboard.PressAsync("Enter");
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Status)).ToContainTextAsync("er åbnet");

        // An authority without an IT-koordinator: the secretariat confirms for it, and must say its source.
        var aarhus = secretariat.GetByLabel("Myndighed", new() { Exact = true });
        await aarhus.SelectOptionAsync(await aarhus.Locator("option", new() { HasText = "Aarhus Kommune" }).GetAttributeAsync("value") ?? "");
        var card = secretariat.Locator("li.task").First;
        await card.GetByRole(AriaRole.Button, new() { Name = "Bekræft for myndigheden" }).ClickAsync();
        await Assertions.Expect(card.GetByText("Skriv, hvor sekretariatet har oplysningen fra.")).ToBeVisibleAsync();
        await card.GetByLabel("Kilde (hvor ved sekretariatet det fra?)").FillAsync("Mail fra Aarhus Kommunes digitaliseringschef");
        await card.GetByRole(AriaRole.Button, new() { Name = "Bekræft for myndigheden" }).ClickAsync();
        await Assertions.Expect(card.GetByText("Bekræftet", new() { Exact = true })).ToBeVisibleAsync();
        await BrowserHost.AssertAccessibleAsync(secretariat, "/bekraeftelse (sekretariatet, åben runde)");

        // Frederikshavn's IT-koordinator: the contact check before the confirmation, by keyboard.
        var it = await host.SignInAsync("it-frederikshavn@demo.os2hub.dk", "Demo-Frederikshavn-1");
        await it.GotoAsync("/bekraeftelse");
        await BrowserHost.WaitForInteractiveAsync(it);
        await BrowserHost.AssertAccessibleAsync(it, "/bekraeftelse (IT-koordinator)");
        var tasks = it.Locator("li.task");
        Assert.True(await tasks.CountAsync() >= 2, "Frederikshavn co-owns at least two products in the demo data");
        var first = tasks.First;
        var product = await first.Locator("h3 a").First.InnerTextAsync();
        var contact = first.GetByRole(AriaRole.Checkbox);
        if (await contact.CountAsync() > 0)
        {
            await first.GetByRole(AriaRole.Button, new() { Name = "Bekræft" }).ClickAsync();
            await Assertions.Expect(first.GetByText("Sæt flueben ved, at kontaktpersonen stadig er rigtig")).ToBeVisibleAsync();
            await contact.FocusAsync();
            await it.Keyboard.PressAsync("Space");
        }

        await first.GetByRole(AriaRole.Button, new() { Name = "Bekræft" }).FocusAsync();
        await it.Keyboard.PressAsync("Enter");
        await Assertions.Expect(it.GetByRole(AriaRole.Status)).ToContainTextAsync($"medejerskab af {product} er bekræftet");

        // The task list reflows at phone width.
        await it.SetViewportSizeAsync(320, 800);
        Assert.True(await it.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth") <= 0, "/bekraeftelse is wider than a 320px screen");
        await it.SetViewportSizeAsync(1280, 800);

        // "Meld udtræden" with a date before this budget year is refused, and the membership stays.
        var second = tasks.Nth(1);
        var leaving = await second.Locator("h3 a").First.InnerTextAsync();
        await second.Locator("summary").ClickAsync();
        await second.GetByLabel("Slutdato").FillAsync($"31.12.{DateTime.UtcNow.Year - 1}");
        await second.GetByLabel("Slutdato").BlurAsync();
        await second.Locator("form.leave-form button[type=submit]").ClickAsync();
        await Assertions.Expect(second.GetByText("Udtræden kan tidligst have virkning fra")).ToBeVisibleAsync();
        await Assertions.Expect(second.GetByLabel("Slutdato")).ToHaveValueAsync($"31.12.{DateTime.UtcNow.Year - 1}");
        await BrowserHost.AssertAccessibleAsync(it, "/bekraeftelse (IT-koordinator, fejl ved udtræden)");
        await it.GotoAsync("/organisationer/frederikshavn");
        await Assertions.Expect(it.Locator("#coowned-heading ~ ul.member-list li", new() { HasText = leaving }).First).ToBeVisibleAsync();
        await Assertions.Expect(it.Locator("#coowned-heading ~ ul.member-list li", new() { HasText = product }).First).ToContainTextAsync("sidst bekræftet");

        // The produktkoordinator: who has not answered, then roles and seats confirmed in one step.
        var pk = await host.SignInAsync("produktkoordinator@demo.os2hub.dk", "Demo-Produktkoordinator-1");
        await pk.GotoAsync("/bekraeftelse");
        await BrowserHost.WaitForInteractiveAsync(pk);
        await Assertions.Expect(pk.GetByRole(AriaRole.Heading, new() { Name = "Medejere, der ikke har svaret" })).ToBeVisibleAsync();
        await BrowserHost.AssertAccessibleAsync(pk, "/bekraeftelse (produktkoordinator)");
        await pk.GetByRole(AriaRole.Button, new() { Name = "Bekræft leverandørroller og pladser for OS2rollekatalog" }).ClickAsync();
        await Assertions.Expect(pk.GetByText("Alt er bekræftet i denne runde.")).ToBeVisibleAsync();

        // The secretariat closes the round; a late answer is refused.
        await secretariat.GotoAsync("/bekraeftelse");
        await BrowserHost.WaitForInteractiveAsync(secretariat);
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Luk runden for" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Status)).ToContainTextAsync("er lukket");
        await it.GotoAsync("/bekraeftelse");
        await BrowserHost.WaitForInteractiveAsync(it);
        await Assertions.Expect(it.GetByText("svar modtages ikke længere")).ToBeVisibleAsync();
        Assert.Equal(0, await it.GetByRole(AriaRole.Button, new() { Name = "Bekræft" }).CountAsync());
    }
}
