using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Economy;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Economy;

/// <summary>The fee sheet, the price curve, the cost preview and the fee-sheet form in bUnit, over the real services and SQLite.</summary>
public sealed class EconomyComponentTests : MudBunitContext
{
    private readonly TestDatabase _db = TestDatabase.Create();

    public EconomyComponentTests()
    {
        Services.AddSingleton(new EconomyService(_db, FixedClock.Default));
        Services.AddSingleton(new AssociationKeyService(_db, FixedClock.Default));
        Services.AddSingleton(new FeeSheetService(_db, FixedClock.Default));
        Services.AddSingleton(new SizeAssessmentService(_db, FixedClock.Default));
        Services.AddSingleton<TimeProvider>(FixedClock.Default);
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
    public async Task TheFeeSheetSaysInPlainDanishWhatEachSizeClassPays()
    {
        await EconomyWorld.CreateAsync(_db);
        var view = (await new EconomyService(_db, FixedClock.Default).ProductAsync("alfa", 2026, TestContext.Current.CancellationToken))!.View!;

        var cut = Render<FeeSheetTable>(p => p.Add(c => c.View, view).Add(c => c.ShowMembers, true));

        Assert.Equal("I 2026 deler 5 medlemmer et vederlag på 100.000 kr. efter foreningens fordelingsnøgle (efter størrelsesklasse). Sekretariatet får 5 % oveni hver andel. En ny myndighed betaler 25.000 kr. i tilslutningsafgift.",
            cut.Find(".fee-sheet > p").TextContent.Trim());
        var rows = cut.FindAll(".fee-table tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["Lille", "1", "9.524 kr.", "10.000 kr."], rows[0]);
        Assert.Equal(["Meget stor", "2", "28.571 kr.", "30.000 kr."], rows[3]);
        Assert.Equal(["I alt", "5", "100.000 kr.", "105.000 kr."], cut.Find(".fee-table tfoot tr").Children.Select(c => c.TextContent.Trim()));
        Assert.Equal("Takstblad 2026: pris pr. medlem efter størrelsesklasse", cut.Find(".fee-table caption").TextContent);
        Assert.Contains("9.523,81 kr.", cut.Find(".fee-members").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEstimatedYearSaysWhichFeeSheetItUses()
    {
        await EconomyWorld.CreateAsync(_db);
        var view = (await new EconomyService(_db, FixedClock.Default).ProductAsync("alfa", 2027, TestContext.Current.CancellationToken))!.View!;

        var cut = Render<FeeSheetTable>(p => p.Add(c => c.View, view));

        Assert.Equal(["Der er intet takstblad for 2027 endnu; tallene er et skøn ud fra takstbladet for 2026.", "Foreningens fordelingsnøgle for 2027 er ikke registreret; nøglen for 2026 er brugt."],
            cut.FindAll(".estimate-note").Select(e => e.TextContent));
        Assert.Empty(cut.FindAll(".fee-members"));
    }

    [Fact]
    public async Task TheCurveHasANameADescriptionAndATableAlternativeWithTodayMarked()
    {
        await EconomyWorld.CreateAsync(_db);
        var view = (await new EconomyService(_db, FixedClock.Default).ProductAsync("alfa", 2026, TestContext.Current.CancellationToken))!.View!;

        var cut = Render<PriceCurve>(p => p.Add(c => c.View, view));

        var svg = cut.Find("svg");
        Assert.Equal(("img", "curve-title curve-desc"), (svg.GetAttribute("role"), svg.GetAttribute("aria-labelledby")));
        Assert.Equal("Kurven falder fra 100.000 kr. med ét medlem til 10.000 kr. med 10 medlemmer. I dag er der 5 medlemmer, i gennemsnit 20.000 kr. hver.", cut.Find("desc").TextContent);
        var rows = cut.FindAll(".curve-table tbody tr");
        Assert.Equal(10, rows.Count);
        Assert.Equal(["5 (i dag)", "20.000 kr."], cut.Find(".curve-today-row").Children.Select(c => c.TextContent));
        Assert.Equal("I dag: 5 medlemmer, 20.000 kr.", cut.Find(".curve-today-label").TextContent);
    }

    [Fact]
    public async Task TheCostPreviewShowsWhatJoiningCostsAndWhatEveryoneElseSaves()
    {
        var w = await EconomyWorld.CreateAsync(_db);

        var cut = Render<CostPreview>(p => p.Add(c => c.ProductId, w.Alfa).Add(c => c.OrganisationId, w.Orgs["Ny"]).Add(c => c.OrganisationName, "Ny"));

        cut.WaitForElement(".cost-figures");
        Assert.Equal("Hvad koster det for Ny?", cut.Find("h3").TextContent);
        Assert.Equal(["25.000 kr.", "11.667 kr. (11.111 kr. i vederlag + 556 kr. til sekretariatet, 5 %)"],
            cut.FindAll(".cost-figures dd").Select(d => string.Join(' ', d.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries))));
        Assert.Equal("Årlig andel fra 2027", cut.FindAll(".cost-figures dt")[1].TextContent);
        Assert.Contains("Takstbladet for 2027 findes ikke endnu; beløbene for 2026 er brugt som skøn.", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("De 6 nuværende medlemmer betaler tilsammen 11.111,11 kr. mindre i 2027, når I tilslutter jer.", cut.Markup, StringComparison.Ordinal);
        var lille = cut.FindAll("details tbody tr").Single(r => r.Children[0].TextContent == "Lille");
        Assert.Equal(["8.333,33 kr.", "7.407,41 kr.", "925,93 kr."], lille.Children.Skip(1).Select(c => c.TextContent));
    }

    [Fact]
    public async Task TheCostPreviewFollowsTheChosenStartAndSaysWhyItCannotPrice()
    {
        var w = await EconomyWorld.CreateAsync(_db);

        var cut = Render<CostPreview>(p => p.Add(c => c.ProductId, w.Alfa).Add(c => c.OrganisationId, w.Orgs["Ny"]).Add(c => c.JoinDate, new DateOnly(2028, 1, 1)));
        cut.WaitForAssertion(() => Assert.Equal("Årlig andel fra 2028", cut.FindAll(".cost-figures dt")[1].TextContent));
        var unplaced = Render<CostPreview>(p => p.Add(c => c.ProductId, w.Alfa).Add(c => c.OrganisationId, w.Orgs["Region Syd"]));

        unplaced.WaitForAssertion(() => Assert.StartsWith("Myndigheden er ikke placeret i en størrelsesklasse", unplaced.Find("p").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheFeeSheetFormKeepsWhatWasTypedWhenAValueIsRefused()
    {
        var w = await EconomyWorld.CreateAsync(_db);
        var cut = Render<FeeSheetEditor>(p => p.Add(c => c.ProductId, w.Alfa).Add(c => c.BudgetYear, 2026));
        cut.WaitForAssertion(() => Assert.Equal("100000", cut.Find("#fee-amount").GetAttribute("value")));
        Assert.Equal("Budgetåret 2026 er begyndt: ændringen registreres som en rettelse med din begrundelse.", cut.Find(".estimate-note").TextContent);

        cut.Find("#fee-amount").Change("123456");
        cut.Find("#fee-reason").Change("");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Skriv hvorfor takstbladet ændres (fx styregruppens beslutning og dato), højst 1000 tegn.", cut.Find("#fee-reason-error").TextContent));
        Assert.Equal("true", cut.Find("#fee-reason").GetAttribute("aria-invalid"));
        Assert.Equal("123456", cut.Find("#fee-amount").GetAttribute("value"));

        cut.Find("#fee-reason").Change("Styregruppen 20. november 2026");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Takstbladet for 2026 er gemt.", cut.Find("[role=status]").TextContent));
        await using var db = _db.CreateDbContext();
        Assert.Equal(123_456, (await db.FeeSheets.SingleAsync(f => f.ProductId == w.Alfa && f.BudgetYear == 2026, TestContext.Current.CancellationToken)).AnnualAmount);
        Assert.True((await db.FeeSheetChanges.SingleAsync(TestContext.Current.CancellationToken)).IsCorrection);
    }
}
