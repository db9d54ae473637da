using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Community;

public sealed record NewsView(int Id, NewsKind Kind, string Title, string? Version, DateOnly PublishedOn, string Text, string? Organisation, ItemVisibility Visibility, bool SuppliersMayRead);

public sealed record DecisionView(
    int Id, DateOnly DecidedOn, DecisionBody Body, string? BodyName, string Summary, string? Reasoning, string? MinutesUrl,
    int? CorrectsId, IReadOnlyList<int> CorrectedBy, IReadOnlyList<int> WishIds, ItemVisibility Visibility, bool SuppliersMayRead, DateTime? RedactedAt);

/// <summary>What a product's community (or, without a product, the association) has published and decided, as the reader may see it.</summary>
public sealed record CommunityView(
    int? ProductId, string? Slug, string Name, IReadOnlyList<NewsView> News, IReadOnlyList<DecisionView> Decisions,
    bool WritesNews, bool WritesReleases, bool RecordsDecisions, bool Redacts);

/// <summary>One public item for the feeds and the front page.</summary>
public sealed record FeedItem(string Kind, int Id, string? ProductSlug, string? ProductName, string Title, string Summary, string? Author, DateTime Updated, string Path);

public sealed class NewsInput
{
    public int ProductId { get; set; }
    public NewsKind Kind { get; set; }
    public string? Title { get; set; }
    public string? Version { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public string? Text { get; set; }
    public ItemVisibility Visibility { get; set; }
    public bool SuppliersMayRead { get; set; }
}

public sealed class DecisionInput
{
    /// <summary>Null: one of the association's own decisions.</summary>
    public int? ProductId { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public DecisionBody Body { get; set; }
    public string? BodyName { get; set; }
    public string? Summary { get; set; }
    public string? Reasoning { get; set; }
    public string? MinutesUrl { get; set; }
    public int? CorrectsId { get; set; }
    public string? WishIds { get; set; }
    public ItemVisibility Visibility { get; set; }
    public bool SuppliersMayRead { get; set; }
}

/// <summary>
/// News, releases and the decision log. "Co-owners only" is decided here on every read: signed-in users of a
/// co-owning authority, the product's produktkoordinator, the secretariat, and the product's supplier contacts where
/// the item allows it. A decision is never edited; a correction is a new entry referring to the one it corrects.
/// </summary>
public sealed class CommunityService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxTitle = 200;
    public const int MaxText = 20_000;
    public const int MaxSummary = 1_000;
    public const int MaxVersion = 100;

    /// <summary>A product's community by slug, or the association's (null slug); null for an unknown product.</summary>
    public async Task<CommunityView?> ViewAsync(string? userId, string? slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = slug is null ? null : await db.Products.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Id, p.Slug, p.Name }).FirstOrDefaultAsync(ct);
        if (slug is not null && product is null)
        {
            return null;
        }

