using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Products;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Editing;

public sealed record CategoryRow(int Id, string Name, string Slug, int Products);

/// <summary>The hub's own category list, kept by the secretariat. A category in use cannot be deleted.</summary>
public sealed class CategoryService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<CategoryRow>?> ListAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return null;
        }

        return await db.Categories.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new CategoryRow(c.Id, c.Name, c.Slug, db.Products.Count(p => p.CategoryId == c.Id)))
            .ToListAsync(ct);
    }

    /// <summary>Creates a category (<paramref name="id"/> null) or renames one; the slug follows the name.</summary>
    public async Task<OperationResult> SaveAsync(string userId, int? id, string? name, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return OperationResult.Denied;
        }

        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 200)
        {
            return Invalid(Texts.Get("Category_Error_Name"));
        }

        var slug = TextFolding.Slugify(trimmed);
        if (slug.Length == 0)
        {
            return Invalid(Texts.Get("Category_Error_NoLetters"));
        }

        if (await db.Categories.AnyAsync(c => c.Id != id && (c.Name == trimmed || c.Slug == slug), ct))
        {
            return Invalid(Texts.Get("Category_Error_Taken"));
        }

        var category = id is null ? null : await db.Categories.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (id is not null && category is null)
        {
            return OperationResult.NotFound;
        }

        if (category is null)
        {
            category = new Category { Name = trimmed, Slug = slug };
            db.Categories.Add(category);
        }
        else
        {
            new ChangeRecorder(userId, clock.GetUtcNow().UtcDateTime, nameof(Category), category.Id).Add(nameof(Category.Name), category.Name, trimmed).WriteTo(db);
            (category.Name, category.Slug) = (trimmed, slug);
        }

        await db.SaveChangesAsync(ct);
        // Category names are part of what the catalogue search looks through.
        await CatalogSearch.RefreshAsync(db, await db.Products.Where(p => p.CategoryId == category.Id).Select(p => p.Id).ToListAsync(ct), ct);
        return OperationResult.Ok(category.Id);
    }

    public async Task<OperationResult> DeleteAsync(string userId, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return OperationResult.Denied;
        }

        if (await db.Products.AnyAsync(p => p.CategoryId == id, ct))
        {
            return Invalid(Texts.Get("Category_Error_InUse"));
        }

        return await db.Categories.Where(c => c.Id == id).ExecuteDeleteAsync(ct) == 1 ? OperationResult.Ok(id) : OperationResult.NotFound;
    }

    private static OperationResult Invalid(string message) => OperationResult.Invalid(message, new Dictionary<string, string> { ["Name"] = message });

}
