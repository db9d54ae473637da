using System.Text;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Features;
using OS2Hub.Web.Data;
using OS2Hub.Web.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Memberships;

public sealed class AgreementStoreTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();

    public void Dispose() => _db.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AgreementStore Store() => new(_db, FixedClock.Default);

    private static async Task<OperationResult> Upload(AgreementStore store, string user, int product, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return await store.UploadAsync(user, product, stream, bytes.Length, Ct);
    }

    [Fact]
    public async Task TheProductCoordinatorUploadsAPdfThatBecomesTheAgreement()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% aftale\n%%EOF");

        var result = await Upload(Store(), "pk-alfa", w.Products["Alfa"], pdf);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(pdf, await Store().ContentAsync(w.Products["Alfa"], Ct));
        // Uploading again replaces the file under the same key: still one row for the product.
        var newer = Encoding.ASCII.GetBytes("%PDF-1.7\n% ny aftale\n%%EOF");
        Assert.True((await Upload(Store(), "sekretariat", w.Products["Alfa"], newer)).Succeeded);
        Assert.Equal(newer, await Store().ContentAsync(w.Products["Alfa"], Ct));
        await using var db = _db.CreateDbContext();
        Assert.Equal("/produkter/alfa/tilslutningsaftale.pdf", (await db.Products.SingleAsync(p => p.Id == w.Products["Alfa"], Ct)).JoinAgreementUrl);
    }

    [Theory]
    [InlineData("pk-alfa", "Beta", "%PDF-1.7", OperationOutcome.Denied)]
    [InlineData("it-frederikshavn", "Alfa", "%PDF-1.7", OperationOutcome.Denied)]
    [InlineData("leverandoer", "Alfa", "%PDF-1.7", OperationOutcome.Denied)]
    [InlineData("pk-alfa", "Alfa", "<html>ikke en pdf</html>", OperationOutcome.Invalid)]
    [InlineData("pk-alfa", "Alfa", "", OperationOutcome.Invalid)]
    public async Task AnythingElseIsRefusedAndChangesNothing(string user, string product, string content, OperationOutcome expected)
    {
        var w = await WorkflowWorld.CreateAsync(_db);

        var result = await Upload(Store(), user, w.Products[product], Encoding.ASCII.GetBytes(content));

        Assert.Equal(expected, result.Outcome);
        Assert.Null(await Store().ContentAsync(w.Products[product], Ct));
        await using var db = _db.CreateDbContext();
        Assert.Null((await db.Products.SingleAsync(p => p.Id == w.Products[product], Ct)).JoinAgreementUrl);
    }
}
