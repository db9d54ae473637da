using OS2Hub.Web.Features.Insights;

namespace OS2Hub.Web.Tests.Features.Insights;

/// <summary>The timelines from a hand-made membership history: joins, leavings, upcoming joins and unknown starts.</summary>
public sealed class TimelinesTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static readonly MembershipSpan[] History =
    [
        new("Assens", "assens", new DateOnly(2019, 3, 1), null),
        new("Brønderslev", "broenderslev", new DateOnly(2019, 3, 1), new DateOnly(2022, 1, 1)),
        new("Egedal", "egedal", new DateOnly(2021, 5, 1), null),
        new("Fanø", "fanoe", null, null),                               // start unknown: no join
        new("Gentofte", "gentofte", null, new DateOnly(2020, 1, 1)),    // start unknown, left in 2020
        new("Herning", "herning", new DateOnly(2027, 1, 1), null),      // upcoming
    ];

    [Fact]
    public void CoOwnerStepsStartFromTheUnknownStartsAndMarkWhatIsUpcoming()
    {
        var (unknown, steps) = Timelines.CoOwnerSteps(History, Today);

        Assert.Equal(2, unknown);
        Assert.Equal(
            [
                (new DateOnly(2019, 3, 1), 4, "Assens, Brønderslev", "", false),
                (new DateOnly(2020, 1, 1), 3, "", "Gentofte", false),
                (new DateOnly(2021, 5, 1), 4, "Egedal", "", false),
                (new DateOnly(2022, 1, 1), 3, "", "Brønderslev", false),
                (new DateOnly(2027, 1, 1), 4, "Herning", "", true),
            ],
            steps.Select(s => (s.Date, s.Count, string.Join(", ", s.Joined), string.Join(", ", s.Left), s.Upcoming)).ToList());
    }

    [Fact]
    public void HeldPerYearCountsWhatHeldOnSomeDayOfTheYearAndLeavesUnknownStartsOut()
    {
        var years = Timelines.HeldPerYear(History, Today);

        Assert.Equal(
            [(2019, "Assens, Brønderslev"), (2020, "Assens, Brønderslev"), (2021, "Assens, Brønderslev, Egedal"), (2022, "Assens, Egedal"),
             (2023, "Assens, Egedal"), (2024, "Assens, Egedal"), (2025, "Assens, Egedal"), (2026, "Assens, Egedal"), (2027, "Assens, Egedal, Herning")],
            years.Select(y => (y.Year, string.Join(", ", y.Names))).ToList());
        Assert.Empty(Timelines.HeldPerYear([new("Fanø", "fanoe", null, null)], Today));
    }

    [Fact]
    public void StartsPerYearHasARowForEveryYearBetweenTheFirstAndLastStart()
    {
        Assert.Equal([(2019, 2), (2020, 0), (2021, 1), (2022, 0), (2023, 0), (2024, 0), (2025, 0), (2026, 0), (2027, 1)],
            Timelines.StartsPerYear(History).Select(y => (y.Year, y.Count)).ToList());
    }
}
