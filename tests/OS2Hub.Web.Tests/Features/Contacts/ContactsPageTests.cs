using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OS2Hub.Web.Features.Contacts;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Memberships;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Contacts;

/// <summary>The contact list of an authority in bUnit, as its IT-koordinator, over the real service and SQLite.</summary>
public sealed class ContactsPageTests : MudBunitContext
{
    private readonly TestDatabase _db = TestDatabase.Create();

    public ContactsPageTests()
    {
        Services.AddSingleton(new ContactService(_db, FixedClock.Default));
        Services.AddScoped<CurrentUser>();
        Services.AddSingleton(new AccessService(_db));
        Services.AddTransient<OS2Hub.Web.Components.Saving>();
        var auth = AddAuthorization();
        auth.SetAuthorized("it-frederikshavn");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "it-frederikshavn"));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _db.Dispose();
        }
    }

    [Fact]
    public async Task BadValuesAreShownByTheFieldAndWhatWasTypedStays()
    {
        await WorkflowWorld.CreateAsync(_db);
        var cut = Render<ContactsPage>(p => p.Add(c => c.Slug, "frederikshavn"));
        cut.WaitForElement("#contact-name");

        cut.Find("#contact-name").Change("Åse Ærø");
        cut.Find("#contact-email").Change("aase@frederikshavn");
        cut.Find("#contact-phone").Change("1234");
        cut.Find("section.contact-editor form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Skriv en gyldig e-mailadresse, fx »navn@kommune.dk«.", cut.Find("#contact-email-error").TextContent));
        Assert.Equal("Skriv telefonnummeret med mindst 8 cifre, fx »+45 12 34 56 78«.", cut.Find("#contact-phone-error").TextContent);
        Assert.Equal("Åse Ærø", cut.Find("#contact-name").GetAttribute("value"));
        Assert.Equal("aase@frederikshavn", cut.Find("#contact-email").GetAttribute("value"));
        Assert.Contains("Kontaktpersonen er ikke gemt", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        await using var db = _db.CreateDbContext();
        Assert.False(await db.ContactPersons.AnyAsync(c => c.Name == "Åse Ærø", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DeletingAsksFirstAndThenRemovesTheContact()
    {
        await WorkflowWorld.CreateAsync(_db);
        var cut = Render<ContactsPage>(p => p.Add(c => c.Slug, "frederikshavn"));
        cut.WaitForAssertion(() => Assert.Contains("Mette Kontaktsen", cut.Find("table").TextContent, StringComparison.Ordinal));

        // The page may load a second time as the signed-in user arrives (slower on PostgreSQL); a click on the first
        // rendering's button is then gone with it, so the question is asked again until it shows.
        cut.WaitForAssertion(() =>
        {
            if (cut.FindAll(".confirm").Count == 0)
            {
                cut.FindAll("table button").Single(b => b.TextContent.StartsWith("Slet", StringComparison.Ordinal)).Click();
            }

            // Nothing is deleted until the question is answered.
            Assert.Contains("Slet Mette Kontaktsen helt?", cut.Find(".confirm").TextContent, StringComparison.Ordinal);
        });
        await using (var db = _db.CreateDbContext())
        {
            Assert.True(await db.ContactPersons.AnyAsync(c => c.Name == "Mette Kontaktsen", TestContext.Current.CancellationToken));
        }

        cut.Find(".confirm .button-danger").Click();

        cut.WaitForAssertion(() => Assert.Equal("Mette Kontaktsen er slettet.", cut.Find("[role=status]").TextContent));
        Assert.Contains("Der er ingen kontaktpersoner endnu.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherAuthoritysContactsAreNotShown()
    {
        await WorkflowWorld.CreateAsync(_db);

        var cut = Render<ContactsPage>(p => p.Add(c => c.Slug, "helsingoer"));

        cut.WaitForAssertion(() => Assert.Contains("Kun sekretariatet og organisationens egne IT-koordinatorer", cut.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("Hans Helsingsen", cut.Markup, StringComparison.Ordinal);
    }
}
