using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Economy;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Wishes;

/// <summary>
/// Development wishes: raising, support, co-funding and the produktkoordinator's decisions. Every action reads the
/// user's grants in its own short-lived context and is refused here, whatever the page shows; a refused action
/// changes nothing. One support and one pledge per authority is the database's rule (unique indexes), so two
/// colleagues clicking at once give one.
/// </summary>
public sealed class WishService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock, WishNotifier notifier)
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 10_000;
    public const int MaxNeed = 2_000;
    public const int MaxReason = 500;
    public const int MaxComment = 4_000;
    public const int MaxDecisionReason = 1_000;
    public const int MaxRelease = 100;
    public const long MaxCost = 1_000_000_000;

    // ---- Reading ----

    public async Task<WishList?> ListAsync(string? userId, string slug, WishQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Id, p.Slug, p.Name }).FirstOrDefaultAsync(ct);
        if (product is null)
        {
            return null;
        }

        var access = await AccessService.ForAsync(db, userId, ct);
        var decides = access.Decides(product.Id);
        var coOwners = await CoOwnersAsync(db, product.Id, ct);
        var rows = await RowsAsync(db, db.Wishes.Where(w => w.ProductId == product.Id), coOwners, decides, ct);
        return new WishList(product.Id, product.Slug, product.Name, Filter(rows, query), decides,
            await RaiseForAsync(db, access, product.Id, coOwners, ct), await ProposeAsAsync(db, access, product.Id, ct));
    }

    /// <summary>
    /// The wishes that concern the user's authorities (raised for, supported or pledged by them, or on a product they
    /// co-own), the products they coordinate, or the products their supplier serves.
    /// </summary>
    public async Task<IReadOnlyList<WishRow>> MineAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await AccessService.ForAsync(db, userId, ct);
        var authorities = access.Authorities.ToList();
        var coordinated = access.CoordinatedProducts.ToList();
        var suppliers = access.Suppliers.ToList();
        var today = Today();
        var products = await db.Participations.Where(Dated.NotEndedOn<Participation>(today))
            .Where(x => authorities.Contains(x.OrganisationId) || suppliers.Contains(x.OrganisationId))
            .Select(x => x.ProductId).Distinct().ToListAsync(ct);
        products.AddRange(coordinated);
        var wishes = db.Wishes.Where(w => products.Contains(w.ProductId)
            || (w.OrganisationId != null && authorities.Contains(w.OrganisationId.Value))
            || w.Supports.Any(s => authorities.Contains(s.OrganisationId)));
        var rows = await RowsAsync(db, wishes, null, false, ct);
        return rows.Where(r => r.Status != WishStatus.Merged)
            .OrderBy(r => r.Status is WishStatus.Delivered or WishStatus.Rejected ? 1 : 0).ThenBy(r => r.ProductName, StringComparer.Create(CultureInfo.GetCultureInfo("da-DK"), false))
            .ThenBy(r => r.Rank ?? int.MaxValue).ThenByDescending(r => r.CreatedAt).ToList();
    }

    /// <summary>The first three prioritised and the three latest delivered, for the product page.</summary>
    public async Task<WishHighlights> HighlightsAsync(int productId, CancellationToken ct = default)
    {
        // On every product page: six rows and a count from the database, whatever the number of wishes.
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.Wishes.Where(w => w.ProductId == productId && w.HiddenAt == null);
        var coOwners = await CoOwnersAsync(db, productId, ct);
        var top = await RowsAsync(db, visible.Where(w => w.Status == WishStatus.Prioritised).OrderBy(w => w.Rank).Take(3), coOwners, false, ct, searchable: false);
        var delivered = await RowsAsync(db, visible.Where(w => w.Status == WishStatus.Delivered).OrderByDescending(w => w.UpdatedAt).Take(3), coOwners, false, ct, searchable: false);
        var open = await visible.CountAsync(w => w.Status == WishStatus.New || w.Status == WishStatus.UnderReview || w.Status == WishStatus.Prioritised || w.Status == WishStatus.InDevelopment, ct);
        return new WishHighlights(top.OrderBy(r => r.Rank).ToList(), delivered, open);
    }

    public async Task<WishDetails?> GetAsync(string? userId, string slug, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var wish = await db.Wishes.AsNoTracking().Include(w => w.Product).Include(w => w.Organisation).Include(w => w.Supplier)
            .FirstOrDefaultAsync(w => w.Id == id && w.Product!.Slug == slug, ct);
        if (wish is null)
        {
            return null;
        }

        var access = await AccessService.ForAsync(db, userId, ct);
        var coOwners = await CoOwnersAsync(db, wish.ProductId, ct);
        var suppliers = await SuppliersAsync(db, wish.ProductId, ct);
        var decides = access.Decides(wish.ProductId);
        var ofSupplier = access.Suppliers.Any(suppliers.Contains);
        var seesNames = decides || access.Employers.Any(coOwners.Contains) || ofSupplier;

        // What each authority would pay is the IT-koordinator's business, not every Medarbejder's.
        var seesAmounts = decides || access.Authorities.Any(coOwners.Contains);
        var hidden = wish.HiddenAt is not null && !decides;

        var supportRows = hidden ? [] : await db.WishSupports.AsNoTracking().Where(s => s.WishId == id).OrderBy(s => s.CreatedAt).ToListAsync(ct);
        var commentRows = hidden ? [] : await db.WishComments.AsNoTracking().Where(c => c.WishId == id).OrderBy(c => c.Id).ToListAsync(ct);
        var eventRows = await db.WishEvents.AsNoTracking().Where(e => e.WishId == id).OrderBy(e => e.Id).ToListAsync(ct);

        // Only the people and organisations this wish names, whatever the size of the hub.
        var userIds = supportRows.Select(s => s.UserId).Concat(commentRows.Select(c => c.UserId)).Concat(eventRows.Select(e => e.UserId)).Append(wish.CreatedByUserId).Distinct().ToList();
        var names = seesNames ? await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct) : [];
        string? Person(string? user) => seesNames && user is not null ? names.GetValueOrDefault(user) : null;
        var orgIds = supportRows.Select(s => s.OrganisationId).Concat(commentRows.Select(c => c.OrganisationId ?? 0)).Concat(eventRows.Select(e => e.OrganisationId ?? 0)).Distinct().ToList();
        var orgNames = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

        var supporters = supportRows
            .Select(s => new WishSupporter(s.OrganisationId, orgNames[s.OrganisationId], coOwners.Contains(s.OrganisationId), s.Reason, Person(s.UserId), s.CreatedAt)).ToList();
        var comments = commentRows
            .Select(c => new WishCommentView(c.Id, c.OrganisationId is { } o ? orgNames[o] : null, c.OrganisationId is { } s && suppliers.Contains(s) && !coOwners.Contains(s),
                Person(c.UserId), c.Text, seesAmounts || c.SupplierEstimate is null ? c.SupplierEstimate : null, c.CreatedAt)).ToList();
        var events = eventRows
            .Select(e => new WishEventView(e.At, Person(e.UserId), e.Kind,
                seesAmounts || e.Kind != WishEventKind.Estimate ? e.From : null, seesAmounts || e.Kind != WishEventKind.Estimate ? e.To : null,
                e.OrganisationId is { } o ? orgNames[o] : null)).ToList();
        var pledgers = await db.WishPledges.Where(p => p.WishId == id).Select(p => p.OrganisationId).ToListAsync(ct);
        var actsFor = await ActingAsync(db, access, coOwners, ct);
        var viewerOrg = access.Authorities.FirstOrDefault(coOwners.Contains);
        var funding = wish.EstimatedCost is { } cost && !hidden ? await FundingAsync(db, wish, cost, pledgers, coOwners, viewerOrg == 0 ? null : viewerOrg, ct) : null;
        var commentsAs = CommentsAs(access, coOwners, suppliers);
        var viewer = new WishViewer(userId is not null, decides, seesNames, seesAmounts, actsFor,
            access.Authorities.Where(a => coOwners.Contains(a)).ToList(), commentsAs.Organisation, commentsAs.AsSupplier, commentsAs.Allowed || decides);
        var mergedInto = wish.MergedIntoId is { } into ? await db.Wishes.Where(w => w.Id == into).Select(w => w.Title).FirstOrDefaultAsync(ct) : null;
        return new WishDetails(wish.Id, wish.ProductId, wish.Product!.Slug, wish.Product.Name, hidden ? Texts.Get("Wish_HiddenTitle") : wish.Title,
            hidden ? null : wish.Description, hidden ? null : wish.Need, wish.Status, wish.Rank, wish.DecidedBy, wish.DecidedOn, wish.RejectionReason, wish.DeliveredIn,
            wish.MergedIntoId, mergedInto, wish.Organisation?.Name, wish.Supplier?.Name, hidden ? null : wish.IssueUrl, hidden ? null : wish.SpecificationUrl,
            seesAmounts ? wish.EstimatedCost : null, wish.PaymentYear, wish.CreatedAt, Person(wish.CreatedByUserId),
            wish.HiddenAt, wish.HiddenByRole, wish.RedactedAt, wish.RedactedByRole, supporters, comments, events, pledgers.Count,
            seesAmounts ? funding : null, viewer);
    }

    /// <summary>The open API's list: no person, no amount per authority; hidden wishes left out.</summary>
    public async Task<IReadOnlyList<ApiWish>?> ApiAsync(string slug, Uri baseUrl, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Id, p.Slug }).FirstOrDefaultAsync(ct);
        if (product is null)
        {
            return null;
        }

        var coOwners = await CoOwnersAsync(db, product.Id, ct);
        var wishes = await db.Wishes.AsNoTracking().Where(w => w.ProductId == product.Id && w.HiddenAt == null)
            .Include(w => w.Organisation).Include(w => w.Supports).ThenInclude(s => s.Organisation).Include(w => w.Pledges)
            .OrderBy(w => w.Id).AsSplitQuery().ToListAsync(ct);
        var result = new List<ApiWish>();
        foreach (var w in wishes)
        {
            var pledged = w.EstimatedCost is { } cost && w.Pledges.Count > 0
                ? (await FundingAsync(db, w, cost, w.Pledges.Select(p => p.OrganisationId).ToList(), new HashSet<int>(), null, ct)).Pledged : 0; // the total only: no "if all pledged" column
            result.Add(new ApiWish(w.Id, w.Title, ApiCodes(w.Status), w.Rank, w.Organisation?.Name, w.SupplierId is not null, w.DeliveredIn,
                w.Supports.Where(s => coOwners.Contains(s.OrganisationId)).Select(s => s.Organisation!.Slug).ToList(),
                w.Supports.Where(s => !coOwners.Contains(s.OrganisationId)).Select(s => s.Organisation!.Slug).ToList(),
                w.Pledges.Count, w.EstimatedCost, pledged, w.CreatedAt, new Uri(baseUrl, $"produkter/{product.Slug}/oensker/{w.Id}").ToString()));
        }

        return result;
    }

    public static string ApiCodes(WishStatus status) => status switch
    {
        WishStatus.New => "new",
        WishStatus.UnderReview => "under-review",
        WishStatus.Prioritised => "prioritised",
        WishStatus.InDevelopment => "in-development",
        WishStatus.Delivered => "delivered",
        WishStatus.Rejected => "rejected",
        _ => "merged",
    };

    // ---- Raising, commenting ----

    /// <summary>
    /// An IT-koordinator raises a wish for its own co-owning authority; the produktkoordinator and the secretariat for a
    /// co-owning authority they name; a supplier contact of the product proposes one in its supplier's name.
    /// </summary>
    public async Task<OperationResult> RaiseAsync(string userId, WishInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await AccessService.ForAsync(db, userId, ct);
        if (input.OrganisationId is not { } organisationId || !await db.Products.AnyAsync(p => p.Id == input.ProductId, ct))
        {
            return OperationResult.Denied;
        }

        var coOwners = await CoOwnersAsync(db, input.ProductId, ct);
        var suppliers = await SuppliersAsync(db, input.ProductId, ct);
        var asAuthority = coOwners.Contains(organisationId) && (access.Authorities.Contains(organisationId) || access.Decides(input.ProductId));
        var asSupplier = !asAuthority && suppliers.Contains(organisationId) && access.Suppliers.Contains(organisationId);
        if (!asAuthority && !asSupplier)
        {
            return OperationResult.Denied;
        }

        var errors = new Dictionary<string, string>();
        var title = InputRules.Clean(input.Title);
        if (title is null)
        {
            errors[nameof(input.Title)] = Texts.Get("Wish_Error_TitleRequired");
        }
        else if (title.Length > MaxTitle)
        {
            errors[nameof(input.Title)] = Texts.Format("Wish_Error_TooLong", MaxTitle);
        }

        Check(errors, nameof(input.Description), input.Description, MaxDescription);
        Check(errors, nameof(input.Need), input.Need, MaxNeed);
        foreach (var (field, value) in new[] { (nameof(input.IssueUrl), input.IssueUrl), (nameof(input.SpecificationUrl), input.SpecificationUrl) })
        {
            if (!InputRules.IsWebAddressOrEmpty(value))
            {
                errors[field] = Texts.Get("Common_Error_HttpsUrl");
            }
        }

        if (errors.Count > 0)
        {
            return OperationResult.Invalid(Texts.Get("Common_Error_FixMarked"), errors);
        }

        var now = Now();
        var wish = new Wish
        {
            ProductId = input.ProductId, Title = title!, Description = InputRules.Clean(input.Description), Need = InputRules.Clean(input.Need),
            OrganisationId = asAuthority ? organisationId : null, SupplierId = asSupplier ? organisationId : null,
            IssueUrl = InputRules.Clean(input.IssueUrl), SpecificationUrl = InputRules.Clean(input.SpecificationUrl),
            Status = WishStatus.New, CreatedByUserId = userId, CreatedAt = now, UpdatedAt = now,
        };
        wish.Events.Add(new WishEvent { At = now, UserId = userId, Kind = asAuthority ? WishEventKind.Raised : WishEventKind.Proposed, OrganisationId = organisationId });
        db.Wishes.Add(wish);
        await db.SaveChangesAsync(ct);
        await notifier.RaisedAsync(wish.Id, ct);
        return OperationResult.Ok(wish.Id);
    }

    /// <summary>Deciders, the product's co-owners and its suppliers comment; only a supplier gives an estimate.</summary>
    public async Task<OperationResult> CommentAsync(string userId, int wishId, string? text, long? supplierEstimate, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Wishes.AsNoTracking().FirstOrDefaultAsync(w => w.Id == wishId, ct) is not { } wish)
        {
            return OperationResult.NotFound;
        }

        var access = await AccessService.ForAsync(db, userId, ct);
        var coOwners = await CoOwnersAsync(db, wish.ProductId, ct);
        var suppliers = await SuppliersAsync(db, wish.ProductId, ct);
        var speaksFor = CommentsAs(access, coOwners, suppliers);
        if (!speaksFor.Allowed && !access.Decides(wish.ProductId))
        {
            return OperationResult.Denied;
        }

        if (supplierEstimate is not null && !speaksFor.AsSupplier)
        {
            return OperationResult.Denied;
        }

        var clean = InputRules.Clean(text);
        if (clean is null || clean.Length > MaxComment)
        {
            var message = clean is null ? Texts.Get("Wish_Error_CommentRequired") : Texts.Format("Wish_Error_TooLong", MaxComment);
            return OperationResult.Invalid(message, new Dictionary<string, string> { ["Text"] = message });
        }

        if (supplierEstimate is < 0 or > MaxCost)
        {
            return OperationResult.Invalid(Texts.Get("Wish_Error_Cost"), new Dictionary<string, string> { ["Estimate"] = Texts.Get("Wish_Error_Cost") });
        }

        db.WishComments.Add(new WishComment { WishId = wishId, UserId = userId, OrganisationId = speaksFor.Organisation, Text = clean, SupplierEstimate = supplierEstimate, CreatedAt = Now() });
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok();
    }

    // ---- Support and pledges ----

    /// <summary>
    /// An authority's support (a co-owner's) or interest (anyone else's), given by its IT-koordinator or the
    /// secretariat; once per authority. Not for a wish that is settled.
    /// </summary>
    public async Task<OperationResult> SupportAsync(string userId, int wishId, int organisationId, string? reason, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await AccessService.ForAsync(db, userId, ct);
        if (!access.ActsFor(organisationId))
        {
            return OperationResult.Denied;
        }

        var wish = await db.Wishes.FirstOrDefaultAsync(w => w.Id == wishId, ct);
        var authority = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        if (wish is null || authority is null || (wish.HiddenAt is not null && !access.Decides(wish.ProductId)))
        {
            return OperationResult.NotFound;
        }

        if (authority.Kind == OrganisationKind.Company)
        {
            return OperationResult.Denied;
        }

        if (wish.Status is WishStatus.Delivered or WishStatus.Rejected or WishStatus.Merged)
        {
            return OperationResult.Invalid(Texts.Get("Wish_Error_Settled"));
        }

        var clean = InputRules.Clean(reason);
        if (clean?.Length > MaxReason)
        {
            return OperationResult.Invalid(Texts.Format("Wish_Error_TooLong", MaxReason), new Dictionary<string, string> { ["Reason"] = Texts.Format("Wish_Error_TooLong", MaxReason) });
        }

        if (await db.WishSupports.AnyAsync(s => s.WishId == wishId && s.OrganisationId == organisationId, ct))
        {
            return OperationResult.Conflict(Texts.Format("Wish_Error_AlreadySupports", authority.Name));
        }

        var now = Now();
        db.WishSupports.Add(new WishSupport { WishId = wishId, OrganisationId = organisationId, UserId = userId, Reason = clean, CreatedAt = now });
        db.WishEvents.Add(new WishEvent { WishId = wishId, At = now, UserId = userId, Kind = WishEventKind.Supported, OrganisationId = organisationId });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // A colleague's click got there first: the authority supports the wish once, as asked.
            return OperationResult.Conflict(Texts.Format("Wish_Error_AlreadySupports", authority.Name));
        }

        return OperationResult.Ok();
    }

    public async Task<OperationResult> WithdrawSupportAsync(string userId, int wishId, int organisationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await AccessService.ForAsync(db, userId, ct);
        if (!access.ActsFor(organisationId))
        {
            return OperationResult.Denied;
        }

        var wish = await db.Wishes.AsNoTracking().FirstOrDefaultAsync(w => w.Id == wishId, ct);
        var support = await db.WishSupports.FirstOrDefaultAsync(s => s.WishId == wishId && s.OrganisationId == organisationId, ct);
        if (wish is null || support is null)
        {
            return OperationResult.NotFound;
        }

        if (!wish.IsUndecided)
        {
            return OperationResult.Invalid(Texts.Get("Wish_Error_Decided"));
        }

        db.WishSupports.Remove(support);
        db.WishEvents.Add(new WishEvent { WishId = wishId, At = Now(), UserId = userId, Kind = WishEventKind.SupportWithdrawn, OrganisationId = organisationId });
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok();
    }

    /// <summary>
    /// A co-owning authority's intention to co-fund, made by its own IT-koordinator (not the secretariat: it is the
    /// authority's money), once the produktkoordinator has put a cost on the wish and until it is decided.
    /// </summary>
    public async Task<OperationResult> PledgeAsync(string userId, int wishId, int organisationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await AccessService.ForAsync(db, userId, ct);
        if (!access.Authorities.Contains(organisationId))
        {
            return OperationResult.Denied;
        }

        var wish = await db.Wishes.AsNoTracking().FirstOrDefaultAsync(w => w.Id == wishId && w.HiddenAt == null, ct);
        if (wish is null)
        {
            return OperationResult.NotFound;
        }

        if (!(await CoOwnersAsync(db, wish.ProductId, ct)).Contains(organisationId))
        {
            return OperationResult.Denied;
        }

        if (wish.EstimatedCost is null)
        {
            return OperationResult.Invalid(Texts.Get("Wish_Error_NoEstimate"));
        }

        if (!wish.IsUndecided)
        {
            return OperationResult.Invalid(Texts.Get("Wish_Error_Decided"));
        }

        if (await db.WishPledges.AnyAsync(p => p.WishId == wishId && p.OrganisationId == organisationId, ct))
        {
            return OperationResult.Conflict(Texts.Get("Wish_Error_AlreadyPledged"));
        }

        var now = Now();
        db.WishPledges.Add(new WishPledge { WishId = wishId, OrganisationId = organisationId, UserId = userId, CreatedAt = now });
        db.WishEvents.Add(new WishEvent { WishId = wishId, At = now, UserId = userId, Kind = WishEventKind.Pledged, OrganisationId = organisationId });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return OperationResult.Conflict(Texts.Get("Wish_Error_AlreadyPledged"));
        }

        return OperationResult.Ok();
    }

    public async Task<OperationResult> WithdrawPledgeAsync(string userId, int wishId, int organisationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await AccessService.ForAsync(db, userId, ct);
        if (!access.Authorities.Contains(organisationId))
        {
            return OperationResult.Denied;
        }

        var wish = await db.Wishes.AsNoTracking().FirstOrDefaultAsync(w => w.Id == wishId, ct);
        var pledge = await db.WishPledges.FirstOrDefaultAsync(p => p.WishId == wishId && p.OrganisationId == organisationId, ct);
        if (wish is null || pledge is null)
        {
            return OperationResult.NotFound;
        }

        if (!wish.IsUndecided)
        {
            return OperationResult.Invalid(Texts.Get("Wish_Error_Decided"));
        }

        db.WishPledges.Remove(pledge);
        db.WishEvents.Add(new WishEvent { WishId = wishId, At = Now(), UserId = userId, Kind = WishEventKind.PledgeWithdrawn, OrganisationId = organisationId });
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok();
    }

    // ---- The produktkoordinator's decisions ----

    /// <summary>The estimate the pledges split, and the budget year it is expected to be paid.</summary>
    public async Task<OperationResult> SetEstimateAsync(string userId, int wishId, long? cost, int? paymentYear, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (wish, denied) = await DecidedWishAsync(db, userId, wishId, ct);
        if (wish is null)
        {
            return denied!;
        }

        var errors = new Dictionary<string, string>();
        if (cost is < 1 or > MaxCost)
        {
            errors["Cost"] = Texts.Get("Wish_Error_Cost");
        }

        if (cost is not null && paymentYear is null)
        {
            errors["PaymentYear"] = Texts.Format("Economy_Error_Year", BudgetYears.Min, BudgetYears.Max);
        }
        else if (paymentYear is { } y && !BudgetYears.IsValid(y))
        {
            errors["PaymentYear"] = Texts.Format("Economy_Error_Year", BudgetYears.Min, BudgetYears.Max);
        }

        if (errors.Count > 0)
        {
            return OperationResult.Invalid(Texts.Get("Common_Error_FixMarked"), errors);
        }

        Record(db, wish, userId, WishEventKind.Estimate, Amount(wish.EstimatedCost, wish.PaymentYear), Amount(cost, cost is null ? null : paymentYear));
        (wish.EstimatedCost, wish.PaymentYear) = (cost, cost is null ? null : paymentYear);
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok();
    }

    /// <summary>
    /// Records a decision or a step. Prioritised and afvist carry the forum and the date decided (afvist its reason,
    /// which everyone sees); leveret the version; a newly prioritised wish goes to the bottom of the order.
    /// </summary>
    public async Task<OperationResult> SetStatusAsync(string userId, int wishId, StatusInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (wish, denied) = await DecidedWishAsync(db, userId, wishId, ct);
        if (wish is null)
        {
            return denied!;
        }

        var errors = new Dictionary<string, string>();
        if (input.Status == WishStatus.Merged || !Enum.IsDefined(input.Status) || wish.Status == WishStatus.Merged)
        {
            errors[nameof(input.Status)] = Texts.Get("Wish_Error_Status");
        }

        var decision = input.Status is WishStatus.Prioritised or WishStatus.Rejected;
        if (decision && (input.Forum is null || !Enum.IsDefined(input.Forum.Value)))
        {
            errors[nameof(input.Forum)] = Texts.Get("Wish_Error_Forum");
        }

        if (decision && (input.DecidedOn is null || input.DecidedOn > Today()))
        {
            errors[nameof(input.DecidedOn)] = Texts.Get("Wish_Error_DecidedOn");
        }

        var reason = InputRules.Clean(input.Reason);
        if (input.Status == WishStatus.Rejected && (reason is null || reason.Length > MaxDecisionReason))
        {
            errors[nameof(input.Reason)] = reason is null ? Texts.Get("Wish_Error_ReasonRequired") : Texts.Format("Wish_Error_TooLong", MaxDecisionReason);
        }

        var release = InputRules.Clean(input.DeliveredIn);
        if (input.Status == WishStatus.Delivered && (release is null || release.Length > MaxRelease))
        {
            errors[nameof(input.DeliveredIn)] = release is null ? Texts.Get("Wish_Error_ReleaseRequired") : Texts.Format("Wish_Error_TooLong", MaxRelease);
        }

        if (errors.Count > 0)
        {
            return OperationResult.Invalid(Texts.Get("Common_Error_FixMarked"), errors);
        }

        if (input.Status == wish.Status && !decision && input.Status != WishStatus.Delivered)
        {
            return OperationResult.Ok(); // nothing to record
        }

        var from = wish.Status;
        if (from == WishStatus.Prioritised && input.Status != WishStatus.Prioritised)
        {
            await CloseGapAsync(db, wish, ct);
        }
        else if (from != WishStatus.Prioritised && input.Status == WishStatus.Prioritised)
        {
            wish.Rank = (await db.Wishes.Where(w => w.ProductId == wish.ProductId && w.Status == WishStatus.Prioritised).MaxAsync(w => w.Rank, ct) ?? 0) + 1;
        }

        wish.Status = input.Status;
        if (decision)
        {
            (wish.DecidedBy, wish.DecidedOn) = (input.Forum, input.DecidedOn);
        }

        wish.RejectionReason = input.Status == WishStatus.Rejected ? reason : null;
        wish.DeliveredIn = input.Status == WishStatus.Delivered ? release : wish.DeliveredIn;
        Record(db, wish, userId, WishEventKind.Status, from.ToString(), input.Status.ToString());
        await db.SaveChangesAsync(ct);
        await notifier.StatusChangedAsync(wish.Id, from, input.Status, ct);
        return OperationResult.Ok();
    }

    /// <summary>Moves a prioritised wish one place up (-1) or down (+1) by swapping with its neighbour.</summary>
    public async Task<OperationResult> MoveAsync(string userId, int wishId, int step, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (wish, denied) = await DecidedWishAsync(db, userId, wishId, ct);
        if (wish is null)
        {
            return denied!;
        }

        if (wish.Status != WishStatus.Prioritised || step is not (-1 or 1))
        {
            return OperationResult.Invalid(Texts.Get("Wish_Error_NotPrioritised"));
        }

        var others = db.Wishes.Where(w => w.ProductId == wish.ProductId && w.Status == WishStatus.Prioritised && w.Id != wish.Id);
        var neighbour = step < 0
            ? await others.Where(w => w.Rank < wish.Rank).OrderByDescending(w => w.Rank).FirstOrDefaultAsync(ct)
            : await others.Where(w => w.Rank > wish.Rank).OrderBy(w => w.Rank).FirstOrDefaultAsync(ct);
        if (neighbour is null)
        {
            return OperationResult.Ok(); // already at the top or bottom
        }

        var from = wish.Rank;
        (wish.Rank, neighbour.Rank) = (neighbour.Rank, wish.Rank);
        Record(db, wish, userId, WishEventKind.Moved, from?.ToString(CultureInfo.InvariantCulture), wish.Rank?.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok();
    }

    /// <summary>
    /// Lays a wish together with another of the same product. Its support carries over, once per authority; its
    /// pledges do not (the other wish has its own cost), and the pledgers are told.
    /// </summary>
    public async Task<OperationResult> MergeAsync(string userId, int wishId, int intoId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (wish, denied) = await DecidedWishAsync(db, userId, wishId, ct);
        if (wish is null)
        {
            return denied!;
        }

        var into = await db.Wishes.FirstOrDefaultAsync(w => w.Id == intoId && w.ProductId == wish.ProductId, ct);
        if (into is null || into.Id == wish.Id || into.Status == WishStatus.Merged || wish.Status == WishStatus.Merged)
        {
            return OperationResult.Invalid(Texts.Get("Wish_Error_MergeTarget"), new Dictionary<string, string> { ["Into"] = Texts.Get("Wish_Error_MergeTarget") });
        }

        var now = Now();
        var already = await db.WishSupports.Where(s => s.WishId == into.Id).Select(s => s.OrganisationId).ToListAsync(ct);
        foreach (var support in await db.WishSupports.AsNoTracking().Where(s => s.WishId == wish.Id && !already.Contains(s.OrganisationId)).ToListAsync(ct))
        {
            db.WishSupports.Add(new WishSupport { WishId = into.Id, OrganisationId = support.OrganisationId, UserId = support.UserId, Reason = support.Reason, CreatedAt = support.CreatedAt });
        }

        var lapsed = await db.WishPledges.Where(p => p.WishId == wish.Id).ToListAsync(ct);
        db.WishPledges.RemoveRange(lapsed);
        foreach (var pledge in lapsed)
        {
            db.WishEvents.Add(new WishEvent { WishId = wish.Id, At = now, UserId = userId, Kind = WishEventKind.PledgesLapsed, OrganisationId = pledge.OrganisationId });
        }

        if (wish.Status == WishStatus.Prioritised)
        {
            await CloseGapAsync(db, wish, ct);
        }

        var from = wish.Status;
        (wish.Status, wish.MergedIntoId) = (WishStatus.Merged, into.Id);
        Record(db, wish, userId, WishEventKind.Merged, from.ToString(), into.Id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        await notifier.MergedAsync(wish.Id, into.Id, lapsed.Select(p => p.OrganisationId).ToList(), ct);
        return OperationResult.Ok();
    }

    /// <summary>Hides a wish from everyone but the deciders, or shows it again; the note says who (by role) and when.</summary>
    public async Task<OperationResult> HideAsync(string userId, int wishId, bool hide, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (wish, denied) = await DecidedWishAsync(db, userId, wishId, ct);
        if (wish is null)
        {
            return denied!;
        }

        if (hide == (wish.HiddenAt is not null))
        {
            return OperationResult.Ok();
        }

        var role = await RoleAsync(db, userId, ct);
        (wish.HiddenAt, wish.HiddenByRole) = hide ? (Now(), role) : ((DateTime?)null, (GrantRole?)null);
        Record(db, wish, userId, hide ? WishEventKind.Hidden : WishEventKind.Shown, null, null);
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok();
    }

    /// <summary>
    /// Removes the description and the need (personal data, a weakness), and replaces the title when one is given;
    /// the wish, its support and history stay, with a note of who (by role) and when.
    /// </summary>
    public async Task<OperationResult> RedactAsync(string userId, int wishId, string? newTitle, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (wish, denied) = await DecidedWishAsync(db, userId, wishId, ct);
        if (wish is null)
        {
            return denied!;
        }

        var title = InputRules.Clean(newTitle);
        if (title?.Length > MaxTitle)
        {
            return OperationResult.Invalid(Texts.Format("Wish_Error_TooLong", MaxTitle), new Dictionary<string, string> { ["Title"] = Texts.Format("Wish_Error_TooLong", MaxTitle) });
        }

        (wish.Description, wish.Need, wish.Title) = (null, null, title ?? wish.Title);
        (wish.RedactedAt, wish.RedactedByRole) = (Now(), await RoleAsync(db, userId, ct));
        Record(db, wish, userId, WishEventKind.Redacted, null, null);
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok();
    }

    // ---- Co-funding ----

    /// <summary>
    /// Splits the estimate over the pledgers by the product's key for the payment year (the association's key when
    /// the product has no fee sheet), with the shared economy's largest-remainder rounding and without the
    /// secretariat's percentage. Public so the split can be checked on its own.
    /// </summary>
    internal async Task<WishFunding> FundingAsync(OS2HubDbContext db, Wish wish, long cost, IReadOnlyList<int> pledgers, IReadOnlySet<int> coOwners, int? viewerOrganisation, CancellationToken ct)
    {
        var year = wish.PaymentYear ?? Today().Year + 1;
        var terms = await EconomyService.TermsAsync(db, wish.ProductId, year, ct);
        var keyKind = terms?.Key ?? DistributionKey.AssociationKey;
        var associationKey = await EconomyService.KeyAsync(db, year, ct);
        var noKey = associationKey is null && keyKind == DistributionKey.AssociationKey;
        var key = (associationKey ?? new AssociationKey(year, 1, 1, 1, 1, 0, null, false)) with { SecretariatPercent = 0 };
        var fundingTerms = new FeeTerms(year, cost, 0, keyKind, false);

        var wanted = pledgers.Concat(coOwners).Append(viewerOrganisation ?? 0).Distinct().ToList();
        var members = (await db.Organisations.AsNoTracking().Include(o => o.PopulationFigures).Include(o => o.SizeAssessments)
                .Where(o => wanted.Contains(o.Id)).ToListAsync(ct))
            .ToDictionary(o => o.Id, o => EconomyService.MemberFor(o, year));
        List<EconomyMember> Of(IEnumerable<int> ids) => ids.Where(members.ContainsKey).Select(id => members[id])
            .OrderBy(m => m.Code ?? "\uffff", StringComparer.Ordinal).ThenBy(m => m.Slug, StringComparer.Ordinal).ToList();

        var now = EconomyService.Compute(year, fundingTerms, key, Of(pledgers));
        var all = EconomyService.Compute(year, fundingTerms, key, Of(pledgers.Union(coOwners)));
        MemberShare? own = null;
        if (viewerOrganisation is { } viewer && !pledgers.Contains(viewer))
        {
            own = EconomyService.Compute(year, fundingTerms, key, Of(pledgers.Append(viewer))).Shares.FirstOrDefault(s => s.Member.OrganisationId == viewer);
        }

        return new WishFunding(year, keyKind, terms is not null, terms is not null && terms.SheetYear != year, cost, noKey ? [] : now.Shares, now.Unplaced,
            noKey ? new Dictionary<int, long>() : all.Shares.ToDictionary(s => s.Member.OrganisationId, s => s.Share), coOwners.Count, noKey ? null : own, noKey);
    }

    // ---- Helpers ----

    /// <param name="searchable">Whether the rows are searched (the list page): only then are the texts read and folded.</param>
    private async Task<List<WishRow>> RowsAsync(OS2HubDbContext db, IQueryable<Wish> wishes, IReadOnlySet<int>? coOwnersOfOne, bool includeHidden, CancellationToken ct, bool searchable = true)
    {
        var list = await wishes.Where(w => includeHidden || w.HiddenAt == null).AsNoTracking()
            .Select(w => new
            {
                w.Id, w.ProductId, ProductSlug = w.Product!.Slug, ProductName = w.Product.Name, w.Title,
                Description = searchable ? w.Description : null, Need = searchable ? w.Need : null, w.Status, w.Rank,
                RaisedFor = w.Organisation!.Name, ProposedBy = w.Supplier!.Name, Supporters = w.Supports.Select(s => s.OrganisationId).ToList(),
                Pledgers = w.Pledges.Count, w.CreatedAt, w.HiddenAt,
            }).ToListAsync(ct);
        var productIds = list.Select(w => w.ProductId).Distinct().ToList();
        var today = Today();
        var coOwners = coOwnersOfOne is not null && productIds.Count <= 1
            ? productIds.ToDictionary(id => id, _ => coOwnersOfOne)
            : (await db.Participations.Where(Dated.CurrentOn(today, ParticipationKind.Member)).Where(x => productIds.Contains(x.ProductId))
                .Select(x => new { x.ProductId, x.OrganisationId }).ToListAsync(ct))
                .GroupBy(x => x.ProductId).ToDictionary(g => g.Key, g => (IReadOnlySet<int>)g.Select(x => x.OrganisationId).ToHashSet());
        return list.Select(w =>
        {
            var owners = coOwners.GetValueOrDefault(w.ProductId) ?? new HashSet<int>();
            var supporting = w.Supporters.Count(owners.Contains);
            return new WishRow(w.Id, w.ProductSlug, w.ProductName, w.Title, w.Status, w.Rank, w.RaisedFor, w.ProposedBy,
                supporting, w.Supporters.Count - supporting, w.Pledgers, w.CreatedAt, w.HiddenAt is not null)
            {
                SearchKey = searchable ? TextFolding.SearchKey(w.Title, w.Description, w.Need, w.RaisedFor, w.ProposedBy) : "",
            };
        }).ToList();
    }

    private static List<WishRow> Filter(List<WishRow> rows, WishQuery query)
    {
        var terms = TextFolding.SearchTerms(query.Search);
        var found = rows.Where(r => (query.Status is null ? r.Status != WishStatus.Merged : r.Status == query.Status) && TextFolding.Matches(r.SearchKey, terms));
        return (query.Sort switch
        {
            WishSort.Support => found.OrderByDescending(r => r.Supporters).ThenByDescending(r => r.Interested).ThenByDescending(r => r.CreatedAt),
            WishSort.Newest => found.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id),
            _ => found.OrderBy(r => StatusOrder(r.Status)).ThenBy(r => r.Rank ?? int.MaxValue).ThenByDescending(r => r.Supporters).ThenByDescending(r => r.CreatedAt),
        }).ToList();
    }

    /// <summary>The order of the priority sort: the koordinationsgruppe's list first, then what is being worked on, then the rest.</summary>
    private static int StatusOrder(WishStatus status) => status switch
    {
        WishStatus.Prioritised => 0,
        WishStatus.InDevelopment => 1,
        WishStatus.UnderReview => 2,
        WishStatus.New => 3,
        WishStatus.Delivered => 4,
        _ => 5,
    };

    private async Task<IReadOnlySet<int>> CoOwnersAsync(OS2HubDbContext db, int productId, CancellationToken ct)
    {
        var today = Today();
        return (await db.Participations.Where(Dated.CurrentOn(today, ParticipationKind.Member)).Where(x => x.ProductId == productId)
            .Select(x => x.OrganisationId).Distinct().ToListAsync(ct)).ToHashSet();
    }

    private async Task<IReadOnlySet<int>> SuppliersAsync(OS2HubDbContext db, int productId, CancellationToken ct)
    {
        var today = Today();
        return (await db.Participations.Where(Dated.CurrentOn(today, ParticipationKind.Supplier)).Where(x => x.ProductId == productId)
            .Select(x => x.OrganisationId).Distinct().ToListAsync(ct)).ToHashSet();
    }

    /// <summary>The co-owners the user may raise a wish for: its own as IT-koordinator, any as a decider.</summary>
    private static async Task<IReadOnlyList<ActingAuthority>> RaiseForAsync(OS2HubDbContext db, UserAccess access, int productId, IReadOnlySet<int> coOwners, CancellationToken ct)
    {
        var ids = access.Decides(productId) ? coOwners.ToList() : access.Authorities.Where(coOwners.Contains).ToList();
        return (await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => new ActingAuthority(o.Id, o.Name, true)).ToList();
    }

    private async Task<int?> ProposeAsAsync(OS2HubDbContext db, UserAccess access, int productId, CancellationToken ct)
    {
        var suppliers = await SuppliersAsync(db, productId, ct);
        return access.Suppliers.Where(suppliers.Contains).Select(s => (int?)s).FirstOrDefault();
    }

    /// <summary>The authorities the user supports for: its own as IT-koordinator (co-owner or not); all co-owners for the secretariat.</summary>
    private static async Task<IReadOnlyList<ActingAuthority>> ActingAsync(OS2HubDbContext db, UserAccess access, IReadOnlySet<int> coOwners, CancellationToken ct)
    {
        var ids = access.IsSecretariat ? coOwners.Union(access.Authorities).ToList() : access.Authorities.ToList();
        return (await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id) && o.Kind != OrganisationKind.Company).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => new ActingAuthority(o.Id, o.Name, coOwners.Contains(o.Id))).ToList();
    }

    private static (bool Allowed, int? Organisation, bool AsSupplier) CommentsAs(UserAccess access, IReadOnlySet<int> coOwners, IReadOnlySet<int> suppliers)
    {
        // A Medarbejder of a co-owner comments too (knowledge sharing); supporting and pledging stay with the IT-koordinator.
        if (access.Employers.FirstOrDefault(coOwners.Contains) is var authority and > 0)
        {
            return (true, authority, false);
        }

        if (access.Suppliers.FirstOrDefault(suppliers.Contains) is var supplier and > 0)
        {
            return (true, supplier, true);
        }

        return (false, null, false);
    }

    private static async Task<(Wish? Wish, OperationResult? Refusal)> DecidedWishAsync(OS2HubDbContext db, string userId, int wishId, CancellationToken ct)
    {
        var wish = await db.Wishes.FirstOrDefaultAsync(w => w.Id == wishId, ct);
        if (wish is null)
        {
            return (null, OperationResult.NotFound);
        }

        return (await AccessService.DecidesAsync(db, userId, wish.ProductId, ct)) ? (wish, null) : (null, OperationResult.Denied);
    }

    /// <summary>Closes the gap a wish leaves in the prioritised order, so ranks stay 1, 2, 3, …</summary>
    private static async Task CloseGapAsync(OS2HubDbContext db, Wish wish, CancellationToken ct)
    {
        foreach (var below in await db.Wishes.Where(w => w.ProductId == wish.ProductId && w.Status == WishStatus.Prioritised && w.Rank > wish.Rank && w.Id != wish.Id).ToListAsync(ct))
        {
            below.Rank--;
        }

        wish.Rank = null;
    }

    private static async Task<GrantRole> RoleAsync(OS2HubDbContext db, string userId, CancellationToken ct) =>
        (await AccessService.ForAsync(db, userId, ct)).IsSecretariat ? GrantRole.Secretariat : GrantRole.ProductCoordinator;

    private void Record(OS2HubDbContext db, Wish wish, string userId, WishEventKind kind, string? from, string? to)
    {
        var now = Now();
        wish.UpdatedAt = now;
        db.WishEvents.Add(new WishEvent { WishId = wish.Id, At = now, UserId = userId, Kind = kind, From = from, To = to });
    }

    private static string? Amount(long? cost, int? year) =>
        cost is null ? null : $"{cost.Value.ToString(CultureInfo.InvariantCulture)} ({year?.ToString(CultureInfo.InvariantCulture)})";

    private static void Check(Dictionary<string, string> errors, string field, string? value, int max)
    {
        if (InputRules.Clean(value)?.Length > max)
        {
            errors[field] = Texts.Format("Wish_Error_TooLong", max);
        }
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
