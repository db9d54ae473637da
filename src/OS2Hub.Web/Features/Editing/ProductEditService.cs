using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Setup;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Products;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Editing;

/// <summary>
/// Editing a product's facts. The secretariat edits every product; a produktkoordinator its own, except maturity and
/// lifecycle, which OS2's governance model leaves to the secretariat. Every save is checked here, validated with Danish
/// messages per field, refused when someone else saved first, and written to the change log field by field.
/// </summary>
public sealed class ProductEditService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Read<ProductEditContext>> GetAsync(string userId, string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.Products.AsNoTracking().FirstOrDefaultAsync(x => x.Slug == slug, ct);
        if (p is null)
        {
            return Read.NotFound<ProductEditContext>();
        }

        var access = await AccessService.ForAsync(db, userId, ct);
        if (!access.Decides(p.Id))
        {
            return Read.Denied<ProductEditContext>();
        }

        var categories = (await db.Categories.OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)).ToList();
        var sources = await db.ProductSources.AsNoTracking().Where(x => x.ProductId == p.Id).OrderBy(x => x.Fact).ThenBy(x => x.Id)
            .Select(x => new SourceRow(x.Id, x.Version, x.Fact, x.Reference, x.AsOf, x.Note, x.IsInferred)).ToListAsync(ct);
        var mentions = await db.ProductMentions.AsNoTracking().Where(m => m.ProductId == p.Id).OrderBy(m => m.AsOf).ThenBy(m => m.Id)
            .Select(m => new MentionRow(m.Id, m.Version, m.OrganisationId, m.Subject, m.Statement, m.AsOf, m.Source, m.Language)).ToListAsync(ct);
        return Read.Ok(new ProductEditContext(ToEdit(p), access.IsSecretariat, categories, sources, mentions));
    }

    /// <summary>The secretariat creates a product from its name and address; the rest is filled in on the edit page.</summary>
    public async Task<OperationResult> CreateAsync(string userId, string? name, string? slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return OperationResult.Denied;
        }

        var errors = await ProductValidation.ValidateAsync(db, new ProductEdit { Name = name, Slug = slug }, ct);
        if (errors.Count > 0)
        {
            return OperationResult.Invalid(Texts.Get("Edit_Error_NotCreated"), errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var product = new Product { Name = name!.Trim(), Slug = slug!.Trim(), Lifecycle = LifecycleState.Active, CreatedAt = now, UpdatedAt = now, Version = 1 };
        db.Products.Add(product);
        await db.SaveChangesAsync(ct);
        new ChangeRecorder(userId, now, nameof(Product), product.Id).Add("Oprettet", newValue: product.Name).WriteTo(db);
        await db.SaveChangesAsync(ct);
        await CatalogSearch.RefreshAsync(db, [product.Id], ct);
        return OperationResult.Ok(product.Id);
    }

    public async Task<OperationResult> SaveAsync(string userId, ProductEdit input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await AccessService.ForAsync(db, userId, ct);
        if (!access.Decides(input.Id))
        {
            return OperationResult.Denied;
        }

        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == input.Id, ct);
        if (product is null)
        {
            return OperationResult.NotFound;
        }

        var isSecretariat = access.IsSecretariat;
        if (!isSecretariat && (input.Maturity != product.Maturity || input.MaturityAssessedOn != product.MaturityAssessedOn || input.Lifecycle != product.Lifecycle))
        {
            return OperationResult.Denied;
        }

        if (input.Version != product.Version)
        {
            return OperationResult.Conflict(Texts.Get("Edit_Error_ProductConflict"));
        }

        var errors = await ProductValidation.ValidateAsync(db, input, ct);
        if (errors.Count > 0)
        {
            return OperationResult.Invalid(Texts.Get("Edit_Error_NotSaved"), errors);
        }

        var (licence, _) = ReferenceMapping.MapLicence(input.Licence);
        var now = clock.GetUtcNow().UtcDateTime;
        var changes = new ChangeRecorder(userId, now, nameof(Product), product.Id);

        var oldSlug = product.Slug;
        changes.Set(nameof(Product.Name), product.Name, input.Name!.Trim(), v => product.Name = v);
        changes.Set(nameof(Product.Slug), product.Slug, input.Slug!.Trim(), v => product.Slug = v);
        changes.Set(nameof(Product.Summary), product.Summary, InputRules.Clean(input.Summary), v => product.Summary = v);
        // An editor's own text is no longer the hub's translation of the source's, so the source text stops standing beside it.
        changes.Set(nameof(Product.Description), product.Description, InputRules.Clean(input.Description), v => (product.Description, product.DescriptionOriginal, product.DescriptionOriginalLanguage) = (v, null, null));
        changes.Set(nameof(Product.DescriptionLanguage), product.DescriptionLanguage, InputRules.Clean(input.DescriptionLanguage), v => product.DescriptionLanguage = v);
        changes.Set(nameof(Product.StatusNote), product.StatusNote, InputRules.Clean(input.StatusNote), v => (product.StatusNote, product.StatusNoteOriginal, product.StatusNoteOriginalLanguage) = (v, null, null));
        changes.Set(nameof(Product.StatusNoteLanguage), product.StatusNoteLanguage, input.StatusNoteLanguage, v => product.StatusNoteLanguage = v);
        changes.Set(nameof(Product.LicenceNote), product.LicenceNote, InputRules.Clean(input.LicenceNote), v => product.LicenceNote = v);
        changes.Set(nameof(Product.CategoryId), product.CategoryId, input.CategoryId, v => product.CategoryId = v);
        changes.Set(nameof(Product.Licence), product.Licence, licence, v => product.Licence = v);
        changes.Set(nameof(Product.RepositoryUrl), product.RepositoryUrl, InputRules.Clean(input.RepositoryUrl), v => product.RepositoryUrl = v);
        changes.Set(nameof(Product.DocumentationUrl), product.DocumentationUrl, InputRules.Clean(input.DocumentationUrl), v => product.DocumentationUrl = v);
        changes.Set(nameof(Product.WebsiteUrl), product.WebsiteUrl, InputRules.Clean(input.WebsiteUrl), v => product.WebsiteUrl = v);
        changes.Set(nameof(Product.IssueTrackerUrl), product.IssueTrackerUrl, InputRules.Clean(input.IssueTrackerUrl), v => product.IssueTrackerUrl = v);
        changes.Set(nameof(Product.CodeIsPublic), product.CodeIsPublic, input.CodeIsPublic, v => product.CodeIsPublic = v);
        changes.Set(nameof(Product.IssueTrackerIsPublic), product.IssueTrackerIsPublic, input.IssueTrackerIsPublic, v => product.IssueTrackerIsPublic = v);
        changes.Set(nameof(Product.Maturity), product.Maturity, input.Maturity, v => product.Maturity = v);
        changes.Set(nameof(Product.MaturityAssessedOn), product.MaturityAssessedOn, input.MaturityAssessedOn, v => product.MaturityAssessedOn = v);
        changes.Set(nameof(Product.Lifecycle), product.Lifecycle, input.Lifecycle, v => product.Lifecycle = v);
        changes.Set(nameof(Product.Platforms), product.Platforms, JoinList(input.Platforms), v => product.Platforms = v);
        changes.Set(nameof(Product.SoftwareType), product.SoftwareType, InputRules.Clean(input.SoftwareType), v => product.SoftwareType = v);
        changes.Set(nameof(Product.DevelopmentStatus), product.DevelopmentStatus, InputRules.Clean(input.DevelopmentStatus), v => product.DevelopmentStatus = v);
        changes.Set(nameof(Product.Features), product.Features, InputRules.Clean(input.Features?.Replace("\r", "", StringComparison.Ordinal)), v => product.Features = v);
        changes.Set(nameof(Product.LocalisationReady), product.LocalisationReady, input.LocalisationReady, v => product.LocalisationReady = v);
        changes.Set(nameof(Product.AvailableLanguages), product.AvailableLanguages, JoinList(input.AvailableLanguages), v => product.AvailableLanguages = v);
        if (changes.Entries.Count == 0)
        {
            return OperationResult.Ok(product.Id);
        }

        // Edited publiccode facts are the editor's, no longer demo values that switching demo data off would clear.
        if (changes.Entries.Any(c => c.Field is nameof(Product.Platforms) or nameof(Product.SoftwareType) or nameof(Product.DevelopmentStatus)
                or nameof(Product.Features) or nameof(Product.LocalisationReady) or nameof(Product.AvailableLanguages)))
        {
            product.PublicCodeIsDemo = false;
        }

        if (product.Slug != oldSlug)
        {
            // The old address keeps working; a redirect that pointed at the new slug is no longer needed.
            await db.ProductSlugRedirects.Where(r => r.Slug == product.Slug).ExecuteDeleteAsync(ct);
            db.ProductSlugRedirects.Add(new ProductSlugRedirect { Slug = oldSlug, ProductId = product.Id });
        }

        product.Version++;
        product.UpdatedAt = now;
        changes.WriteTo(db);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResult.Conflict(Texts.Get("Edit_Error_ProductConflict"));
        }

        await CatalogSearch.RefreshAsync(db, [product.Id], ct);
        return OperationResult.Ok(product.Id);
    }

    public async Task<string?> SlugAsync(int productId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Products.Where(p => p.Id == productId).Select(p => p.Slug).FirstOrDefaultAsync(ct);
    }

    /// <summary>The slug a renamed product has now, for an old address.</summary>
    public async Task<string?> RedirectAsync(string oldSlug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ProductSlugRedirects.Where(r => r.Slug == oldSlug)
            .Join(db.Products, r => r.ProductId, p => p.Id, (r, p) => p.Slug).FirstOrDefaultAsync(ct);
    }

    /// <summary>The product's change log, for the secretariat only.</summary>
    public Task<IReadOnlyList<ChangeInfo>?> HistoryAsync(string userId, int productId, CancellationToken ct = default) =>
        ChangeHistory.ForAsync(dbFactory, userId, nameof(Product), productId, ct);

    private static ProductEdit ToEdit(Product p) => new()
    {
        Id = p.Id, Version = p.Version, Name = p.Name, Slug = p.Slug, Summary = p.Summary, Description = p.Description, CategoryId = p.CategoryId,
        DescriptionLanguage = p.DescriptionLanguage, StatusNote = p.StatusNote, StatusNoteLanguage = p.StatusNoteLanguage, LicenceNote = p.LicenceNote,
        Licence = p.Licence, RepositoryUrl = p.RepositoryUrl, DocumentationUrl = p.DocumentationUrl, WebsiteUrl = p.WebsiteUrl,
        IssueTrackerUrl = p.IssueTrackerUrl, CodeIsPublic = p.CodeIsPublic, IssueTrackerIsPublic = p.IssueTrackerIsPublic,
        Maturity = p.Maturity, MaturityAssessedOn = p.MaturityAssessedOn, Lifecycle = p.Lifecycle,
        Platforms = p.Platforms, SoftwareType = p.SoftwareType, DevelopmentStatus = p.DevelopmentStatus, Features = p.Features,
        LocalisationReady = p.LocalisationReady, AvailableLanguages = p.AvailableLanguages,
    };

    /// <summary>A comma-separated list as the form shows it: trimmed, without empty entries; null when empty.</summary>
    private static string? JoinList(string? text) => PublicCode.PublicCodeExport.SplitList(text) is { Count: > 0 } items ? string.Join(", ", items) : null;
}
