using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Economy;

/// <summary>One member sharing a budget year's amount, with what its share is weighed by.</summary>
/// <param name="Code">Municipality or region code, the first tie-break.</param>
/// <param name="Slug">The second tie-break, for members without a code.</param>
/// <param name="Weight">The size class's weight, 1 for an equal split, or the population for a split by population.</param>
public sealed record CostMember(string? Code, string Slug, decimal Weight);

/// <summary>A member's part: the exact (unrounded) share, the share in whole kroner, and the secretariat's percentage on it.</summary>
public sealed record CostShare(CostMember Member, decimal Exact, long Share, long Contribution);

/// <summary>
/// The rules of OS2's shared economy, applied in one place. A budget year's amount is split over the members in
/// proportion to their weights; the shares are rounded to whole kroner by the largest-remainder method (each gets the
/// whole kroner of its exact share, and the kroner left over go one each to the largest remainders, ties broken by
/// municipality code, then slug), so they add up exactly to the amount; the secretariat's percentage is then computed
/// on each rounded share and rounded to whole kroner, half up.
/// </summary>
public static class CostSplit
{
    public static IReadOnlyList<CostShare> Split(long amount, IReadOnlyList<CostMember> members, decimal secretariatPercent)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (members.Count == 0)
        {
            return [];
        }

        if (members.Any(m => m.Weight <= 0))
        {
            throw new ArgumentException("Every member needs a positive weight.", nameof(members));
        }

        var total = members.Sum(m => m.Weight);
        var exact = members.Select(m => (Member: m, Exact: amount * m.Weight / total)).ToList();
        var floors = exact.Select(e => (e.Member, e.Exact, Share: (long)decimal.Floor(e.Exact))).ToList();
        var left = amount - floors.Sum(f => f.Share);
        var bonus = floors
            .OrderByDescending(f => f.Exact - f.Share)
            .ThenBy(f => f.Member.Code ?? "\uffff", StringComparer.Ordinal)
            .ThenBy(f => f.Member.Slug, StringComparer.Ordinal)
            .Take((int)left)
            .Select(f => f.Member)
            .ToHashSet();
        return floors.Select(f =>
        {
            var share = f.Share + (bonus.Contains(f.Member) ? 1 : 0);
            return new CostShare(f.Member, f.Exact, share, ContributionOn(share, secretariatPercent));
        }).ToList();
    }

    /// <summary>The secretariat's percentage on a whole-kroner amount, rounded to whole kroner, half up.</summary>
    public static long ContributionOn(long amount, decimal secretariatPercent) =>
        (long)decimal.Round(amount * secretariatPercent / 100m, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The population figure that decides a member's size class for budget year <paramref name="budgetYear"/>: the newest
    /// dated no later than 1 January of the year before (OS2 uses the previous year's figure), else the oldest the hub has;
    /// null without any. A class change therefore takes effect from a budget year, never retroactively.
    /// </summary>
    public static PopulationFigure? FigureFor(int budgetYear, IEnumerable<PopulationFigure> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var list = figures.OrderBy(f => f.AsOf).ToList();
        var cutoff = new DateOnly(budgetYear - 1, 1, 1);
        return list.LastOrDefault(f => f.AsOf <= cutoff) ?? list.FirstOrDefault();
    }
}
