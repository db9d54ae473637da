using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Economy;

/// <summary>What the generalforsamling decided for a budget year: a weight per size class and the secretariat's percentage.</summary>
public sealed record AssociationKey(int BudgetYear, decimal Small, decimal Medium, decimal Large, decimal VeryLarge, decimal SecretariatPercent, string? Source, bool IsDemo)
{
    public decimal WeightOf(SizeClass size) => size switch
    {
        SizeClass.Small => Small,
        SizeClass.Medium => Medium,
        SizeClass.Large => Large,
        _ => VeryLarge,
    };

    public static AssociationKey From(EconomyYear y) =>
        new(y.BudgetYear, y.WeightSmall, y.WeightMedium, y.WeightLarge, y.WeightVeryLarge, y.SecretariatPercent, y.Source, y.IsDemo);
}

/// <summary>A product's fee sheet terms as recorded for <paramref name="SheetYear"/>.</summary>
public sealed record FeeTerms(int SheetYear, long AnnualAmount, long JoiningFee, DistributionKey Key, bool IsDemo);

/// <summary>
/// A member as a budget year sees it: the size class and population that year uses (for a municipality the figure
/// <see cref="CostSplit.FigureFor"/> picks; for other authorities the secretariat's assessment).
/// </summary>
public sealed record EconomyMember(
    int OrganisationId, string Slug, string Name, string? Code, OrganisationKind Kind,
    SizeClass? SizeClass, int? Population, DateOnly? PopulationAsOf, bool UsesOldestFigure);

public sealed record MemberShare(EconomyMember Member, decimal Weight, decimal Exact, long Share, long Contribution)
{
    public long Total => Share + Contribution;
}

/// <summary>
/// One product's fee sheet applied to one budget year's members. Where the year has no fee sheet (or the
/// association no key) yet, the newest earlier one serves as the estimate, and <see cref="IsEstimate"/> says so.
/// Members the key cannot weigh (no size class or population) are listed in <see cref="Unplaced"/> and left out.
/// </summary>
public sealed record FeeSheetView(int BudgetYear, FeeTerms Terms, AssociationKey Key, IReadOnlyList<MemberShare> Shares, IReadOnlyList<EconomyMember> Unplaced)
{
    public bool IsEstimate => Terms.SheetYear != BudgetYear || Key.BudgetYear != BudgetYear;
    public bool IsDemo => Terms.IsDemo || Key.IsDemo;
    public long TotalShares => Shares.Sum(s => s.Share);
    public long TotalContributions => Shares.Sum(s => s.Contribution);

    /// <summary>Members and what they pay, per size class (for the equal and population keys too, so a member finds its row).</summary>
    public IReadOnlyList<ClassSummary> ByClass => Shares
        .GroupBy(s => s.Member.SizeClass)
        .OrderBy(g => g.Key is null ? 99 : (int)g.Key)
        .Select(g => new ClassSummary(g.Key, g.Count(), g.Min(s => s.Share), g.Max(s => s.Share), g.Min(s => s.Total), g.Max(s => s.Total)))
        .ToList();

    /// <summary>The average annual share with <paramref name="members"/> members: the curve that falls as more join.</summary>
    public decimal AveragePerMember(int members) => members <= 0 ? 0 : (decimal)Terms.AnnualAmount / members;
}

public sealed record ClassSummary(SizeClass? SizeClass, int Members, long MinShare, long MaxShare, long MinTotal, long MaxTotal);

/// <summary>An existing member's annual share in the first paying year, without and with the new member.</summary>
public sealed record MemberChange(EconomyMember Member, decimal ExactBefore, decimal ExactAfter, long Before, long After)
{
    public decimal Saving => ExactBefore - ExactAfter;
}

/// <summary>What joining costs an authority, and what it saves everyone else.</summary>
public sealed record CostQuote(
    string ProductSlug, string ProductName, string OrganisationSlug, string OrganisationName,
    DateOnly JoinDate, long JoiningFee, int JoiningFeeSheetYear, int FirstPayingYear,
    FeeSheetView Before, FeeSheetView After, MemberShare Own, IReadOnlyList<MemberChange> Changes)
{
    /// <summary>The first paying year has no fee sheet (or key) of its own yet: the newest earlier one serves.</summary>
    public bool IsEstimate => After.IsEstimate;
    public bool JoiningFeeIsEstimate => JoiningFeeSheetYear != JoinDate.Year;
    public decimal TotalSaving => Changes.Sum(c => c.Saving);
}

public enum QuoteProblem
{
    None,
    ProductNotFound,
    OrganisationNotFound,
    NotAnAuthority,
    Archived,
    AlreadyMember,
    NoFeeSheet,
    NoAssociationKey,
    NoSizeClass,
}

