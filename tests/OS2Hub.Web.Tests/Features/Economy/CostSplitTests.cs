using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Economy;

namespace OS2Hub.Web.Tests.Features.Economy;

/// <summary>The distribution rules of OS2's shared economy, each stated as a test.</summary>
public sealed class CostSplitTests
{
    private static CostMember M(string code, decimal weight) => new(code, $"kommune-{code}", weight);

    [Fact]
    public void SharesAddUpExactlyToTheAmount()
    {
        var random = new Random(7);
        for (var run = 0; run < 200; run++)
        {
            var members = Enumerable.Range(0, random.Next(1, 99)).Select(i => M($"{100 + i:0000}", random.Next(1, 5))).ToList();
            var amount = random.NextInt64(0, 5_000_000);

            var shares = CostSplit.Split(amount, members, 5m);

            Assert.Equal(amount, shares.Sum(s => s.Share));
            Assert.All(shares, s => Assert.True(Math.Abs(s.Share - s.Exact) < 1m));
        }
    }

    [Fact]
    public void OneMemberPaysEverything() =>
        Assert.Equal(123_457, CostSplit.Split(123_457, [M("0813", 2)], 0m).Single().Share);

    [Fact]
    public void TwoEqualMembersSplitEvenlyAndAnOddKroneGoesByTheTieBreak()
    {
        Assert.Equal([50_000L, 50_000L], CostSplit.Split(100_000, [M("0813", 1), M("0101", 1)], 0m).Select(s => s.Share));
        // 100,001 kr.: both remainders are .5, so the lower municipality code (0101) gets the extra krone.
        var odd = CostSplit.Split(100_001, [M("0813", 1), M("0101", 1)], 0m);
        Assert.Equal([("0813", 50_000L), ("0101", 50_001L)], odd.Select(s => (s.Member.Code!, s.Share)));
    }

    [Fact]
    public void TiesAreBrokenByCodeThenSlugAndMembersWithoutACodeComeLast()
    {
        CostMember[] members = [new(null, "region-b", 1), new(null, "region-a", 1), M("0851", 1), M("0147", 1)];

        // 102 kr. over four equal members: 25.5 each, two kroner left for the four equal remainders.
        var shares = CostSplit.Split(102, members, 0m).ToDictionary(s => s.Member.Slug, s => s.Share);

        Assert.Equal(26, shares["kommune-0147"]);
        Assert.Equal(26, shares["kommune-0851"]);
        Assert.Equal(25, shares["region-a"]);
        Assert.Equal(25, shares["region-b"]);
    }

    [Theory]
    [InlineData(1)]    // equal split
    [InlineData(4)]    // size-class weights, including a larger class joining
    public void AddingAMemberNeverRaisesAnExistingMembersExactShare(decimal newcomerWeight)
    {
        var random = new Random(11);
        for (var run = 0; run < 100; run++)
        {
            var members = Enumerable.Range(0, random.Next(1, 40)).Select(i => M($"{200 + i:0000}", random.Next(1, 5))).ToList();
            var before = CostSplit.Split(1_000_000, members, 0m).ToDictionary(s => s.Member.Code!, s => s.Exact);

            var after = CostSplit.Split(1_000_000, [.. members, M("9999", newcomerWeight)], 0m);

            Assert.All(after.Where(s => s.Member.Code != "9999"), s => Assert.True(s.Exact <= before[s.Member.Code!]));
        }
    }

    [Theory]
    [InlineData(250, 5, 13)]   // 12.5 rounds half up
    [InlineData(249, 5, 12)]   // 12.45 rounds down
    [InlineData(10_001, 7.5, 750)] // 750.075
    public void TheSecretariatsPercentageIsOnTheRoundedShareHalfUp(long amount, decimal percent, long expected) =>
        Assert.Equal(expected, CostSplit.Split(amount, [M("0813", 1)], percent).Single().Contribution);

    [Fact]
    public void ASizeClassChangeAppliesFromTheRightBudgetYear()
    {
        PopulationFigure[] figures =
        [
            new() { AsOf = new DateOnly(2024, 1, 1), Population = 24_800 },   // lille
            new() { AsOf = new DateOnly(2025, 1, 1), Population = 25_100 },   // mellem
        ];

        SizeClass? ClassFor(int year) => CostSplit.FigureFor(year, figures) is { } f ? SizeClasses.FromPopulation(f.Population) : null;

        Assert.Equal(SizeClass.Small, ClassFor(2025));   // budget 2025 uses 1 January 2024
        Assert.Equal(SizeClass.Medium, ClassFor(2026));  // budget 2026 uses 1 January 2025
        Assert.Equal(SizeClass.Small, ClassFor(2020));   // no figure that old: the oldest one
        Assert.Null(CostSplit.FigureFor(2026, []));
    }
}
