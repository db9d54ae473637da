using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Following;
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
/// <remarks>The followers hear of new items through <paramref name="followers"/>; tests that do not look at them leave it out.</remarks>
public sealed class CommunityService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock, FollowNotifier? followers = null)
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
        var title = InputRules.Required(errors, nameof(input.Title), input.Title, MaxTitle, "Community_Error_TitleRequired");
        var text = InputRules.Required(errors, nameof(input.Text), input.Text, MaxText, "Community_Error_TextRequired");
        var version = InputRules.Clean(input.Version);
        if (input.Kind == NewsKind.Release)
        {
            version = InputRules.Required(errors, nameof(input.Version), input.Version, MaxVersion, "Community_Error_VersionRequired");
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
        if (followers is not null)
        {
            var (topic, key) = item.Kind == NewsKind.Release ? (FollowTopics.Releases, "Follow_Notice_Release") : (FollowTopics.News, "Follow_Notice_News");
            await followers.PublishedAsync(new FollowedItem(topic, item.ProductId, item.Visibility, item.SuppliersMayRead, key, item.Title,
                $"/produkter/{await SlugAsync(db, item.ProductId, ct)}/nyt#nyt-{item.Id}", userId), ct);
        }

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
        var summary = InputRules.Required(errors, nameof(input.Summary), input.Summary, MaxSummary, "Community_Error_SummaryRequired");
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
        if (followers is not null && entry.ProductId is { } decided)
        {
            await followers.PublishedAsync(new FollowedItem(FollowTopics.Decisions, decided, entry.Visibility, entry.SuppliersMayRead, "Follow_Notice_Decision", entry.Summary,
                $"/produkter/{await SlugAsync(db, decided, ct)}/beslutninger#beslutning-{entry.Id}", userId), ct);
        }

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
        // An open thread names the organisation that asked, never the person.
        var questions = await db.Questions.AsNoTracking().Where(q => q.IsPublic && q.Moderation != Moderation.Hidden && (productId == null || q.ProductId == productId))
            .OrderByDescending(q => q.CreatedAt).Take(take)
            .Select(q => new { q.Id, q.Title, q.Text, q.Product!.Slug, ProductName = q.Product.Name, Organisation = q.Organisation!.Name, q.AuthorRole, q.CreatedAt })
            .ToListAsync(ct);
        var secretariat = Texts.Get("Community_Secretariat");
        return news.Select(n => new FeedItem(n.Kind == NewsKind.Release ? "release" : "news", n.Id, n.Slug, n.ProductName,
                n.Kind == NewsKind.Release ? $"{n.ProductName} {n.Version}: {n.Title}" : n.Title, Excerpt(n.Text), n.Organisation ?? Author(n.AuthorRole, n.ProductName), Utc(n.CreatedAt),
                $"/produkter/{n.Slug}/nyt#nyt-{n.Id}"))
            .Concat(decisions.Select(d => new FeedItem("decision", d.Id, d.ProductId is null ? null : d.Slug, d.ProductId is null ? null : d.ProductName,
                Texts.Format("Community_FeedDecision", Texts.Get($"DecisionBody_{d.Body}"), d.DecidedOn.ToString("d", System.Globalization.CultureInfo.CurrentCulture)),
                d.RedactedAt is null ? d.Summary : Texts.Get("Community_Redacted"), secretariat, Utc(d.RedactedAt ?? d.CreatedAt),
                d.ProductId is null ? $"/os2/beslutninger#beslutning-{d.Id}" : $"/produkter/{d.Slug}/beslutninger#beslutning-{d.Id}")))
            .Concat(questions.Select(q => new FeedItem("question", q.Id, q.Slug, q.ProductName, Texts.Format("Community_FeedQuestion", q.Title), Excerpt(q.Text),
                q.Organisation ?? Author(q.AuthorRole, q.ProductName), Utc(q.CreatedAt), $"/produkter/{q.Slug}/spoergsmaal/{q.Id}")))
            .OrderByDescending(i => i.Updated).Take(take).ToList();
    }

    /// <summary>Whether the reader may read an item of the product with this visibility (a document, say), asked at every read.</summary>
    public static async Task<bool> MayReadAsync(OS2HubDbContext db, UserAccess access, int productId, ItemVisibility visibility, bool suppliersMayRead, DateOnly today, CancellationToken ct) =>
        visibility == ItemVisibility.Public || (await ReaderAsync(db, access, productId, today, ct)).MayRead(visibility, suppliersMayRead);

    /// <summary>
    /// Every product whose closed items the user may read, in two queries whatever the number of products: for lists
    /// that span products (search, digests, questions across products).
    /// </summary>
    public static async Task<ReaderScope> ScopeAsync(OS2HubDbContext db, UserAccess access, DateOnly today, CancellationToken ct)
    {
        if (access.IsSecretariat)
        {
            return ReaderScope.Everything;
        }

        var employers = access.Employers;
        var suppliers = access.Suppliers;
        var coOwned = employers.Count == 0 ? [] : await db.Participations.Where(Dated.CurrentOn(today, ParticipationKind.Member))
            .Where(x => employers.Contains(x.OrganisationId)).Select(x => x.ProductId).Distinct().ToListAsync(ct);
        var served = suppliers.Count == 0 ? [] : await db.Participations.Where(Dated.CurrentOn(today, ParticipationKind.Supplier))
            .Where(x => suppliers.Contains(x.OrganisationId)).Select(x => x.ProductId).Distinct().ToListAsync(ct);
        return new ReaderScope(false, coOwned.Concat(access.CoordinatedProducts).ToHashSet(), served.ToHashSet());
    }

    private Task<Reader> ReaderAsync(OS2HubDbContext db, UserAccess access, int? productId, CancellationToken ct) => ReaderAsync(db, access, productId, Today(), ct);

    /// <summary>What the reader may see of one product (or the association): its co-owners and suppliers, and the reader's place among them.</summary>
    private static async Task<Reader> ReaderAsync(OS2HubDbContext db, UserAccess access, int? productId, DateOnly today, CancellationToken ct)
    {
        var members = await db.Participations.Where(Dated.CurrentOn(today, ParticipationKind.Member)).Where(x => productId == null || x.ProductId == productId)
            .Select(x => x.OrganisationId).Distinct().ToListAsync(ct);
        var suppliers = await db.Participations.Where(Dated.CurrentOn(today, ParticipationKind.Supplier)).Where(x => productId == null || x.ProductId == productId)
            .Select(x => x.OrganisationId).Distinct().ToListAsync(ct);
        var inside = access.IsSecretariat || (productId is { } p ? access.Decides(p) : access.CoordinatedProducts.Count > 0) || access.Employers.Any(members.Contains);
        return new Reader(inside, access.Suppliers.Where(suppliers.Contains).Select(s => (int?)s).FirstOrDefault());
    }

    private sealed record Reader(bool Inside, int? Supplier)
    {
        public bool MayRead(ItemVisibility visibility, bool suppliersMayRead) =>
            visibility == ItemVisibility.Public || Inside || (suppliersMayRead && Supplier is not null);
    }

    /// <summary>Public for everyone; an item of a product in <see cref="Inside"/> for its co-owners' people; <see cref="SupplierOf"/> where the item lets suppliers read.</summary>
    public sealed record ReaderScope(bool All, IReadOnlySet<int> Inside, IReadOnlySet<int> SupplierOf)
    {
        public static ReaderScope Nothing { get; } = new(false, new HashSet<int>(), new HashSet<int>());

        public static ReaderScope Everything { get; } = new(true, new HashSet<int>(), new HashSet<int>());

        public bool MayRead(int productId, ItemVisibility visibility, bool suppliersMayRead) =>
            visibility == ItemVisibility.Public || IsInside(productId) || (suppliersMayRead && SupplierOf.Contains(productId));

        public bool IsInside(int productId) => All || Inside.Contains(productId);
    }

    /// <summary>Who wrote an item without an organisation, as the page and the feed name them: a role, never a person.</summary>
    public static string Author(GrantRole? role, string product) =>
        role == GrantRole.ProductCoordinator ? Texts.Format("Community_ProductCoordinatorOf", product) : Texts.Get("Community_Secretariat");

    private static Task<string> SlugAsync(OS2HubDbContext db, int productId, CancellationToken ct) =>
        db.Products.Where(p => p.Id == productId).Select(p => p.Slug).SingleAsync(ct);

    private static List<int> ParseIds(string? ids) =>
        (ids ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(x => int.TryParse(x.TrimStart('#'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : -1)
            .Where(id => id > 0).Distinct().ToList();

    private static string Excerpt(string markdown) => markdown.Length <= 400 ? markdown : markdown[..400] + " …";

    private static DateTime Utc(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
