using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Features;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Editing;
using OS2Hub.Web.Features.Memberships;
using OS2Hub.Web.Features.Products;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Editing;

public sealed class CategoryServiceTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();
    private readonly CategoryService _service;

    public CategoryServiceTests() => _service = new CategoryService(_db, FixedClock.Default);

    public void Dispose() => _db.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheSecretariatCreatesRenamesAndDeletesCategoriesAndSearchFollows()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var created = await _service.SaveAsync("sekretariat", null, "Økonomi og løn", Ct);
        await using (var db = _db.CreateDbContext())
        {
            var alfa = await db.Products.SingleAsync(p => p.Id == w.Products["Alfa"], Ct);
            alfa.CategoryId = created.Id;
            await db.SaveChangesAsync(Ct);
        }

        var renamed = await _service.SaveAsync("sekretariat", created.Id, "Personale og løn", Ct);
        var inUse = await _service.DeleteAsync("sekretariat", created.Id!.Value, Ct);
        var spare = await _service.SaveAsync("sekretariat", null, "Tom", Ct);
        var deleted = await _service.DeleteAsync("sekretariat", spare.Id!.Value, Ct);

        Assert.True(renamed.Succeeded);
        Assert.Equal(OperationOutcome.Invalid, inUse.Outcome);
        Assert.True(deleted.Succeeded);
        var rows = await _service.ListAsync("sekretariat", Ct);
        Assert.Equal([("Personale og løn", "personale-og-loen", 1)], rows!.Select(r => (r.Name, r.Slug, r.Products)));
        var found = await new ProductCatalogService(_db, FixedClock.Default).SearchAsync(new CatalogQuery { Text = "personale" }, Ct);
        Assert.Equal(["Alfa"], found.Items.Select(i => i.Name));
    }

    [Fact]
    public async Task DuplicateAndEmptyNamesAreRefused()
    {
        await WorkflowWorld.CreateAsync(_db);
        await _service.SaveAsync("sekretariat", null, "IoT", Ct);

        Assert.Equal("Der findes allerede en kategori med det navn.", (await _service.SaveAsync("sekretariat", null, " iot ", Ct)).Message);
        Assert.Equal(OperationOutcome.Invalid, (await _service.SaveAsync("sekretariat", null, "  ", Ct)).Outcome);
    }

    [Theory]
    [InlineData("pk-alfa")]
    [InlineData("it-frederikshavn")]
    [InlineData("leverandoer")]
    [InlineData("uden-rolle")]
    public async Task OnlyTheSecretariatKeepsTheCategoryList(string user)
    {
        await WorkflowWorld.CreateAsync(_db);
        var existing = await _service.SaveAsync("sekretariat", null, "Eksisterende", Ct);

        Assert.Equal(OperationOutcome.Denied, (await _service.SaveAsync(user, null, "Ny", Ct)).Outcome);
        Assert.Equal(OperationOutcome.Denied, (await _service.SaveAsync(user, existing.Id, "Omdøbt", Ct)).Outcome);
        Assert.Equal(OperationOutcome.Denied, (await _service.DeleteAsync(user, existing.Id!.Value, Ct)).Outcome);
        Assert.Null(await _service.ListAsync(user, Ct));
        await using var db = _db.CreateDbContext();
        Assert.Equal(["Eksisterende"], await db.Categories.Select(c => c.Name).ToListAsync(Ct));
    }
}
