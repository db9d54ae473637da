using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Features;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Editing;
using OS2Hub.Web.Features.Memberships;
using OS2Hub.Web.Features.Products;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Editing;

public sealed class ProductEditServiceTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();
    private readonly ProductEditService _service;

    public ProductEditServiceTests() => _service = new ProductEditService(_db, FixedClock.Default);

    public void Dispose() => _db.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ProductEdit> Current(string user, string slug) => (await _service.GetAsync(user, slug, Ct)).Value!.Product;

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

        Assert.Equal(OperationOutcome.Invalid, result.Outcome);
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
        Assert.Equal(OperationOutcome.Conflict, refused.Outcome);
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
        Assert.Equal(OperationOutcome.Invalid, taken.Outcome);
    }

    [Fact]
    public async Task TheSecretariatCreatesAProductThatTheCatalogueFinds()
    {
        await WorkflowWorld.CreateAsync(_db);

        var created = await _service.CreateAsync("sekretariat", "OS2delta", "os2delta", Ct);
        var duplicate = await _service.CreateAsync("sekretariat", "Alfa igen", "alfa", Ct);
        var badSlug = await _service.CreateAsync("sekretariat", " ", "Æ Ø", Ct);

        Assert.True(created.Succeeded, created.Message);
        Assert.Equal("Adressen bruges allerede af et andet produkt.", duplicate.FieldErrors!["Slug"]);
        Assert.Equal(["Name", "Slug"], badSlug.FieldErrors!.Keys.Order());
        var found = await new ProductCatalogService(_db, FixedClock.Default).SearchAsync(new CatalogQuery { Text = "delta" }, Ct);
        Assert.Equal(["OS2delta"], found.Items.Select(i => i.Name));
        Assert.Equal(["Oprettet"], (await _service.HistoryAsync("sekretariat", created.Id!.Value, Ct))!.Select(h => h.Field));
    }

    [Fact]
    public async Task ASourceIsAddedCorrectedAndLoggedAndTheNewestIsShown()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var input = new SourceInput { Fact = ProductFact.Licence, Reference = "https://github.com/OS2/alfa/blob/main/LICENSE", AsOf = new DateOnly(2025, 3, 1) };

        var added = await new ProductSourceService(_db, FixedClock.Default).SaveSourceAsync("pk-alfa", w.Products["Alfa"], null, input, Ct);
        var corrected = await new ProductSourceService(_db, FixedClock.Default).SaveSourceAsync("pk-alfa", w.Products["Alfa"], added.Id, input with { AsOf = new DateOnly(2026, 3, 1), Version = 1 }, Ct);
        var stale = await new ProductSourceService(_db, FixedClock.Default).SaveSourceAsync("sekretariat", w.Products["Alfa"], added.Id, input with { Reference = "Gammel kilde", Version = 1 }, Ct);
        var bad = await new ProductSourceService(_db, FixedClock.Default).SaveSourceAsync("pk-alfa", w.Products["Alfa"], null, input with { Reference = "ftp://x", AsOf = new DateOnly(2027, 1, 1) }, Ct);
        var empty = await new ProductSourceService(_db, FixedClock.Default).SaveSourceAsync("pk-alfa", w.Products["Alfa"], null, input with { Reference = "  " }, Ct);
        var elsewhere = await new ProductSourceService(_db, FixedClock.Default).SaveSourceAsync("pk-alfa", w.Products["Beta"], null, input, Ct);

        Assert.True(corrected.Succeeded, corrected.Message);
        Assert.Equal(OperationOutcome.Conflict, stale.Outcome); // saved over the correction: refused
        Assert.Equal("En webadresse skal begynde med https://.", bad.FieldErrors!["Reference"]);
        Assert.Equal("Kildens dato kan ikke ligge i fremtiden.", bad.FieldErrors["AsOf"]);
        Assert.Equal(OperationOutcome.Invalid, empty.Outcome);
        Assert.Equal(OperationOutcome.Denied, elsewhere.Outcome);
        var details = await new ProductDetailsService(_db, FixedClock.Default).GetAsync("alfa", Ct);
        Assert.Equal(new DateOnly(2026, 3, 1), details!.SourceOf(ProductFact.Licence)!.AsOf);
        var history = (await _service.HistoryAsync("sekretariat", w.Products["Alfa"], Ct))!;
        Assert.Equal(2, history.Count(h => h.Field == "Kilde (Licence)"));
    }

    [Fact]
    public async Task AMentionIsAddedInDanishValidatedAndNotOverwrittenSilently()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var input = new MentionInput { OrganisationId = w.Organisations["Helsingør"], Statement = "Pilotkommune for version 2", AsOf = "2024-05", Source = "https://os2.eu/nyhed", Language = "da" };

        var added = await new ProductMentionService(_db, FixedClock.Default).SaveMentionAsync("pk-alfa", w.Products["Alfa"], null, input, Ct);
        var bad = await new ProductMentionService(_db, FixedClock.Default).SaveMentionAsync("pk-alfa", w.Products["Alfa"], null, new MentionInput { Statement = " ", AsOf = "maj 2024", Language = "de" }, Ct);
        var future = await new ProductMentionService(_db, FixedClock.Default).SaveMentionAsync("pk-alfa", w.Products["Alfa"], null, input with { AsOf = "2026-12" }, Ct);
        var first = await new ProductMentionService(_db, FixedClock.Default).SaveMentionAsync("pk-alfa", w.Products["Alfa"], added.Id, input with { Statement = "Pilotkommune for version 2.1", Version = 1 }, Ct);
        var second = await new ProductMentionService(_db, FixedClock.Default).SaveMentionAsync("sekretariat", w.Products["Alfa"], added.Id, input with { Statement = "Noget andet", Version = 1 }, Ct);

        Assert.True(added.Succeeded, added.Message);
        Assert.Equal(["AsOf", "Language", "Statement", "Subject"], bad.FieldErrors!.Keys.Order());
        Assert.Equal("Skriv datoen som ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD, fx »2024-05«, og ikke i fremtiden.", future.FieldErrors!["AsOf"]);
        Assert.True(first.Succeeded, first.Message);
        Assert.Equal(OperationOutcome.Conflict, second.Outcome);
        var mention = (await new ProductDetailsService(_db, FixedClock.Default).GetAsync("alfa", Ct))!.Mentions.Single();
        Assert.Equal(("Helsingør Kommune", "Pilotkommune for version 2.1", "da"), (mention.Subject, mention.Statement, mention.Language));
    }

    [Fact]
    public async Task TheLanguageOfTheTextsIsKeptAndChecked()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var edit = await Current("pk-alfa", "alfa");

        var bad = await _service.SaveAsync("pk-alfa", edit with { DescriptionLanguage = "dansk", StatusNoteLanguage = "xx" }, Ct);
        var good = await _service.SaveAsync("pk-alfa", edit with { DescriptionLanguage = "en", StatusNote = "I drift hos 40 kommuner", StatusNoteLanguage = "da" }, Ct);

        Assert.Equal(["DescriptionLanguage", "StatusNoteLanguage"], bad.FieldErrors!.Keys.Order());
        Assert.True(good.Succeeded, good.Message);
        var stored = await Stored(w.Products["Alfa"]);
        Assert.Equal(("en", "I drift hos 40 kommuner", "da"), (stored.DescriptionLanguage, stored.StatusNote, stored.StatusNoteLanguage));
    }
}
