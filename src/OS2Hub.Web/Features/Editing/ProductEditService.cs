using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Setup;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Memberships;
using OS2Hub.Web.Features.Products;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Editing;

/// <summary>What the product form edits. <see cref="Version"/> is the version the editor started from.</summary>
public sealed record ProductEdit
{
    public int Id { get; init; }
    public int Version { get; init; }
    public string? Name { get; init; }
    public string? Slug { get; init; }
    public string? Summary { get; init; }
    public string? Description { get; init; }
    public string? DescriptionLanguage { get; init; }
    public string? StatusNote { get; init; }
    public string StatusNoteLanguage { get; init; } = "da";
    public int? CategoryId { get; init; }
    public string? Licence { get; init; }
    public string? LicenceNote { get; init; }
    public string? RepositoryUrl { get; init; }
    public string? DocumentationUrl { get; init; }
    public string? WebsiteUrl { get; init; }
    public string? IssueTrackerUrl { get; init; }
    public bool? CodeIsPublic { get; init; }
    public bool? IssueTrackerIsPublic { get; init; }
    public MaturityLevel Maturity { get; init; }
    public DateOnly? MaturityAssessedOn { get; init; }
    public LifecycleState Lifecycle { get; init; }
    public string? Platforms { get; init; }
    public string? SoftwareType { get; init; }
    public string? DevelopmentStatus { get; init; }
    public string? Features { get; init; }
    public bool? LocalisationReady { get; init; }
    public string? AvailableLanguages { get; init; }
}

public sealed record ChangeInfo(DateTime At, string User, string Field, string? OldValue, string? NewValue);

public sealed record ProductEditContext(ProductEdit Product, bool IsSecretariat, IReadOnlyList<(int Id, string Name)> Categories, IReadOnlyList<SourceRow> Sources,
    IReadOnlyList<MentionRow> Mentions);

public sealed record MentionRow(int Id, int Version, int? OrganisationId, string? Subject, string Statement, string? AsOf, string? Source, string Language);

/// <summary>A dated, sourced statement about the product: about an organisation here, or a subject named in words.</summary>
public sealed record MentionInput
{
    public int? OrganisationId { get; init; }
    public string? Subject { get; init; }
    public string? Statement { get; init; }
    public string? AsOf { get; init; }
    public string? Source { get; init; }
    public string Language { get; init; } = "da";
    public int Version { get; init; }
}

public sealed record SourceRow(int Id, int Version, ProductFact Fact, string Reference, DateOnly? AsOf, string? Note, bool IsInferred);

/// <summary>Where one fact comes from: a web address or a document's name, and the date it speaks for.</summary>
public sealed record SourceInput
{
    public ProductFact Fact { get; init; }
    public string? Reference { get; init; }
    public DateOnly? AsOf { get; init; }
    public string? Note { get; init; }

    /// <summary>The source's version the editor started from (when correcting one).</summary>
    public int Version { get; init; }
}

