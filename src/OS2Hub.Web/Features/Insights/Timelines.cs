using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Insights;

/// <summary>One membership as the timelines read it: whose (the product's or the authority's name) and its period.</summary>
public sealed record MembershipSpan(string Name, string Slug, DateOnly? Start, DateOnly? End) : IDated
{
    public DateOnly? StartDate => Start;
    public DateOnly? EndDate => End;
}

/// <summary>A day on which the number of co-owners changed: who joined and who left that day, and the number after.</summary>
public sealed record TimelineStep(DateOnly Date, int Count, IReadOnlyList<string> Joined, IReadOnlyList<string> Left, bool Upcoming);

/// <summary>A fee sheet year: how many members shared it and what each paid on average (share and contribution).</summary>
public sealed record PricePoint(int Year, int Members, long AveragePerMember, bool IsEstimate);

/// <summary>
/// A product's co-owners over time. Memberships without a known start are not joins: they are counted from the
/// start of the chart (<see cref="UnknownStart"/>), and only their leaving, when known, is a step.
/// </summary>
public sealed record CoOwnerTimeline(string Slug, string Name, DateOnly Today, int UnknownStart, int Now, IReadOnlyList<TimelineStep> Steps, IReadOnlyList<PricePoint> Prices)
{
    public int Max => Steps.Select(s => s.Count).Append(UnknownStart).Append(Now).Max();

    /// <summary>The first year on the chart: the earliest change, or this year when nothing has changed.</summary>
    public int FirstYear => Steps.Count == 0 ? Today.Year : Math.Min(Steps[0].Date.Year, Today.Year);

    /// <summary>The last year on the chart: this year, or the year of the last upcoming change.</summary>
    public int LastYear => Steps.Count == 0 ? Today.Year : Math.Max(Steps[^1].Date.Year, Today.Year);
}

/// <summary>A year's count and who or what it counts, for the yearly bar charts and their tables.</summary>
public sealed record YearCount(int Year, int Count, IReadOnlyList<string> Names);

/// <summary>
/// Figures over the years from a history of memberships. Pure functions of the history and the day, so the tests can
/// give them a history with joins, leavings, upcoming joins and unknown starts and know the answer.
/// </summary>
public static class Timelines
{
    /// <summary>The steps of the co-owner count: one per day on which someone joined or left (upcoming ones after today).</summary>
    public static (int UnknownStart, IReadOnlyList<TimelineStep> Steps) CoOwnerSteps(IReadOnlyList<MembershipSpan> spans, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var unknownStart = spans.Count(s => s.Start is null);
        var days = spans.Where(s => s.Start is not null).Select(s => (Day: s.Start!.Value, Join: true, s.Name))
            .Concat(spans.Where(s => s.End is not null).Select(s => (Day: s.End!.Value, Join: false, s.Name)))
            .GroupBy(e => e.Day).OrderBy(g => g.Key);
        var count = unknownStart;
        var steps = new List<TimelineStep>();
        foreach (var day in days)
        {
            var joined = day.Where(e => e.Join).Select(e => e.Name).Order(StringComparer.CurrentCulture).ToList();
            var left = day.Where(e => !e.Join).Select(e => e.Name).Order(StringComparer.CurrentCulture).ToList();
            count += joined.Count - left.Count;
            steps.Add(new TimelineStep(day.Key, count, joined, left, day.Key > today));
        }

        return (unknownStart, steps);
    }

    /// <summary>
    /// Per year from the first known start to this year (or a later upcoming start): what was co-owned at some day of
    /// that year. A membership with no known start is not counted in any year, since no one knows since when it held.
    /// </summary>
    public static IReadOnlyList<YearCount> HeldPerYear(IReadOnlyList<MembershipSpan> spans, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var known = spans.Where(s => s.Start is not null).ToList();
        if (known.Count == 0)
        {
            return [];
        }

        var last = Math.Max(today.Year, known.Max(s => s.Start!.Value.Year));
        return Enumerable.Range(known.Min(s => s.Start!.Value.Year), last - known.Min(s => s.Start!.Value.Year) + 1).Select(year =>
        {
            var names = known.Where(s => s.Start <= new DateOnly(year, 12, 31) && Dated.EndsAfter(s.End, new DateOnly(year, 1, 1)))
                .Select(s => s.Name).Distinct().Order(StringComparer.CurrentCulture).ToList();
            return new YearCount(year, names.Count, names);
        }).ToList();
    }

    /// <summary>New co-ownerships per year by start date, from the first to the last known start; every year in between is a row.</summary>
    public static IReadOnlyList<YearCount> StartsPerYear(IReadOnlyList<MembershipSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var byYear = spans.Where(s => s.Start is not null).ToLookup(s => s.Start!.Value.Year);
        if (byYear.Count == 0)
        {
            return [];
        }

        var first = byYear.Min(g => g.Key);
        return Enumerable.Range(first, byYear.Max(g => g.Key) - first + 1)
            .Select(year => new YearCount(year, byYear[year].Count(), byYear[year].Select(s => s.Name).Order(StringComparer.CurrentCulture).ToList()))
            .ToList();
    }
}

/// <summary>One bar of a yearly chart: the value, its text in the table, the text over the bar, and an optional detail.</summary>
public sealed record YearBar(int Year, long Value, string ValueText, string Label, string? Detail = null, bool Marked = false);
