using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Wishes;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Wishes;

/// <summary>The wish list and its reorder controls in bUnit, alone and over the real service and database.</summary>
public sealed class WishComponentTests : MudBunitContext
{
    private readonly TestDatabase _db = TestDatabase.Create();
    private readonly Bunit.TestDoubles.BunitAuthorizationContext _auth;

    public WishComponentTests()
    {
        Services.AddSingleton(WishWorld.Service(_db));
        Services.AddScoped<CurrentUser>();
        Services.AddTransient<OS2Hub.Web.Components.Saving>();
        _auth = AddAuthorization();
        _auth.SetAuthorized("pk-alfa");
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "pk-alfa"));
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

    private static readonly DateTime At = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);

    private static WishRow Row(int id, string title, WishStatus status, int? rank = null, int supporters = 0) =>
        new(id, "alfa", "Alfa", title, status, rank, "Frederikshavn Kommune", null, supporters, 1, 0, At, false);

    private readonly List<WishRow> _rows =
    [
        Row(1, "Bedre søgning", WishStatus.Prioritised, 1, 2),
        Row(2, "Mørkt tema", WishStatus.Prioritised, 2),
        Row(3, "Eksport til regneark", WishStatus.New, supporters: 4),
    ];

    [Fact]
    public void TheListShowsEachWishWithItsStatusAndSupportAndNoReorderControlsUnlessAllowed()
    {
        var cut = Render<WishTable>(p => p.Add(x => x.Rows, _rows).Add(x => x.Caption, "Ønsker"));

        var rows = cut.FindAll("tbody tr");
        Assert.Equal(3, rows.Count);
        Assert.Equal("/produkter/alfa/oensker/3", rows[2].QuerySelector("th a")!.GetAttribute("href"));
        Assert.Contains("Ny", rows[2].TextContent, StringComparison.Ordinal);
        Assert.Equal("4", rows[2].QuerySelectorAll("td.num")[0].TextContent);
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public void OnlyPrioritisedWishesGetUpAndDownButtonsNamedAfterTheWish()
    {
        var cut = Render<WishTable>(p => p.Add(x => x.Rows, _rows).Add(x => x.CanReorder, true));

        var buttons = cut.FindAll("button");
        Assert.Equal(4, buttons.Count);
        Assert.Equal(["Flyt »Bedre søgning« op", "Flyt »Bedre søgning« ned", "Flyt »Mørkt tema« op", "Flyt »Mørkt tema« ned"], buttons.Select(b => b.GetAttribute("aria-label")));
        Assert.Empty(cut.FindAll("tbody tr")[2].QuerySelectorAll("button"));
    }

    [Fact]
    public void TheButtonsAndTheArrowKeysMoveAWishAndOtherKeysDoNot()
    {
        var moves = new List<(int Id, int Step)>();
        var cut = Render<WishTable>(p => p.Add(x => x.Rows, _rows).Add(x => x.CanReorder, true).Add(x => x.Move, m => moves.Add(m)));

        cut.Find("button[aria-label='Flyt »Mørkt tema« op']").Click();
        cut.Find("button[aria-label='Flyt »Bedre søgning« op']").KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });
        cut.Find("button[aria-label='Flyt »Mørkt tema« ned']").KeyDown(new KeyboardEventArgs { Key = "ArrowUp" });
        cut.Find("button[aria-label='Flyt »Mørkt tema« ned']").KeyDown(new KeyboardEventArgs { Key = "Tab" });

        Assert.Equal([(2, -1), (1, 1), (2, -1)], moves);
    }

    [Fact]
    public async Task TheProductCoordinatorMovesAWishToTheTopOnTheRealListByKeyboard()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var wishes = await WishWorld.SeedAsync(_db, w);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/produkter/alfa/oensker?status=prioriteret");
        var cut = Render<ProductWishesPage>(p => p.Add(x => x.Slug, "alfa"));
        cut.WaitForElement("button[aria-label='Flyt »Mørkt tema« op']");

        cut.Find("button[aria-label='Flyt »Mørkt tema« op']").KeyDown(new KeyboardEventArgs { Key = "ArrowUp" });

        cut.WaitForAssertion(() => Assert.Equal(["Mørkt tema", "Bedre søgning"], cut.FindAll("tbody th a").Select(a => a.TextContent)));
        Assert.Contains("Rækkefølgen er gemt.", cut.Find("[role=status]").TextContent, StringComparison.Ordinal);
        await using var db = _db.CreateDbContext();
        Assert.Equal(1, (await db.Wishes.SingleAsync(x => x.Id == wishes["Alfa/3"], TestContext.Current.CancellationToken)).Rank);
        Assert.Equal(2, (await db.Wishes.SingleAsync(x => x.Id == wishes["Alfa/2"], TestContext.Current.CancellationToken)).Rank);
    }

    [Fact]
    public async Task SomeoneWhoDoesNotDecideSeesTheOrderButNoControls()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        await WishWorld.SeedAsync(_db, w);
        _auth.SetAuthorized("it-frederikshavn");
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "it-frederikshavn"));

        var cut = Render<ProductWishesPage>(p => p.Add(x => x.Slug, "alfa"));

        cut.WaitForAssertion(() => Assert.Equal(5 - 1, cut.FindAll("tbody tr").Count)); // Beta's wish is not Alfa's
        Assert.Empty(cut.FindAll("tbody button"));
        Assert.Equal("/produkter/alfa/oensker/nyt", cut.Find("a.button-primary").GetAttribute("href"));
    }
}
