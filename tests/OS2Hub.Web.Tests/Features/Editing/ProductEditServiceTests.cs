using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Editing;
using OS2Hub.Web.Features.Memberships;
using OS2Hub.Web.Features.Products;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Editing;

public sealed class ProductEditServiceTests : IDisposable
{
    private readonly SqliteTestDatabase _db = new();
    private readonly ProductEditService _service;

    public ProductEditServiceTests() => _service = new ProductEditService(_db, FixedClock.Default);

    public void Dispose() => _db.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ProductEdit> Current(string user, string slug) => (await _service.GetAsync(user, slug, Ct))!.Product;

    private async Task<Product> Stored(int id)
    {
        await using var db = _db.CreateDbContext();
        return await db.Products.AsNoTracking().SingleAsync(p => p.Id == id, Ct);
    }

    [Fact]
    public async Task TheProductCoordinatorEditsItsProductAndEveryChangeIsLogged()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var edit = await Current("pk-alfa", "alfa");

        var result = await _service.SaveAsync("pk-alfa", edit with { Description = "Ny **beskrivelse** med blæksprutte", Licence = "MPL-2.0" }, Ct);

        Assert.True(result.Succeeded, result.Message);
        var stored = await Stored(w.Products["Alfa"]);
        Assert.Equal("Ny **beskrivelse** med blæksprutte", stored.Description);
        Assert.Equal(edit.Version + 1, stored.Version);
        var history = await _service.HistoryAsync("sekretariat", stored.Id, Ct);
        Assert.Equal(["Description", "Licence"], history!.Select(h => h.Field).Order());
        Assert.All(history!, h => Assert.Equal("pk-alfa", h.User)); // the test users' display names are their ids
        Assert.Null(history!.Single(h => h.Field == "Licence").OldValue);
        Assert.Equal("MPL-2.0", history!.Single(h => h.Field == "Licence").NewValue);
        var found = await new ProductCatalogService(_db, FixedClock.Default).SearchAsync(new CatalogQuery { Text = "blæksprutte" }, Ct);
        Assert.Equal(["Alfa"], found.Items.Select(i => i.Name));
        Assert.Null(await _service.HistoryAsync("pk-alfa", stored.Id, Ct)); // the history is the secretariat's
    }

    [Fact]
    public async Task BadValuesAreRefusedFieldByFieldAndNothingChanges()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var edit = await Current("sekretariat", "alfa");

        var result = await _service.SaveAsync("sekretariat", edit with
        {
            Name = " ", Slug = "Beta", Licence = "MPL 2", WebsiteUrl = "javascript:alert(1)", CategoryId = 999,
        }, Ct);
        var duplicate = await _service.SaveAsync("sekretariat", edit with { Slug = "beta" }, Ct);

        Assert.Equal(WorkflowOutcome.Invalid, result.Outcome);
        Assert.Equal(["CategoryId", "Licence", "Name", "Slug", "WebsiteUrl"], result.FieldErrors!.Keys.Order());
        Assert.Contains("SPDX", result.FieldErrors["Licence"], StringComparison.Ordinal);
        Assert.Equal("Adressen bruges allerede af et andet produkt.", duplicate.FieldErrors!["Slug"]);
        var stored = await Stored(w.Products["Alfa"]);
        Assert.Equal(("Alfa", "alfa", edit.Version), (stored.Name, stored.Slug, stored.Version));
    }

    [Fact]
    public async Task TheSecondOfTwoEditsFromTheSameVersionIsRefused()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var first = await Current("pk-alfa", "alfa");
        var second = await Current("sekretariat", "alfa");

        var saved = await _service.SaveAsync("pk-alfa", first with { Summary = "Første" }, Ct);
        var refused = await _service.SaveAsync("sekretariat", second with { Summary = "Anden" }, Ct);

        Assert.True(saved.Succeeded);
        Assert.Equal(WorkflowOutcome.Conflict, refused.Outcome);
        Assert.Contains("ændret af en anden", refused.Message, StringComparison.Ordinal);
        Assert.Equal("Første", (await Stored(w.Products["Alfa"])).Summary);
    }

    [Fact]
    public async Task ARenamedProductKeepsItsOldAddress()
    {
        await WorkflowWorld.CreateAsync(_db);
        var edit = await Current("sekretariat", "alfa");

        await _service.SaveAsync("sekretariat", edit with { Slug = "alfa-2" }, Ct);
        var taken = await _service.SaveAsync("sekretariat", (await Current("sekretariat", "beta")) with { Slug = "alfa" }, Ct);

        Assert.Equal("alfa-2", await _service.RedirectAsync("alfa", Ct));
        Assert.Equal(WorkflowOutcome.Invalid, taken.Outcome);
    }

    public static TheoryData<string, string, string, bool> Matrix => new()
    {
        // user                product  what changes        allowed
        { "sekretariat",       "Alfa",  "description",      true },
        { "sekretariat",       "Beta",  "maturity",         true },
        { "pk-alfa",           "Alfa",  "description",      true },
        { "pk-alfa",           "Alfa",  "maturity",         false },  // the secretariat's decision
        { "pk-alfa",           "Alfa",  "lifecycle",        false },
        { "pk-alfa",           "Beta",  "description",      false },  // another product
        { "it-frederikshavn",  "Alfa",  "description",      false },
        { "leverandoer",       "Alfa",  "description",      false },
        { "uden-rolle",        "Alfa",  "description",      false },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EditsAreAllowedOnlyWhereTheTableSays(string user, string product, string what, bool allowed)
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        await using var db = _db.CreateDbContext();
        var p = await db.Products.AsNoTracking().SingleAsync(x => x.Id == w.Products[product], Ct);
        var edit = new ProductEdit { Id = p.Id, Version = p.Version, Name = p.Name, Slug = p.Slug, Maturity = p.Maturity, Lifecycle = p.Lifecycle };
        edit = what switch
        {
            "description" => edit with { Description = "Ændret" },
            "maturity" => edit with { Maturity = MaturityLevel.Niveau2, MaturityAssessedOn = new DateOnly(2026, 11, 1) },
            _ => edit with { Lifecycle = LifecycleState.Frosset },
        };

        var result = await _service.SaveAsync(user, edit, Ct);

        var after = await Stored(p.Id);
        if (allowed)
        {
            Assert.True(result.Succeeded, result.Message);
            Assert.Equal(p.Version + 1, after.Version);
        }
        else
        {
            Assert.Equal(WorkflowOutcome.Denied, result.Outcome);
            Assert.Equal((p.Version, p.Description, p.Maturity, p.Lifecycle), (after.Version, after.Description, after.Maturity, after.Lifecycle));
        }
    }
}