public sealed record QuoteResult(QuoteProblem Problem, CostQuote? Quote)
{
    /// <summary>The problem in plain words in the reader's language, for the page and the API alike.</summary>
    public string? Message => Problem == QuoteProblem.None ? null : Texts.Get($"QuoteProblem_{Problem}");
}

/// <summary>An authority's yearly total across the products it co-owns.</summary>
public sealed record AuthorityEconomy(int BudgetYear, IReadOnlyList<AuthorityProductCost> Products)
{
    public long Total => Products.Sum(p => p.Own?.Total ?? 0);
    public long TotalAlone => Products.Sum(p => p.Alone ?? 0);
}

/// <summary>
/// One product on an authority's page: its own share and what it would pay carrying the product alone (the whole
/// amount plus the secretariat's percentage on it). Null where the product has no fee sheet.
/// </summary>
public sealed record AuthorityProductCost(string Slug, string Name, MemberShare? Own, long? Alone, bool IsEstimate, bool IsDemo);

/// <summary>The economy section of a product page, and the product's economy page.</summary>
public sealed record ProductEconomy(int ProductId, string Slug, string Name, int BudgetYear, FeeSheetView? View, IReadOnlyList<int> SheetYears, bool NoKey);

/// <summary>The open data API's view of a product's fee sheets, one entry per budget year that has one.</summary>
public sealed record ApiEconomy(string Product, string Name, IReadOnlyList<ApiFeeSheetYear> Years);

public sealed record ApiFeeSheetYear(
    int BudgetYear, long AnnualAmount, long JoiningFee, DistributionKey Key, decimal SecretariatPercent, ApiWeights? Weights,
    int SheetYear, int KeyYear, bool IsEstimate, bool IsDemo, int Members, long TotalShares, long TotalContributions,
    IReadOnlyList<ApiMemberShare> Shares, IReadOnlyList<string> Unplaced)
{
    public static ApiFeeSheetYear From(FeeSheetView v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(v.BudgetYear, v.Terms.AnnualAmount, v.Terms.JoiningFee, v.Terms.Key, v.Key.SecretariatPercent,
            v.Terms.Key == DistributionKey.AssociationKey ? new ApiWeights(v.Key.Small, v.Key.Medium, v.Key.Large, v.Key.VeryLarge) : null,
            v.Terms.SheetYear, v.Key.BudgetYear, v.IsEstimate, v.IsDemo, v.Shares.Count, v.TotalShares, v.TotalContributions,
            v.Shares.Select(ApiMemberShare.From).ToList(), v.Unplaced.Select(m => m.Slug).ToList());
    }
}

public sealed record ApiWeights(decimal Small, decimal Medium, decimal Large, decimal VeryLarge);

public sealed record ApiMemberShare(string Slug, string? Code, string Name, SizeClass? SizeClass, int? Population, DateOnly? PopulationAsOf,
    decimal Weight, decimal ExactShare, long Share, long Contribution, long Total)
{
    public static ApiMemberShare From(MemberShare s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var m = s.Member;
        return new(m.Slug, m.Code, m.Name, m.SizeClass, m.Population, m.PopulationAsOf, s.Weight, decimal.Round(s.Exact, 4), s.Share, s.Contribution, s.Total);
    }
}

/// <summary>What an authority would pay if it joined, and every existing member's share in the first paying year before and after.</summary>
public sealed record ApiQuote(string Product, string Organisation, DateOnly JoinDate, long JoiningFee, int JoiningFeeSheetYear, int FirstPayingYear,
    bool IsEstimate, bool IsDemo, ApiMemberShare Share, decimal TotalSaving, IReadOnlyList<ApiMemberChange> Members)
{
    public static ApiQuote From(CostQuote q)
    {
        ArgumentNullException.ThrowIfNull(q);
        return new(q.ProductSlug, q.OrganisationSlug, q.JoinDate, q.JoiningFee, q.JoiningFeeSheetYear, q.FirstPayingYear, q.IsEstimate, q.After.IsDemo,
            ApiMemberShare.From(q.Own), decimal.Round(q.TotalSaving, 4),
            q.Changes.Select(c => new ApiMemberChange(c.Member.Slug, c.Member.Code, c.Member.Name, decimal.Round(c.ExactBefore, 4), decimal.Round(c.ExactAfter, 4), c.Before, c.After, decimal.Round(c.Saving, 4))).ToList());
    }
}

public sealed record ApiMemberChange(string Slug, string? Code, string Name, decimal ExactBefore, decimal ExactAfter, long Before, long After, decimal Saving);
