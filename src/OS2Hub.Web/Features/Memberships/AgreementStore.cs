using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OS2Hub.Web.Data;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Memberships;

/// <summary>Uploaded tilslutningsaftaler as PDF files, one per product, served at /produkter/{slug}/tilslutningsaftale.pdf.</summary>
public sealed class AgreementStore(IDbContextFactory<OS2HubDbContext> dbFactory, IOptions<OS2HubOptions> options, IHostEnvironment environment, TimeProvider clock)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public async Task<OperationResult> UploadAsync(string userId, int productId, Stream pdf, long length, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.DecidesAsync(db, userId, productId, ct))
        {
            return OperationResult.Denied;
        }

        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == productId, ct);
        if (product is null)
        {
            return OperationResult.NotFound;
        }

        if (length is <= 0 or > MaxBytes)
        {
            return Invalid(Texts.Get("Agreement_Error_Size"));
        }

        using var buffer = new MemoryStream();
        await pdf.CopyToAsync(buffer, ct);
        // The content decides, not the file name: a PDF starts with "%PDF-".
        if (buffer.Length != length || buffer.Length < 5 || !buffer.GetBuffer().AsSpan(0, 5).SequenceEqual("%PDF-"u8))
        {
            return Invalid(Texts.Get("Agreement_Error_NotPdf"));
        }

        var folder = Folder();
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, $"{productId}.pdf");
        var temp = target + ".tmp";
        await File.WriteAllBytesAsync(temp, buffer.ToArray(), ct);
        File.Move(temp, target, overwrite: true);

        product.JoinAgreementUrl = $"/produkter/{product.Slug}/tilslutningsaftale.pdf";
        product.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok(productId);
    }

    public string? PathFor(int productId)
    {
        var path = Path.Combine(Folder(), $"{productId}.pdf");
        return File.Exists(path) ? path : null;
    }

    private string Folder() => Path.GetFullPath(options.Value.AgreementFolder, environment.ContentRootPath);

    private static OperationResult Invalid(string message) => OperationResult.Invalid(message, new Dictionary<string, string> { ["AgreementFile"] = message });

    public static void MapAgreementFiles(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/produkter/{slug}/tilslutningsaftale.pdf", async (string slug, AgreementStore store, IDbContextFactory<OS2HubDbContext> factory, CancellationToken ct) =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var id = await db.Products.Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            return id is { } productId && store.PathFor(productId) is { } path
                ? Results.File(path, "application/pdf", $"tilslutningsaftale-{slug}.pdf")
                : Results.NotFound();
        });
}
