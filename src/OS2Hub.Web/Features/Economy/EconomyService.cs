using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Economy;

/// <summary>
/// Reads the shared economy: a product's fee sheet applied to a budget year's members, what joining costs an
/// authority, and an authority's yearly total. Everything here is public, as OS2's takstblade are.
/// </summary>
public sealed class EconomyService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
{
    public int CurrentBudgetYear => Today().Year;

    public async Task<ProductEconomy?> ProductAsync(string slug, int? budgetYear = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Id, p.Slug, p.Name }).FirstOrDefaultAsync(ct);
        if (product is null)
        {
            return null;
        }

        var year = budgetYear ?? CurrentBudgetYear;
        var years = await db.FeeSheets.Where(f => f.ProductId == product.Id).OrderBy(f => f.BudgetYear).Select(f => f.BudgetYear).ToListAsync(ct);
        var terms = await TermsAsync(db, product.Id, year, ct);
        var key = await KeyAsync(db, year, ct);
        var view = terms is null || key is null ? null : Compute(year, terms, key, await MembersAsync(db, product.Id, year, ct));
        return new ProductEconomy(product.Id, product.Slug, product.Name, year, view, years, terms is not null && key is null);
    }

    /// <summary>Every budget year the product has a fee sheet for, applied to that year's members; null for an unknown product.</summary>
    public async Task<(string Name, IReadOnlyList<FeeSheetView> Years)?> YearsAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(ct);
        if (product is null)
        {
            return null;
        }

        var views = new List<FeeSheetView>();
        foreach (var year in await db.FeeSheets.Where(f => f.ProductId == product.Id).OrderBy(f => f.BudgetYear).Select(f => f.BudgetYear).ToListAsync(ct))
        {
            if (await KeyAsync(db, year, ct) is { } key && await TermsAsync(db, product.Id, year, ct) is { } terms)
            {
                views.Add(Compute(year, terms, key, await MembersAsync(db, product.Id, year, ct)));
            }
        }

        return (product.Name, views);
    }

    /// <summary>What <paramref name="organisation"/> (slug or 4-digit code) pays if it joins <paramref name="productSlug"/> on <paramref name="joinDate"/> (today if null).</summary>
    public async Task<QuoteResult> QuoteAsync(string productSlug, string organisation, DateOnly? joinDate = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var productId = await db.Products.Where(p => p.Slug == productSlug).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (productId is null)
        {
            return new QuoteResult(QuoteProblem.ProductNotFound, null);
        }

        var orgId = await db.Organisations
            .Where(o => o.Slug == organisation || (o.Code == organisation && (o.Kind == OrganisationKind.Municipality || o.Kind == OrganisationKind.Region)))
            .Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        return orgId is null ? new QuoteResult(QuoteProblem.OrganisationNotFound, null) : await QuoteAsync(db, productId.Value, orgId.Value, joinDate, ct);
    }

    public async Task<QuoteResult> QuoteAsync(int productId, int organisationId, DateOnly? joinDate = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await QuoteAsync(db, productId, organisationId, joinDate, ct);
    }

    /// <summary>
    /// The authority's annual shares for a budget year, product by product, with what it would pay carrying each alone.
    /// </summary>
    public async Task<AuthorityEconomy?> AuthorityAsync(string organisationSlug, int? budgetYear = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var orgId = await db.Organisations.Where(o => o.Slug == organisationSlug).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        if (orgId is null)
        {
            return null;
        }

        var year = budgetYear ?? CurrentBudgetYear;
        var newYear = new DateOnly(year, 1, 1);
        var products = await db.Participations.AsNoTracking()
            .Where(Dated.CurrentOn(newYear, ParticipationKind.Member))
            .Where(x => x.OrganisationId == orgId)
            .Select(x => new { x.ProductId, x.Product!.Slug, x.Product.Name })
            .Distinct().ToListAsync(ct);
        var ids = products.Select(p => p.ProductId).ToList();
        var key = await KeyAsync(db, year, ct);
        // An authority may co-own many products: the fee sheets and every product's members are read in a few
        // queries for all of them together, not per product.
        var terms = (await db.FeeSheets.AsNoTracking().Where(f => ids.Contains(f.ProductId) && f.BudgetYear <= year).ToListAsync(ct))
            .GroupBy(f => f.ProductId)
            .ToDictionary(g => g.Key, g => g.MaxBy(f => f.BudgetYear)!)
            .ToDictionary(e => e.Key, e => new FeeTerms(e.Value.BudgetYear, e.Value.AnnualAmount, e.Value.JoiningFee, e.Value.Key, e.Value.IsDemo));
        var members = await MembersByProductAsync(db, terms.Keys.ToList(), year, ct);
        var byName = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("da-DK"), false);
        var rows = new List<AuthorityProductCost>();
        foreach (var p in products.OrderBy(p => p.Name, byName))
        {
            if (key is null || !terms.TryGetValue(p.ProductId, out var sheet))
            {
                rows.Add(new AuthorityProductCost(p.Slug, p.Name, null, null, false, false));
                continue;
            }

            var view = Compute(year, sheet, key, members[p.ProductId]);
            var alone = sheet.AnnualAmount + CostSplit.ContributionOn(sheet.AnnualAmount, key.SecretariatPercent);
            rows.Add(new AuthorityProductCost(p.Slug, p.Name, view.Shares.FirstOrDefault(s => s.Member.OrganisationId == orgId), alone, view.IsEstimate, view.IsDemo));
        }

        return new AuthorityEconomy(year, rows);
    }

    /// <summary>
    /// Applies the fee sheet to the members: each weighed by the key, the amount split by <see cref="CostSplit"/>.
    /// The one place the three keys are told apart.
    /// </summary>
    public static FeeSheetView Compute(int budgetYear, FeeTerms terms, AssociationKey key, IReadOnlyList<EconomyMember> members)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(members);
        var weighed = members.Select(m => (Member: m, Weight: terms.Key switch
        {
            DistributionKey.Equal => 1m,
            DistributionKey.Population => m.Population is > 0 ? m.Population.Value : (decimal?)null,
            _ => m.SizeClass is { } size && key.WeightOf(size) > 0 ? key.WeightOf(size) : null,
        })).ToList();
        var placed = weighed.Where(w => w.Weight is not null).Select(w => (w.Member, Weight: w.Weight!.Value)).ToList();
        var shares = CostSplit.Split(terms.AnnualAmount, placed.Select(p => new CostMember(p.Member.Code, p.Member.Slug, p.Weight)).ToList(), key.SecretariatPercent);
        return new FeeSheetView(budgetYear, terms, key,
            placed.Zip(shares, (p, s) => new MemberShare(p.Member, p.Weight, s.Exact, s.Share, s.Contribution)).ToList(),
            weighed.Where(w => w.Weight is null).Select(w => w.Member).ToList());
    }

    /// <summary>The first budget year a member joining on <paramref name="joinDate"/> shares: the one whose 1 January finds it a member.</summary>
    public static int FirstPayingYear(DateOnly joinDate) => joinDate.DayOfYear == 1 ? joinDate.Year : joinDate.Year + 1;

    private async Task<QuoteResult> QuoteAsync(OS2HubDbContext db, int productId, int organisationId, DateOnly? joinDate, CancellationToken ct)
    {
        var today = Today();
        var date = joinDate is { } d && d > today ? d : today;
        var product = await db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => new { p.Slug, p.Name }).FirstOrDefaultAsync(ct);
        var org = await db.Organisations.AsNoTracking().Include(o => o.PopulationFigures).Include(o => o.SizeAssessments).FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        if (product is null)
        {
            return new QuoteResult(QuoteProblem.ProductNotFound, null);
        }

        if (org is null)
        {
            return new QuoteResult(QuoteProblem.OrganisationNotFound, null);
        }

        if (org.Kind == OrganisationKind.Company)
        {
            return new QuoteResult(QuoteProblem.NotAnAuthority, null);
        }

        if (org.ArchivedOn is { } archived && archived <= date)
        {
            return new QuoteResult(QuoteProblem.Archived, null);
        }

        if (await db.Participations.Where(Dated.NotEndedOn<Participation>(today))
                .AnyAsync(x => x.ProductId == productId && x.OrganisationId == organisationId && x.Kind == ParticipationKind.Member, ct))
        {
            return new QuoteResult(QuoteProblem.AlreadyMember, null);
        }

        var year = FirstPayingYear(date);
        var terms = await TermsAsync(db, productId, year, ct);
        var joining = await TermsAsync(db, productId, date.Year, ct) ?? terms;
        if (terms is null || joining is null)
        {
            return new QuoteResult(QuoteProblem.NoFeeSheet, null);
        }

        if (await KeyAsync(db, year, ct) is not { } key)
        {
            return new QuoteResult(QuoteProblem.NoAssociationKey, null);
        }

        var before = (await MembersAsync(db, productId, year, ct)).Where(m => m.OrganisationId != organisationId).ToList();
        var after = Ordered(before.Append(MemberFor(org, year)));
        var beforeView = Compute(year, terms, key, before);
        var afterView = Compute(year, terms, key, after);
        if (afterView.Shares.FirstOrDefault(s => s.Member.OrganisationId == organisationId) is not { } own)
        {
            return new QuoteResult(QuoteProblem.NoSizeClass, null);
        }

        var afterById = afterView.Shares.ToDictionary(s => s.Member.OrganisationId);
        var changes = beforeView.Shares
            .Select(b => new MemberChange(b.Member, b.Exact, afterById[b.Member.OrganisationId].Exact, b.Share, afterById[b.Member.OrganisationId].Share))
            .OrderBy(c => c.Member.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("da-DK"), false))
            .ToList();
        return new QuoteResult(QuoteProblem.None, new CostQuote(product.Slug, product.Name, org.Slug, org.Name, date,
            joining.JoiningFee, joining.SheetYear, year, beforeView, afterView, own, changes));
    }

    /// <summary>The fee sheet for the year, or the newest earlier one as the estimate; null without any.</summary>
    internal static Task<FeeTerms?> TermsAsync(OS2HubDbContext db, int productId, int year, CancellationToken ct) =>
        db.FeeSheets.AsNoTracking().Where(f => f.ProductId == productId && f.BudgetYear <= year).OrderByDescending(f => f.BudgetYear)
            .Select(f => new FeeTerms(f.BudgetYear, f.AnnualAmount, f.JoiningFee, f.Key, f.IsDemo)).FirstOrDefaultAsync(ct);

    /// <summary>The association's key for the year, or the newest earlier one; null without any.</summary>
    internal static async Task<AssociationKey?> KeyAsync(OS2HubDbContext db, int year, CancellationToken ct)
    {
        // Decimal columns are text in SQLite, so the newest is picked here rather than ordered by the database on them.
        var row = await db.EconomyYears.AsNoTracking().Where(y => y.BudgetYear <= year).OrderByDescending(y => y.BudgetYear).FirstOrDefaultAsync(ct);
        return row is null ? null : AssociationKey.From(row);
    }

    /// <summary>
    /// The members that share the budget year's amount: those that are members on 1 January of that year, each with
    /// the size class and population the year uses.
    /// </summary>
    internal static async Task<IReadOnlyList<EconomyMember>> MembersAsync(OS2HubDbContext db, int productId, int year, CancellationToken ct) =>
        (await MembersByProductAsync(db, [productId], year, ct))[productId];

    /// <summary>The members of 1 January of <paramref name="year"/> for each product, in two queries whatever the number of products.</summary>
    private static async Task<Dictionary<int, List<EconomyMember>>> MembersByProductAsync(OS2HubDbContext db, List<int> productIds, int year, CancellationToken ct)
    {
        var newYear = new DateOnly(year, 1, 1);
        var pairs = await db.Participations.Where(Dated.CurrentOn(newYear, ParticipationKind.Member))
            .Where(x => productIds.Contains(x.ProductId)).Select(x => new { x.ProductId, x.OrganisationId }).Distinct().ToListAsync(ct);
        var orgIds = pairs.Select(p => p.OrganisationId).Distinct().ToList();
        var orgs = (await db.Organisations.AsNoTracking().Include(o => o.PopulationFigures).Include(o => o.SizeAssessments).Where(o => orgIds.Contains(o.Id)).ToListAsync(ct))
            .ToDictionary(o => o.Id, o => MemberFor(o, year));
        var byProduct = pairs.ToLookup(p => p.ProductId, p => orgs[p.OrganisationId]);
        return productIds.Distinct().ToDictionary(id => id, id => Ordered(byProduct[id]));
    }

    private static List<EconomyMember> Ordered(IEnumerable<EconomyMember> members) =>
        members.OrderBy(m => m.Code ?? "\uffff", StringComparer.Ordinal).ThenBy(m => m.Slug, StringComparer.Ordinal).ToList();

    /// <summary>
    /// A municipality's class comes from the figure the budget year uses; any other authority's from the secretariat's
    /// newest assessment that applies from that year or earlier (else its first, flagged like an oldest figure).
    /// </summary>
    internal static EconomyMember MemberFor(Organisation o, int year)
    {
        if (o.Kind == OrganisationKind.Municipality && CostSplit.FigureFor(year, o.PopulationFigures) is { } figure)
        {
            var usesOldest = figure.AsOf > new DateOnly(year - 1, 1, 1);
            return new EconomyMember(o.Id, o.Slug, o.Name, o.Code, o.Kind, SizeClasses.FromPopulation(figure.Population), figure.Population, figure.AsOf, usesOldest);
        }

        var assessments = o.SizeAssessments.OrderBy(a => a.FromBudgetYear).ToList();
        var assessment = assessments.LastOrDefault(a => a.FromBudgetYear <= year) ?? assessments.FirstOrDefault();
        return new EconomyMember(o.Id, o.Slug, o.Name, o.Code, o.Kind, assessment?.SizeClass, assessment?.Population, null, assessment?.FromBudgetYear > year);
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
