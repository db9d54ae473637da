using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using OS2Hub.Web.Features.Editing;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Memberships;
using OS2Hub.Web.Features.Products;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Editing;

/// <summary>The product form in bUnit, over the real edit service and a SQLite database.</summary>
public sealed class ProductEditPageTests : MudBunitContext
{
    private readonly TestDatabase _db = TestDatabase.Create();

    public ProductEditPageTests()
    {
        Services.AddSingleton(new ProductEditService(_db, FixedClock.Default));
        Services.AddSingleton(new ProductSourceService(_db, FixedClock.Default));
        Services.AddSingleton(new ProductMentionService(_db, FixedClock.Default));
        Services.AddSingleton(new ParticipationEditService(_db, FixedClock.Default));
        Services.AddSingleton(new WorkingGroupService(_db, FixedClock.Default));
        Services.AddSingleton<MarkdownRenderer>();
        Services.AddScoped<CurrentUser>();
        Services.AddSingleton(new AccessService(_db));
        Services.AddTransient<OS2Hub.Web.Components.Saving>();
        var auth = AddAuthorization();
        auth.SetAuthorized("pk-alfa");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "pk-alfa"));
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
    public async Task ValidationMessagesAppearByTheFieldAndNothingTypedIsLost()
    {
        await WorkflowWorld.CreateAsync(_db);
        var cut = Render<ProductEditPage>(p => p.Add(c => c.Slug, "alfa"));
        cut.WaitForElement("#licence");

        cut.Find("#description").Input("Ny tekst med **fed** skrift");
        cut.Find("#licence").Change("Mozilla to");
        cut.Find("#website").Change("ikke en adresse");
        cut.Find("form.edit-form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("SPDX", cut.Find("#licence-error").TextContent, StringComparison.Ordinal));
        Assert.Equal("Skriv en fuld webadresse, der begynder med https://.", cut.Find("#website-error").TextContent);
        Assert.Equal("Ny tekst med **fed** skrift", cut.Find("#description").GetAttribute("value"));
        Assert.Equal("Mozilla to", cut.Find("#licence").GetAttribute("value"));
        Assert.Equal("fed", cut.Find(".markdown-preview strong").TextContent);
        Assert.Contains("Ændringerne er ikke gemt", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        // A produktkoordinator does not get the secretariat's fields.
        Assert.Empty(cut.FindAll("#maturity"));
    }

    [Fact]
    public async Task AProductTheUserDoesNotCoordinateCannotBeEdited()
    {
        await WorkflowWorld.CreateAsync(_db);

        var cut = Render<ProductEditPage>(p => p.Add(c => c.Slug, "beta"));

        cut.WaitForAssertion(() => Assert.Contains("Du kan ikke redigere dette produkt", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("form.edit-form"));
    }

    [Fact]
    public async Task AnAddressWithNoProductSaysSoRatherThanThatTheUserMayNot()
    {
        await WorkflowWorld.CreateAsync(_db);

        var cut = Render<ProductEditPage>(p => p.Add(c => c.Slug, "findes-ikke"));

        cut.WaitForAssertion(() => Assert.Contains("Der findes intet produkt på den adresse.", cut.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("Du kan ikke redigere", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("form.edit-form"));
    }
}