/// <summary>
/// Editing a product's facts. The secretariat edits every product; a produktkoordinator its own, except maturity and
/// lifecycle, which OS2's governance model leaves to the secretariat. Every save is checked here, validated with Danish
/// messages per field, refused when someone else saved first, and written to the change log field by field.
/// </summary>
public sealed partial class ProductEditService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
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

    /// <summary>Whether the user may create products: the secretariat only.</summary>
    public async Task<bool> CanCreateAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await AccessService.IsSecretariatAsync(db, userId, ct);
    }

    /// <summary>The secretariat creates a product from its name and address; the rest is filled in on the edit page.</summary>
    public async Task<OperationResult> CreateAsync(string userId, string? name, string? slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return OperationResult.Denied;
        }

        var errors = await ValidateAsync(db, new ProductEdit { Name = name, Slug = slug }, ct);
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

        var errors = await ValidateAsync(db, input, ct);
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

    /// <summary>Adds a dated statement about the product (<paramref name="mentionId"/> null) or corrects one.</summary>
    public async Task<OperationResult> SaveMentionAsync(string userId, int productId, int? mentionId, MentionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.DecidesAsync(db, userId, productId, ct))
        {
            return OperationResult.Denied;
        }

        var mention = mentionId is null ? null : await db.ProductMentions.FirstOrDefaultAsync(m => m.Id == mentionId && m.ProductId == productId, ct);
        if ((mentionId is not null && mention is null) || !await db.Products.AnyAsync(p => p.Id == productId, ct))
        {
            return OperationResult.NotFound;
        }

        var errors = new Dictionary<string, string>();
        var statement = InputRules.Clean(input.Statement);
        if (statement is null || statement.Length > 2000)
        {
            errors[nameof(input.Statement)] = Texts.Get("Edit_Error_Statement");
        }

        if (input.OrganisationId is { } org && !await db.Organisations.AnyAsync(o => o.Id == org, ct))
        {
            errors[nameof(input.OrganisationId)] = Texts.Get("Edit_Error_Organisation");
        }
        else if (input.OrganisationId is null && InputRules.Clean(input.Subject) is null)
        {
            errors[nameof(input.Subject)] = Texts.Get("Edit_Error_Subject");
        }

        var asOf = InputRules.Clean(input.AsOf);
        if (asOf is not null && (!PartialDateRegex().IsMatch(asOf) || string.CompareOrdinal(asOf, clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) > 0))
        {
            errors[nameof(input.AsOf)] = Texts.Get("Edit_Error_MentionDate");
        }

        if (InputRules.Clean(input.Source)?.Length > 2000)
        {
            errors[nameof(input.Source)] = Texts.Get("Edit_Error_MentionSource");
        }

        if (!InputRules.IsTextLanguage(input.Language))
        {
            errors[nameof(input.Language)] = Texts.Get("Common_Error_DanishOrEnglish");
        }

        if (errors.Count > 0)
        {
            return OperationResult.Invalid(Texts.Get("Edit_Error_MentionNotSaved"), errors);
        }

        var before = mention is null ? null : $"{mention.AsOf}: {mention.Statement}";
        if (mention is not null && mention.Version != input.Version)
        {
            return OperationResult.Conflict(Texts.Format("Edit_Error_MentionConflictWith", before));
        }

        mention ??= db.ProductMentions.Add(new ProductMention { ProductId = productId, Statement = "" }).Entity;
        (mention.OrganisationId, mention.Subject, mention.Statement, mention.AsOf, mention.Source, mention.Language) =
            (input.OrganisationId, input.OrganisationId is null ? InputRules.Clean(input.Subject) : null, statement!, asOf, InputRules.Clean(input.Source), input.Language);
        mention.Version++;
        var now = clock.GetUtcNow().UtcDateTime;
        new ChangeRecorder(userId, now, nameof(Product), productId).Add("Omtale", before, $"{asOf}: {statement}").WriteTo(db);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResult.Conflict(Texts.Get("Edit_Error_MentionConflict"));
        }

        await db.Products.Where(p => p.Id == productId).ExecuteUpdateAsync(u => u.SetProperty(p => p.UpdatedAt, now), ct);
        return OperationResult.Ok(mention.Id);
    }

    /// <summary>Organisations a mention can be about, by name.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> OrganisationsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
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

    private static async Task<Dictionary<string, string>> ValidateAsync(OS2HubDbContext db, ProductEdit input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 200)
        {
            errors[nameof(input.Name)] = Texts.Get("Edit_Error_Name");
        }

        var slug = input.Slug?.Trim();
        if (!InputRules.IsSlug(slug))
        {
            errors[nameof(input.Slug)] = Texts.Get("Edit_Error_Slug");
        }
        else if (await db.Products.AnyAsync(p => p.Slug == slug && p.Id != input.Id, ct)
                 || await db.ProductSlugRedirects.AnyAsync(r => r.Slug == slug && r.ProductId != input.Id, ct))
        {
            errors[nameof(input.Slug)] = Texts.Get("Edit_Error_SlugTaken");
        }

        if (input.Summary?.Length > 1000)
        {
            errors[nameof(input.Summary)] = Texts.Get("Edit_Error_Summary");
        }

        if (input.Description?.Length > 20_000)
        {
            errors[nameof(input.Description)] = Texts.Get("Edit_Error_Description");
        }

        if (!string.IsNullOrWhiteSpace(input.Licence) && ReferenceMapping.MapLicence(input.Licence).Spdx is null)
        {
            errors[nameof(input.Licence)] = Texts.Get("Edit_Error_Licence");
        }

        if (!string.IsNullOrEmpty(input.DescriptionLanguage) && !InputRules.IsTextLanguage(input.DescriptionLanguage))
        {
            errors[nameof(input.DescriptionLanguage)] = Texts.Get("Common_Error_DanishOrEnglish");
        }

        if (!InputRules.IsTextLanguage(input.StatusNoteLanguage))
        {
            errors[nameof(input.StatusNoteLanguage)] = Texts.Get("Common_Error_DanishOrEnglish");
        }

        if (input.StatusNote?.Length > 2000)
        {
            errors[nameof(input.StatusNote)] = Texts.Get("Edit_Error_Status");
        }

        if (input.LicenceNote?.Length > 500)
        {
            errors[nameof(input.LicenceNote)] = Texts.Get("Edit_Error_LicenceNote");
        }

        if (!string.IsNullOrWhiteSpace(input.SoftwareType) && !PublicCode.PublicCodeVocabulary.SoftwareTypes.Contains(input.SoftwareType.Trim()))
        {
            errors[nameof(input.SoftwareType)] = Texts.Get("Edit_Error_SoftwareType");
        }

        if (!string.IsNullOrWhiteSpace(input.DevelopmentStatus) && !PublicCode.PublicCodeVocabulary.DevelopmentStatuses.Contains(input.DevelopmentStatus.Trim()))
        {
            errors[nameof(input.DevelopmentStatus)] = Texts.Get("Edit_Error_DevelopmentStatus");
        }

        if (PublicCode.PublicCodeExport.SplitLines(input.Features).FirstOrDefault(f => f.Length > 100) is { } longFeature)
        {
            errors[nameof(input.Features)] = Texts.Format("Edit_Error_Feature", longFeature[..30], longFeature.Length);
        }

        if (PublicCode.PublicCodeExport.SplitList(input.AvailableLanguages).FirstOrDefault(l => !PublicCode.PublicCodeValidator.IsLanguage(l)) is { } badLanguage)
        {
            errors[nameof(input.AvailableLanguages)] = Texts.Format("Edit_Error_Languages", badLanguage);
        }

        if (input.Platforms?.Length > 500)
        {
            errors[nameof(input.Platforms)] = Texts.Get("Edit_Error_Platforms");
        }

        if (input.CategoryId is { } category && !await db.Categories.AnyAsync(c => c.Id == category, ct))
        {
            errors[nameof(input.CategoryId)] = Texts.Get("Edit_Error_Category");
        }

        foreach (var (field, url) in new[] { (nameof(input.RepositoryUrl), input.RepositoryUrl), (nameof(input.DocumentationUrl), input.DocumentationUrl),
            (nameof(input.WebsiteUrl), input.WebsiteUrl), (nameof(input.IssueTrackerUrl), input.IssueTrackerUrl) })
        {
            if (!InputRules.IsWebAddressOrEmpty(url))
            {
                errors[field] = Texts.Get("Common_Error_HttpsUrl");
            }
        }

        return errors;
    }

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

    [GeneratedRegex(@"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")]
    private static partial Regex PartialDateRegex();
}
