using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Economy;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Economy;

/// <summary>The fee sheet applied to a budget year's members, the three keys, the quote and an authority's totals, on real SQLite.</summary>
public sealed class EconomyServiceTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();
    private readonly EconomyService _economy;

    public EconomyServiceTests() => _economy = new EconomyService(_db, FixedClock.Default);

    public void Dispose() => _db.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheFeeSheetSharesTheAmountByTheKeyAmongTheMembersOnTheFirstOfJanuary()
    {
        await EconomyWorld.CreateAsync(_db);

        var view = (await _economy.ProductAsync("alfa", 2026, Ct))!.View!;

        // Weights 1 + 1.5 + 2 + 3 + 3 = 10.5; Sen joined in March and shares from 2027.
        Assert.Equal(["Lille", "Mellem", "Stor", "Megetstor", "Region Nord"], view.Shares.Select(s => s.Member.Name));
        Assert.Equal([9_524L, 14_286, 19_048, 28_571, 28_571], view.Shares.Select(s => s.Share));
        Assert.Equal([476L, 714, 952, 1_429, 1_429], view.Shares.Select(s => s.Contribution));
        Assert.Equal(100_000, view.TotalShares);
        Assert.False(view.IsEstimate);
        Assert.Equal([(SizeClass?)SizeClass.Small, SizeClass.Medium, SizeClass.Large, SizeClass.VeryLarge], view.ByClass.Select(c => c.SizeClass));
        Assert.Equal(2, view.ByClass.Single(c => c.SizeClass == SizeClass.VeryLarge).Members);
    }

    [Fact]
    public async Task AYearWithoutItsOwnFeeSheetUsesTheNewestEarlierOneAndSaysSo()
    {
        await EconomyWorld.CreateAsync(_db);

        var view = (await _economy.ProductAsync("alfa", 2027, Ct))!.View!;

        Assert.True(view.IsEstimate);
        Assert.Equal(2026, view.Terms.SheetYear);
        Assert.Contains(view.Shares, s => s.Member.Name == "Sen");
        Assert.Null((await _economy.ProductAsync("alfa", 2025, Ct))!.View);
        Assert.Null((await _economy.ProductAsync("beta", 2026, Ct))!.View);
    }

    [Fact]
    public async Task TheQuoteShowsTheJoiningFeeTheFirstPayingYearAndEveryMembersShareBeforeAndAfter()
    {
        await EconomyWorld.CreateAsync(_db);

        var result = await _economy.QuoteAsync("alfa", "0813", null, Ct);

        var q = Assert.IsType<CostQuote>(result.Quote);
        Assert.Equal(25_000, q.JoiningFee);
        Assert.Equal(2027, q.FirstPayingYear);
        Assert.True(q.IsEstimate); // no 2027 fee sheet yet
        // 2027: weights 12 without Ny (Sen is in now), 13.5 with it; Ny is mellem (1.5).
        Assert.Equal(11_111, q.Own.Share);
        Assert.Equal(556, q.Own.Contribution);
        var lille = q.Changes.Single(c => c.Member.Name == "Lille");
        Assert.Equal(100_000m / 12, lille.ExactBefore);
        Assert.Equal(100_000m / 13.5m, lille.ExactAfter);
        Assert.All(q.Changes, c => Assert.True(c.ExactAfter < c.ExactBefore));
        Assert.Equal(6, q.Changes.Count);
        // What the others save together is exactly what the newcomer takes over.
        Assert.Equal(q.Own.Exact, q.TotalSaving, 10);
    }

    [Fact]
    public async Task JoiningOnTheFirstOfJanuaryPaysFromThatYear()
    {
        await EconomyWorld.CreateAsync(_db);

        var q = (await _economy.QuoteAsync("alfa", "ny", new DateOnly(2027, 1, 1), Ct)).Quote!;

        Assert.Equal(2027, q.FirstPayingYear);
        Assert.Equal(2028, EconomyService.FirstPayingYear(new DateOnly(2027, 1, 2)));
    }

    [Theory]
    [InlineData("0101", QuoteProblem.AlreadyMember)]
    [InlineData("sen", QuoteProblem.AlreadyMember)]
    [InlineData("firma", QuoteProblem.NotAnAuthority)]
    [InlineData("1083", QuoteProblem.NoSizeClass)]      // a region the secretariat has not placed
    [InlineData("9999", QuoteProblem.OrganisationNotFound)]
    public async Task AQuoteThatCannotBeMadeSaysWhy(string organisation, QuoteProblem problem)
    {
        await EconomyWorld.CreateAsync(_db);

        var result = await _economy.QuoteAsync("alfa", organisation, null, Ct);

        Assert.Equal(problem, result.Problem);
        Assert.Null(result.Quote);
        Assert.False(string.IsNullOrEmpty(result.Message));
    }

    [Fact]
    public async Task AProductWithoutAFeeSheetGivesNoQuote()
    {
        await EconomyWorld.CreateAsync(_db);

        Assert.Equal(QuoteProblem.NoFeeSheet, (await _economy.QuoteAsync("beta", "0813", null, Ct)).Problem);
        Assert.Equal(QuoteProblem.ProductNotFound, (await _economy.QuoteAsync("gamma", "0813", null, Ct)).Problem);
    }

    [Fact]
    public async Task AnAuthoritySeesItsYearlyTotalAndWhatItWouldPayAlone()
    {
        var w = await EconomyWorld.CreateAsync(_db);
        await using (var db = _db.CreateDbContext())
        {
            db.Participations.Add(new Participation { ProductId = w.Beta, OrganisationId = w.Orgs["Lille"], Kind = ParticipationKind.Member, StartDate = new DateOnly(2020, 1, 1) });
            await db.SaveChangesAsync(Ct);
        }

        var economy = (await _economy.AuthorityAsync("lille", 2026, Ct))!;

        Assert.Equal(["Alfa", "Beta"], economy.Products.Select(p => p.Name));
        Assert.Equal(9_524 + 476, economy.Total);
        Assert.Equal(100_000 + 5_000, economy.Products[0].Alone);
        Assert.Null(economy.Products[1].Own); // Beta has no fee sheet
        Assert.Equal(105_000, economy.TotalAlone);
    }

    [Fact]
    public void EachKeyWeighsTheMembersItsOwnWay()
    {
        var key = new AssociationKey(2026, 1, 1.5m, 2, 3, 0, null, false);
        EconomyMember[] members = [Member("0101", SizeClass.Small, 10_000), Member("0147", SizeClass.VeryLarge, 30_000)];

        Assert.Equal([25_000L, 75_000], Shares(DistributionKey.AssociationKey));
        Assert.Equal([50_000L, 50_000], Shares(DistributionKey.Equal));
        Assert.Equal([25_000L, 75_000], Shares(DistributionKey.Population));
        foreach (var k in Enum.GetValues<DistributionKey>())
        {
            // One member pays everything, whatever the key.
            Assert.Equal(100_000, EconomyService.Compute(2026, new FeeTerms(2026, 100_000, 0, k, false), key, [members[0]]).Shares.Single().Share);
        }

        long[] Shares(DistributionKey k) => [.. EconomyService.Compute(2026, new FeeTerms(2026, 100_000, 0, k, false), key, members).Shares.Select(s => s.Share)];
    }

    [Fact]
    public void AMemberTheKeyCannotWeighIsLeftOutAndListed()
    {
        var key = new AssociationKey(2026, 1, 1.5m, 2, 3, 0, null, false);
        var unplaced = Member("1083", null, null);

        var view = EconomyService.Compute(2026, new FeeTerms(2026, 1_000, 0, DistributionKey.AssociationKey, false), key, [Member("0101", SizeClass.Small, 1), unplaced]);

        Assert.Equal(1_000, view.Shares.Single().Share);
        Assert.Equal([unplaced], view.Unplaced);
        // The equal split needs no class.
        Assert.Equal(2, EconomyService.Compute(2026, new FeeTerms(2026, 1_000, 0, DistributionKey.Equal, false), key, [Member("0101", SizeClass.Small, 1), unplaced]).Shares.Count);
    }

    [Theory]
    [InlineData(DistributionKey.AssociationKey)]
    [InlineData(DistributionKey.Equal)]
    public void WithTheSizeClassAndEqualKeysAddingAMemberNeverRaisesAnExistingMembersExactShare(DistributionKey distribution)
    {
        var key = new AssociationKey(2026, 1, 1.5m, 2, 3, 5, null, false);
        var random = new Random(3);
        for (var run = 0; run < 100; run++)
        {
            var members = Enumerable.Range(0, random.Next(1, 60)).Select(i => Member($"{100 + i:0000}", (SizeClass)random.Next(4), random.Next(1_000, 400_000))).ToList();
            var terms = new FeeTerms(2026, random.NextInt64(1, 3_000_000), 0, distribution, false);
            var before = EconomyService.Compute(2026, terms, key, members).Shares.ToDictionary(s => s.Member.Code!, s => s.Exact);

            var after = EconomyService.Compute(2026, terms, key, [.. members, Member("0999", (SizeClass)random.Next(4), 50_000)]).Shares;

            Assert.All(after.Where(s => s.Member.Code != "0999"), s => Assert.True(s.Exact <= before[s.Member.Code!]));
        }
    }

    [Fact]
    public void AClassChangeTakesEffectFromTheBudgetYearThatUsesTheNewFigure()
    {
        var org = new Organisation
        {
            Name = "Vækst", Slug = "vaekst", Kind = OrganisationKind.Municipality, Code = "0200",
            PopulationFigures =
            [
                new PopulationFigure { AsOf = new DateOnly(2024, 1, 1), Population = 24_500 },
                new PopulationFigure { AsOf = new DateOnly(2025, 1, 1), Population = 25_500 },
            ],
        };

        // Budget year Y uses the figure of 1 January Y−1: 2025 still lille, 2026 mellem.
        Assert.Equal(SizeClass.Small, EconomyService.MemberFor(org, 2025).SizeClass);
        Assert.Equal(SizeClass.Medium, EconomyService.MemberFor(org, 2026).SizeClass);
        Assert.Equal(SizeClass.Medium, EconomyService.MemberFor(org, 2030).SizeClass);
        // No figure that old: the oldest serves, and the member says so.
        var early = EconomyService.MemberFor(org, 2024);
        Assert.Equal((SizeClass.Small, true), (early.SizeClass!.Value, early.UsesOldestFigure));
        Assert.False(EconomyService.MemberFor(org, 2026).UsesOldestFigure);
    }

    private static EconomyMember Member(string code, SizeClass? size, int? population) =>
        new(int.Parse(code, System.Globalization.CultureInfo.InvariantCulture), $"m-{code}", $"M {code}", code, OrganisationKind.Municipality, size, population, null, false);
}
