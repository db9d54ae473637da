using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Economy;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Economy;

/// <summary>
/// The closing note's worked example, checked: OS2rollekatalog with its demo fee sheet, and Frederikshavn Kommune
/// (the demo IT-koordinator's authority) asking on 27 November 2026 what joining costs.
/// </summary>
public sealed class WorkedExampleTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task FrederikshavnJoiningOs2rollekatalog()
    {
        var ct = TestContext.Current.CancellationToken;
        await _db.LoadReferenceDataAsync();
        await _db.LoadDemoDataAsync();
        var economy = new EconomyService(_db, FixedClock.Default);

        var sheet2026 = (await economy.ProductAsync("os2rollekatalog", 2026, ct))!.View!;
        var q = (await economy.QuoteAsync("os2rollekatalog", "0813", null, ct)).Quote!;

        // The demo fee sheets: 117,000 kr. shared in 2026, 120,000 kr. in 2027, 35,000 kr. to join; weights 1 / 1.5 / 2 / 3; 5 %.
        Assert.Equal((117_000L, 35_000L, DistributionKey.AssociationKey, 38), (sheet2026.Terms.AnnualAmount, sheet2026.Terms.JoiningFee, sheet2026.Terms.Key, sheet2026.Shares.Count));
        Assert.Equal(120_000, q.After.Terms.AnnualAmount);
        Assert.False(q.IsEstimate);
        Assert.True(q.After.IsDemo);

        // Frederikshavn (57,523 inhabitants on 1 January 2026: mellem, weight 1.5) pays 35,000 kr. at once and from 2027
        // 120,000 × 1.5 / 67 = 2,686.57 kr., rounded to 2,686 kr., plus 5 % (134 kr.) = 2,820 kr. a year.
        Assert.Equal(35_000, q.JoiningFee);
        Assert.Equal(2027, q.FirstPayingYear);
        Assert.Equal((SizeClass.Medium, 57_523), (q.Own.Member.SizeClass!.Value, q.Own.Member.Population!.Value));
        Assert.Equal((2_686L, 134L, 2_820L), (q.Own.Share, q.Own.Contribution, q.Own.Total));

        // The 37 members of 1 January 2027 weigh 65.5 together; with Frederikshavn 67.
        Assert.Equal(37, q.Changes.Count);
        Assert.Equal(65.5m, q.Before.Shares.Sum(s => s.Weight));
        var dragoer = q.Changes.Single(c => c.Member.Name == "Dragør Kommune");       // lille, weight 1
        Assert.Equal((1_832.06m, 1_791.04m, 1_832L, 1_791L), (decimal.Round(dragoer.ExactBefore, 2), decimal.Round(dragoer.ExactAfter, 2), dragoer.Before, dragoer.After));
        var aarhus = q.Changes.Single(c => c.Member.Name == "Aarhus Kommune");         // meget stor, weight 3
        Assert.Equal((5_496.18m, 5_373.13m), (decimal.Round(aarhus.ExactBefore, 2), decimal.Round(aarhus.ExactAfter, 2)));
        Assert.Equal(q.Own.Exact, q.TotalSaving, 10);
    }
}