        var access = await AccessService.ForAsync(db, userId, ct);
        var reader = await ReaderAsync(db, access, product?.Id, ct);
        var news = product is null ? [] : (await db.NewsItems.AsNoTracking().Where(n => n.ProductId == product.Id)
                .OrderByDescending(n => n.PublishedOn).ThenByDescending(n => n.Id)
                .Select(n => new { n.Id, n.Kind, n.Title, n.Version, n.PublishedOn, n.Text, Organisation = n.Organisation!.Name, n.AuthorRole, n.Visibility, n.SuppliersMayRead }).ToListAsync(ct))
            .Where(n => reader.MayRead(n.Visibility, n.SuppliersMayRead))
            .Select(n => new NewsView(n.Id, n.Kind, n.Title, n.Version, n.PublishedOn, n.Text, n.Organisation ?? Author(n.AuthorRole, product.Name), n.Visibility, n.SuppliersMayRead)).ToList();
        var entries = (await db.DecisionEntries.AsNoTracking().Where(d => d.ProductId == (product == null ? null : product.Id))
                .OrderByDescending(d => d.DecidedOn).ThenByDescending(d => d.Id).ToListAsync(ct))
            .Where(d => reader.MayRead(d.Visibility, d.SuppliersMayRead)).ToList();
        var decisions = entries.Select(d => new DecisionView(d.Id, d.DecidedOn, d.Body, d.BodyName, d.Summary, d.Reasoning, d.MinutesUrl, d.CorrectsId,
            entries.Where(c => c.CorrectsId == d.Id).Select(c => c.Id).ToList(), ParseIds(d.WishIds), d.Visibility, d.SuppliersMayRead, d.RedactedAt)).ToList();
        var decides = product is null ? access.IsSecretariat : access.Decides(product.Id);
        return new CommunityView(product?.Id, product?.Slug, product?.Name ?? Texts.Get("Community_Association"), news, decisions,
            product is not null && decides, product is not null && (decides || reader.Supplier is not null), decides, access.IsSecretariat);
    }

    public async Task<OperationResult> AddNewsAsync(string userId, NewsInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Products.AnyAsync(p => p.Id == input.ProductId, ct))
        {
            return OperationResult.Denied;
        }

        var access = await AccessService.ForAsync(db, userId, ct);
        var supplier = (await ReaderAsync(db, access, input.ProductId, ct)).Supplier;
        var allowed = access.Decides(input.ProductId) || (input.Kind == NewsKind.Release && supplier is not null);
        if (!allowed || !Enum.IsDefined(input.Kind) || !Enum.IsDefined(input.Visibility))
        {
            return OperationResult.Denied;
        }

        var errors = new Dictionary<string, string>();
        var title = Required(errors, nameof(input.Title), input.Title, MaxTitle, "Community_Error_TitleRequired");
        var text = Required(errors, nameof(input.Text), input.Text, MaxText, "Community_Error_TextRequired");
        var version = InputRules.Clean(input.Version);
        if (input.Kind == NewsKind.Release)
        {
            version = Required(errors, nameof(input.Version), input.Version, MaxVersion, "Community_Error_VersionRequired");
        }

        if (input.PublishedOn is null)
        {
            errors[nameof(input.PublishedOn)] = Texts.Get("Community_Error_DateRequired");
        }

        if (errors.Count > 0)
        {
            return OperationResult.Invalid(Texts.Get("Common_Error_FixMarked"), errors);
        }

        var item = new NewsItem
        {
            ProductId = input.ProductId, Kind = input.Kind, Title = title!, Version = input.Kind == NewsKind.Release ? version : null, PublishedOn = input.PublishedOn!.Value,
            Text = text!, OrganisationId = access.Decides(input.ProductId) ? null : supplier, AuthorUserId = userId,
            AuthorRole = access.IsSecretariat ? GrantRole.Secretariat : access.Decides(input.ProductId) ? GrantRole.ProductCoordinator : GrantRole.SupplierContact,
            Visibility = input.Visibility, SuppliersMayRead = input.Visibility == ItemVisibility.CoOwners && input.SuppliersMayRead, CreatedAt = Now(),
        };
        db.NewsItems.Add(item);
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok(item.Id);
    }

    public async Task<OperationResult> AddDecisionAsync(string userId, DecisionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await AccessService.ForAsync(db, userId, ct);
        var allowed = input.ProductId is { } productId
            ? await db.Products.AnyAsync(p => p.Id == productId, ct) && access.Decides(productId)
            : access.IsSecretariat;
        if (!allowed || !Enum.IsDefined(input.Body) || !Enum.IsDefined(input.Visibility))
        {
            return OperationResult.Denied;
        }

        var errors = new Dictionary<string, string>();
        var summary = Required(errors, nameof(input.Summary), input.Summary, MaxSummary, "Community_Error_SummaryRequired");
        var reasoning = InputRules.Clean(input.Reasoning);
        if (reasoning?.Length > MaxText)
        {
            errors[nameof(input.Reasoning)] = Texts.Format("Wish_Error_TooLong", MaxText);
        }

        if (input.DecidedOn is null || input.DecidedOn > Today())
        {
            errors[nameof(input.DecidedOn)] = Texts.Get("Wish_Error_DecidedOn");
        }

        var associationBody = input.Body is DecisionBody.Board or DecisionBody.GeneralAssembly;
        if (associationBody != (input.ProductId is null))
        {
            errors[nameof(input.Body)] = Texts.Get(input.ProductId is null ? "Community_Error_AssociationBody" : "Community_Error_ProductBody");
        }

        var bodyName = InputRules.Clean(input.BodyName);
        if (input.Body == DecisionBody.ProfessionalGroup && (bodyName is null || bodyName.Length > MaxTitle))
        {
            errors[nameof(input.BodyName)] = Texts.Get("Community_Error_BodyName");
        }

        if (!InputRules.IsWebAddressOrEmpty(input.MinutesUrl))
        {
            errors[nameof(input.MinutesUrl)] = Texts.Get("Common_Error_HttpsUrl");
        }

        if (input.CorrectsId is { } corrects && !await db.DecisionEntries.AnyAsync(d => d.Id == corrects && d.ProductId == input.ProductId, ct))
        {
            errors[nameof(input.CorrectsId)] = Texts.Get("Community_Error_Corrects");
        }

        var wishIds = ParseIds(input.WishIds);
        if (!string.IsNullOrWhiteSpace(input.WishIds) && (wishIds.Count == 0 || input.ProductId is null
            || await db.Wishes.CountAsync(w => wishIds.Contains(w.Id) && w.ProductId == input.ProductId, ct) != wishIds.Count))
        {
            errors[nameof(input.WishIds)] = Texts.Get("Community_Error_Wishes");
        }

        if (errors.Count > 0)
        {
            return OperationResult.Invalid(Texts.Get("Common_Error_FixMarked"), errors);
        }

        var entry = new DecisionEntry
        {
            ProductId = input.ProductId, DecidedOn = input.DecidedOn!.Value, Body = input.Body, BodyName = input.Body == DecisionBody.ProfessionalGroup ? bodyName : null,
            Summary = summary!, Reasoning = reasoning, MinutesUrl = InputRules.Clean(input.MinutesUrl), CorrectsId = input.CorrectsId,
            WishIds = wishIds.Count == 0 ? null : string.Join(",", wishIds), Visibility = input.Visibility,
            SuppliersMayRead = input.Visibility == ItemVisibility.CoOwners && input.SuppliersMayRead, RecordedByUserId = userId, CreatedAt = Now(),
        };
        db.DecisionEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok(entry.Id);
    }

    /// <summary>The secretariat removes personal data from an entry: its text goes, a note with the date stays.</summary>
    public async Task<OperationResult> RedactDecisionAsync(string userId, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!(await AccessService.ForAsync(db, userId, ct)).IsSecretariat)
        {
            return OperationResult.Denied;
        }

        if (await db.DecisionEntries.FirstOrDefaultAsync(d => d.Id == id, ct) is not { } entry)
        {
            return OperationResult.NotFound;
        }

        (entry.Summary, entry.Reasoning, entry.RedactedAt) = ("", null, Now());
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok();
    }

    /// <summary>Every public item, newest first: of one product, or (null) of all products and the association.</summary>
    public async Task<IReadOnlyList<FeedItem>?> FeedAsync(string? slug, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        int? productId = null;
        if (slug is not null)
        {
            productId = await db.Products.Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            if (productId is null)
            {
                return null;
            }
        }

        var news = await db.NewsItems.AsNoTracking().Where(n => n.Visibility == ItemVisibility.Public && (productId == null || n.ProductId == productId))
            .OrderByDescending(n => n.CreatedAt).Take(take)
            .Select(n => new { n.Id, n.Kind, n.Title, n.Version, n.Text, n.Product!.Slug, ProductName = n.Product.Name, Organisation = n.Organisation!.Name, n.AuthorRole, n.CreatedAt })
            .ToListAsync(ct);
        var decisions = await db.DecisionEntries.AsNoTracking().Where(d => d.Visibility == ItemVisibility.Public && (productId == null || d.ProductId == productId))
            .OrderByDescending(d => d.CreatedAt).Take(take)
            .Select(d => new { d.Id, d.Summary, d.Body, d.DecidedOn, d.ProductId, Slug = d.Product!.Slug, ProductName = d.Product.Name, d.CreatedAt, d.RedactedAt })
            .ToListAsync(ct);
        var secretariat = Texts.Get("Community_Secretariat");
        return news.Select(n => new FeedItem(n.Kind == NewsKind.Release ? "release" : "news", n.Id, n.Slug, n.ProductName,
                n.Kind == NewsKind.Release ? $"{n.ProductName} {n.Version}: {n.Title}" : n.Title, Excerpt(n.Text), n.Organisation ?? Author(n.AuthorRole, n.ProductName), Utc(n.CreatedAt),
                $"/produkter/{n.Slug}/nyt#nyt-{n.Id}"))
            .Concat(decisions.Select(d => new FeedItem("decision", d.Id, d.ProductId is null ? null : d.Slug, d.ProductId is null ? null : d.ProductName,
                Texts.Format("Community_FeedDecision", Texts.Get($"DecisionBody_{d.Body}"), d.DecidedOn.ToString("d", System.Globalization.CultureInfo.CurrentCulture)),
                d.RedactedAt is null ? d.Summary : Texts.Get("Community_Redacted"), secretariat, Utc(d.RedactedAt ?? d.CreatedAt),
                d.ProductId is null ? $"/os2/beslutninger#beslutning-{d.Id}" : $"/produkter/{d.Slug}/beslutninger#beslutning-{d.Id}")))
            .OrderByDescending(i => i.Updated).Take(take).ToList();
    }

    /// <summary>Whether the reader may read an item of the product with this visibility (a document, say), asked at every read.</summary>
    public static async Task<bool> MayReadAsync(OS2HubDbContext db, UserAccess access, int productId, ItemVisibility visibility, bool suppliersMayRead, DateOnly today, CancellationToken ct) =>
        visibility == ItemVisibility.Public || (await ReaderAsync(db, access, productId, today, ct)).MayRead(visibility, suppliersMayRead);

    private Task<Reader> ReaderAsync(OS2HubDbContext db, UserAccess access, int? productId, CancellationToken ct) => ReaderAsync(db, access, productId, Today(), ct);

    /// <summary>What the reader may see of one product (or the association): its co-owners and suppliers, and the reader's place among them.</summary>
    private static async Task<Reader> ReaderAsync(OS2HubDbContext db, UserAccess access, int? productId, DateOnly today, CancellationToken ct)
    {
        var members = await db.Participations.Where(Dated.CurrentOn(today, ParticipationKind.Member)).Where(x => productId == null || x.ProductId == productId)
            .Select(x => x.OrganisationId).Distinct().ToListAsync(ct);
        var suppliers = await db.Participations.Where(Dated.CurrentOn(today, ParticipationKind.Supplier)).Where(x => productId == null || x.ProductId == productId)
            .Select(x => x.OrganisationId).Distinct().ToListAsync(ct);
        var inside = access.IsSecretariat || (productId is { } p ? access.Decides(p) : access.CoordinatedProducts.Count > 0) || access.Authorities.Any(members.Contains);
        return new Reader(inside, access.Suppliers.Where(suppliers.Contains).Select(s => (int?)s).FirstOrDefault());
    }

    private sealed record Reader(bool Inside, int? Supplier)
    {
        public bool MayRead(ItemVisibility visibility, bool suppliersMayRead) =>
            visibility == ItemVisibility.Public || Inside || (suppliersMayRead && Supplier is not null);
    }

    /// <summary>Who wrote an item without an organisation, as the page and the feed name them: a role, never a person.</summary>
    private static string Author(GrantRole? role, string product) =>
        role == GrantRole.ProductCoordinator ? Texts.Format("Community_ProductCoordinatorOf", product) : Texts.Get("Community_Secretariat");

    private static string? Required(Dictionary<string, string> errors, string field, string? value, int max, string requiredKey)
    {
        var clean = InputRules.Clean(value);
        if (clean is null)
        {
            errors[field] = Texts.Get(requiredKey);
        }
        else if (clean.Length > max)
        {
            errors[field] = Texts.Format("Wish_Error_TooLong", max);
        }

        return clean;
    }

    private static List<int> ParseIds(string? ids) =>
        (ids ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(x => int.TryParse(x.TrimStart('#'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : -1)
            .Where(id => id > 0).Distinct().ToList();

    private static string Excerpt(string markdown) => markdown.Length <= 400 ? markdown : markdown[..400] + " …";

    private static DateTime Utc(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
