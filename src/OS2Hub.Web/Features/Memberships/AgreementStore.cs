using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Memberships;

/// <summary>
/// Uploaded tilslutningsaftaler as PDF files, one per product, kept in the database (so every instance serves them and a
/// backup holds them) and served at /produkter/{slug}/tilslutningsaftale.pdf.
/// </summary>
public sealed class AgreementStore(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
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

        var now = clock.GetUtcNow().UtcDateTime;
        var file = await db.StoredFiles.FirstOrDefaultAsync(f => f.Key == Key(productId), ct);
        if (file is null)
        {
            file = new StoredFile { Key = Key(productId), ContentType = "application/pdf", Content = [], UploadedByUserId = userId };
            db.StoredFiles.Add(file);
        }

        (file.Content, file.UploadedAt, file.UploadedByUserId) = (buffer.ToArray(), now, userId);
        product.JoinAgreementUrl = $"/produkter/{product.Slug}/tilslutningsaftale.pdf";
        product.UpdatedAt = now;
        await db.SaveChangesAsync(ct); // the file and the link together, or neither
        return OperationResult.Ok(productId);
    }

    /// <summary>The product's agreement, or null when none was uploaded.</summary>
    public async Task<byte[]?> ContentAsync(int productId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.StoredFiles.Where(f => f.Key == Key(productId)).Select(f => f.Content).FirstOrDefaultAsync(ct);
    }

    private static string Key(int productId) => $"agreement/{productId}";

    private static OperationResult Invalid(string message) => OperationResult.Invalid(message, new Dictionary<string, string> { ["AgreementFile"] = message });

    public static void MapAgreementFiles(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/produkter/{slug}/tilslutningsaftale.pdf", async (string slug, AgreementStore store, IDbContextFactory<OS2HubDbContext> factory, CancellationToken ct) =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var id = await db.Products.Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            return id is { } productId && await store.ContentAsync(productId, ct) is { } content
                ? Results.File(content, "application/pdf", $"tilslutningsaftale-{slug}.pdf")
                : Results.NotFound();
        });
}
