using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Setup;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Products;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Editing;

/// <summary>Where each of a product's facts comes from: the produktkoordinator or the secretariat adds and corrects sources.</summary>
public sealed class ProductSourceService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Adds the source of one fact (<paramref name="sourceId"/> null) or corrects one; both go to the change log.</summary>
    public async Task<OperationResult> SaveSourceAsync(string userId, int productId, int? sourceId, SourceInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.DecidesAsync(db, userId, productId, ct))
        {
            return OperationResult.Denied;
        }

        var source = sourceId is null ? null : await db.ProductSources.FirstOrDefaultAsync(x => x.Id == sourceId && x.ProductId == productId, ct);
        if ((sourceId is not null && source is null) || !await db.Products.AnyAsync(p => p.Id == productId, ct))
        {
            return OperationResult.NotFound;
        }

        var errors = new Dictionary<string, string>();
        var reference = input.Reference?.Trim();
        if (string.IsNullOrEmpty(reference) || reference.Length > 2000)
        {
            errors[nameof(input.Reference)] = Texts.Get("Edit_Error_SourceReference");
        }
        else if (reference.Contains("://", StringComparison.Ordinal)
                 && !InputRules.IsWebAddress(reference))
        {
            errors[nameof(input.Reference)] = Texts.Get("Edit_Error_SourceHttps");
        }

        if (input.AsOf > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
        {
            errors[nameof(input.AsOf)] = Texts.Get("Edit_Error_SourceFuture");
        }

        if (input.Note?.Trim().Length > 1000)
        {
            errors[nameof(input.Note)] = Texts.Get("Edit_Error_SourceNote");
        }

        if (!Enum.IsDefined(input.Fact))
        {
            errors[nameof(input.Fact)] = Texts.Get("Edit_Error_SourceFact");
        }

        if (errors.Count > 0)
        {
            return OperationResult.Invalid(Texts.Get("Edit_Error_SourceNotSaved"), errors);
        }

        var before = source is null ? null : $"{source.Fact}: {source.Reference} ({source.AsOf:yyyy-MM-dd})";
        if (source is not null && source.Version != input.Version)
        {
            return OperationResult.Conflict(Texts.Format("Edit_Error_SourceConflictWith", before));
        }

        source ??= db.ProductSources.Add(new ProductSource { ProductId = productId, Reference = "" }).Entity;
        (source.Fact, source.Reference, source.AsOf, source.Note, source.IsInferred) = (input.Fact, reference!, input.AsOf, InputRules.Clean(input.Note), false);
        source.Version++;
        var now = clock.GetUtcNow().UtcDateTime;
        new ChangeRecorder(userId, now, nameof(Product), productId)
            .Add($"Kilde ({input.Fact})", before, $"{input.Fact}: {reference} ({input.AsOf:yyyy-MM-dd})").WriteTo(db);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResult.Conflict(Texts.Get("Edit_Error_SourceConflict"));
        }

        await db.Products.Where(p => p.Id == productId).ExecuteUpdateAsync(u => u.SetProperty(p => p.UpdatedAt, now), ct);
        return OperationResult.Ok(source.Id);
    }
}
