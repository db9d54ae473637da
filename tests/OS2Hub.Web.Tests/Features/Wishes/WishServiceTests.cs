using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features;
using OS2Hub.Web.Features.Wishes;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Wishes;

public sealed class WishServiceTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create(onDisk: true);

    public void Dispose() => _db.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAuthoritySupportsOnceWhenColleaguesClickAtTheSameTime()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var wishes = await WishWorld.SeedAsync(_db, w);
        await AddItCoordinatorAsync("it-frederikshavn-2", w.Organisations["Frederikshavn"]);
        var wish = wishes["Alfa/1"];

        var clicks = Enumerable.Range(0, 8).Select(i => WishWorld.Service(_db).SupportAsync(i % 2 == 0 ? "it-frederikshavn" : "it-frederikshavn-2", wish, w.Organisations["Frederikshavn"], null, Ct));
        var results = await Task.WhenAll(clicks);

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r =>
        {
            Assert.Equal(OperationOutcome.Conflict, r.Outcome);
            Assert.Equal("Frederikshavn Kommune støtter allerede ønsket.", r.Message);
        });
        await using var db = _db.CreateDbContext();
        Assert.Equal(1, await db.WishSupports.CountAsync(s => s.WishId == wish && s.OrganisationId == w.Organisations["Frederikshavn"], Ct));
    }

    [Fact]
    public async Task MergingCarriesSupportOverOncePerAuthorityAndPledgesNotAtAllAndTellsThePledgers()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var wishes = await WishWorld.SeedAsync(_db, w);
        var email = new RecordingEmailSender();
        var service = WishWorld.Service(_db, email);
        // Helsingør backs both wishes; Frederikshavn backs and co-funds the one that is merged away.
        Assert.True((await service.SupportAsync("sekretariat", wishes["Alfa/4"], w.Organisations["Helsingør"], null, Ct)).Succeeded);

        var merged = await service.MergeAsync("pk-alfa", wishes["Alfa/4"], wishes["Alfa/1"], Ct);

        Assert.True(merged.Succeeded, merged.Message);
        await using var db = _db.CreateDbContext();
        var supporters = await db.WishSupports.Where(s => s.WishId == wishes["Alfa/1"]).Select(s => s.OrganisationId).ToListAsync(Ct);
        Assert.Equal([w.Organisations["Frederikshavn"], w.Organisations["Helsingør"]], supporters.Order());
        Assert.Empty(await db.WishPledges.Where(p => p.WishId == wishes["Alfa/1"] || p.WishId == wishes["Alfa/4"]).ToListAsync(Ct));
        var gone = await db.Wishes.SingleAsync(x => x.Id == wishes["Alfa/4"], Ct);
        Assert.Equal(WishStatus.Merged, gone.Status);
        Assert.Equal(wishes["Alfa/1"], gone.MergedIntoId);
        Assert.True(await db.WishEvents.AnyAsync(e => e.WishId == gone.Id && e.Kind == WishEventKind.PledgesLapsed && e.OrganisationId == w.Organisations["Frederikshavn"], Ct));
        var told = await db.Notifications.Where(n => n.UserId == "it-frederikshavn").Select(n => n.TextKey).ToListAsync(Ct);
        Assert.Contains("WishNotice_PledgesLapsed", told);
        Assert.Contains(email.Sent, m => m.Recipient == "it-frederikshavn@example.dk" && m.Text.Contains("tilsagn om medfinansiering følger ikke med", StringComparison.Ordinal));

        // Merging again, or into itself, is refused and changes nothing.
        Assert.Equal(OperationOutcome.Invalid, (await service.MergeAsync("pk-alfa", wishes["Alfa/4"], wishes["Alfa/2"], Ct)).Outcome);
        Assert.Equal(OperationOutcome.Invalid, (await service.MergeAsync("pk-alfa", wishes["Alfa/2"], wishes["Alfa/2"], Ct)).Outcome);
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(99_999)]
    [InlineData(7)]
    [InlineData(1_234_567)]
    public async Task CoFundingSharesAddUpToTheEstimateAndANewPledgeNeverRaisesAnExistingShare(long estimate)
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var wishes = await WishWorld.SeedAsync(_db, w);
        var pledgers = await CoOwnersWithSizesAsync(w);
        var service = WishWorld.Service(_db);
        var wish = wishes["Alfa/1"];
        Assert.True((await service.SetEstimateAsync("pk-alfa", wish, estimate, 2027, Ct)).Succeeded);

        var before = new Dictionary<int, decimal>();
        foreach (var (userId, organisationId) in pledgers)
        {
            Assert.True((await service.PledgeAsync(userId, wish, organisationId, Ct)).Succeeded);
            var funding = (await service.GetAsync("pk-alfa", "alfa", wish, Ct))!.Funding!;

            Assert.Equal(estimate, funding.Shares.Sum(s => s.Share));
            Assert.All(funding.Shares, s => Assert.Equal(0, s.Contribution)); // no secretariat percentage on a wish
            foreach (var share in funding.Shares.Where(s => before.ContainsKey(s.Member.OrganisationId)))
            {
                Assert.True(share.Exact <= before[share.Member.OrganisationId], $"{share.Member.Name}: {share.Exact} > {before[share.Member.OrganisationId]}");
            }

            before = funding.Shares.ToDictionary(s => s.Member.OrganisationId, s => s.Exact);
        }

        // Split by the association's key (no fee sheet): a very large municipality carries three times a small one.
        var last = (await service.GetAsync("pk-alfa", "alfa", wish, Ct))!.Funding!;
        Assert.Equal(DistributionKey.AssociationKey, last.Key);
        Assert.False(last.FromFeeSheet);
        var small = last.Shares.Single(s => s.Member.SizeClass == SizeClass.Small).Exact;
        var veryLarge = last.Shares.Single(s => s.Member.SizeClass == SizeClass.VeryLarge).Exact;
        Assert.Equal(3m, decimal.Round(veryLarge / small, 6));
    }

    [Fact]
    public async Task AnAuthorityWithoutASizeClassIsListedAsWaitingAndNotCounted()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var wishes = await WishWorld.SeedAsync(_db, w);
        await CoOwnersWithSizesAsync(w);
        var service = WishWorld.Service(_db);
        await using (var db = _db.CreateDbContext())
        {
            var region = w.Organisations["Region Prøve"];
            db.Participations.Add(new Participation { ProductId = w.Products["Alfa"], OrganisationId = region, Kind = ParticipationKind.Member, StartDate = new DateOnly(2020, 1, 1) });
            await db.SaveChangesAsync(Ct);
        }

        await AddItCoordinatorAsync("it-region", w.Organisations["Region Prøve"]);
        Assert.True((await service.PledgeAsync("it-region", wishes["Alfa/1"], w.Organisations["Region Prøve"], Ct)).Succeeded);
        Assert.True((await service.PledgeAsync("it-frederikshavn", wishes["Alfa/1"], w.Organisations["Frederikshavn"], Ct)).Succeeded);

        var funding = (await service.GetAsync("pk-alfa", "alfa", wishes["Alfa/1"], Ct))!.Funding!;
        Assert.Equal("Region Prøve", Assert.Single(funding.Unplaced).Name);
        Assert.Equal(100_000, Assert.Single(funding.Shares).Share);
    }

    [Fact]
    public async Task ABackerIsToldOfAStatusChangeInTheHubAndByMailWithAOneClickStop()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var wishes = await WishWorld.SeedAsync(_db, w);
        var email = new RecordingEmailSender();
        var service = WishWorld.Service(_db, email);

        var result = await service.SetStatusAsync("pk-alfa", wishes["Alfa/1"], new StatusInput { Status = WishStatus.Prioritised, Forum = DecisionForum.CoordinationGroup, DecidedOn = new DateOnly(2026, 11, 20) }, Ct);

        Assert.True(result.Succeeded, result.Message);
        var mail = Assert.Single(email.Messages, m => m.Recipient == "sekretariat@example.dk"); // supported it for Helsingør
        Assert.Contains("Ønsket »Eksport til regneark« til Alfa er prioriteret.", mail.Text, StringComparison.Ordinal);
        Assert.StartsWith("https://os2hub.example/afmeld/oensker/klik?t=", mail.UnsubscribeUrl, StringComparison.Ordinal);
        Assert.Contains(email.Messages, m => m.Recipient == "it-frederikshavn@example.dk"); // raised it
        await using (var db = _db.CreateDbContext())
        {
            Assert.Equal(3, (await db.Wishes.SingleAsync(x => x.Id == wishes["Alfa/1"], Ct)).Rank); // below the two already prioritised
        }

        // One click with the token from the header stops wish e-mails for that person only; the hub still tells them.
        var token = Uri.UnescapeDataString(new Uri(mail.UnsubscribeUrl!).Query["?t=".Length..]);
        Assert.True(await WishWorld.Notifier(_db, email).UnsubscribeAsync(token, Ct));
        Assert.False(await WishWorld.Notifier(_db, email).UnsubscribeAsync(token + "x", Ct));
        email.Messages.Clear();
        Assert.True((await service.SetStatusAsync("pk-alfa", wishes["Alfa/1"], new StatusInput { Status = WishStatus.InDevelopment }, Ct)).Succeeded);
        Assert.DoesNotContain(email.Messages, m => m.Recipient == "sekretariat@example.dk");
        Assert.Contains(email.Messages, m => m.Recipient == "it-frederikshavn@example.dk");
        await using var after = _db.CreateDbContext();
        Assert.Equal(2, await after.Notifications.CountAsync(n => n.UserId == "sekretariat" && n.TextKey!.StartsWith("WishNotice_Status_"), Ct));
    }

    [Fact]
    public async Task TheProductCoordinatorIsToldOfANewWish()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var email = new RecordingEmailSender();

        var result = await WishWorld.Service(_db, email).RaiseAsync("it-frederikshavn", new WishInput { ProductId = w.Products["Alfa"], OrganisationId = w.Organisations["Frederikshavn"], Title = "Import fra CSV" }, Ct);

        Assert.True(result.Succeeded, result.Message);
        var mail = Assert.Single(email.Messages);
        Assert.Equal("pk-alfa@example.dk", mail.Recipient);
        Assert.Contains("Nyt udviklingsønske til Alfa: »Import fra CSV« fra Frederikshavn Kommune.", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInputGetsDanishMessagesAndChangesNothing()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var wishes = await WishWorld.SeedAsync(_db, w);
        var service = WishWorld.Service(_db);
        await using var db = _db.CreateDbContext();
        var count = await db.Wishes.CountAsync(Ct);

        var raised = await service.RaiseAsync("it-frederikshavn", new WishInput
        {
            ProductId = w.Products["Alfa"], OrganisationId = w.Organisations["Frederikshavn"], Title = "  ", IssueUrl = "javascript:alert(1)", Need = new string('x', 2_001),
        }, Ct);
        var rejected = await service.SetStatusAsync("pk-alfa", wishes["Alfa/1"], new StatusInput { Status = WishStatus.Rejected, Forum = DecisionForum.SteeringGroup, DecidedOn = new DateOnly(2027, 1, 1) }, Ct);
        var estimate = await service.SetEstimateAsync("pk-alfa", wishes["Alfa/1"], -5, 1900, Ct);

        Assert.Equal(OperationOutcome.Invalid, raised.Outcome);
        Assert.Equal("Skriv en titel.", raised.FieldErrors!["Title"]);
        Assert.Equal("Skriv en fuld webadresse, der begynder med https://.", raised.FieldErrors["IssueUrl"]);
        Assert.Equal("Højst 2000 tegn.", raised.FieldErrors["Need"]);
        Assert.Equal("Skriv begrundelsen for afvisningen; alle kan se den.", rejected.FieldErrors!["Reason"]);
        Assert.Equal("Skriv datoen for beslutningen (ikke en dato i fremtiden).", rejected.FieldErrors["DecidedOn"]);
        Assert.Equal("Skriv et beløb i hele kroner fra 1 til 1.000.000.000.", estimate.FieldErrors!["Cost"]);
        Assert.Equal(count, await db.Wishes.CountAsync(Ct));
        var unchanged = await db.Wishes.AsNoTracking().SingleAsync(x => x.Id == wishes["Alfa/1"], Ct);
        Assert.Equal((WishStatus.New, 100_000L), (unchanged.Status, unchanged.EstimatedCost!.Value));
    }

    [Fact]
    public async Task SupportAndPledgesCannotBeWithdrawnOnceDecided()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var wishes = await WishWorld.SeedAsync(_db, w);
        var service = WishWorld.Service(_db);
        Assert.True((await service.SetStatusAsync("pk-alfa", wishes["Alfa/4"], new StatusInput { Status = WishStatus.Prioritised, Forum = DecisionForum.CoordinationGroup, DecidedOn = new DateOnly(2026, 11, 20) }, Ct)).Succeeded);

        var support = await service.WithdrawSupportAsync("it-frederikshavn", wishes["Alfa/4"], w.Organisations["Frederikshavn"], Ct);
        var pledge = await service.WithdrawPledgeAsync("it-frederikshavn", wishes["Alfa/4"], w.Organisations["Frederikshavn"], Ct);

        Assert.Equal(OperationOutcome.Invalid, support.Outcome);
        Assert.Equal(OperationOutcome.Invalid, pledge.Outcome);
        await using var db = _db.CreateDbContext();
        Assert.Equal(1, await db.WishPledges.CountAsync(p => p.WishId == wishes["Alfa/4"], Ct));
        Assert.Equal(1, await db.WishSupports.CountAsync(p => p.WishId == wishes["Alfa/4"], Ct));
    }

    [Fact]
    public async Task AHiddenWishLeavesTheListsAndTheApiAndShowsWhoHidItWhen()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var wishes = await WishWorld.SeedAsync(_db, w);
        var service = WishWorld.Service(_db);

        Assert.True((await service.HideAsync("pk-alfa", wishes["Alfa/1"], true, Ct)).Succeeded);

        Assert.DoesNotContain((await service.ListAsync(null, "alfa", new WishQuery(), Ct))!.Rows, r => r.Id == wishes["Alfa/1"]);
        Assert.Contains((await service.ListAsync("pk-alfa", "alfa", new WishQuery(), Ct))!.Rows, r => r.Id == wishes["Alfa/1"] && r.Hidden);
        Assert.DoesNotContain((await service.ApiAsync("alfa", new Uri("https://os2hub.example/"), Ct))!, x => x.Id == wishes["Alfa/1"]);
        var seen = (await service.GetAsync(null, "alfa", wishes["Alfa/1"], Ct))!;
        Assert.Equal("Skjult ønske", seen.Title);
        Assert.Null(seen.Description);
        Assert.Equal(GrantRole.ProductCoordinator, seen.HiddenByRole);
        Assert.NotNull(seen.HiddenAt);
    }

    [Fact]
    public async Task NamesAndAmountsReachOnlyCoOwnersAndTheProductsPeople()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var wishes = await WishWorld.SeedAsync(_db, w);
        await CoOwnersWithSizesAsync(w);
        var service = WishWorld.Service(_db);
        Assert.True((await service.CommentAsync("leverandoer", wishes["Alfa/4"], "Vi skønner 80.000 kr.", 80_000, Ct)).Succeeded);

        var anonymous = (await service.GetAsync(null, "alfa", wishes["Alfa/4"], Ct))!;
        var outsider = (await service.GetAsync("uden-rolle", "alfa", wishes["Alfa/4"], Ct))!;
        var coOwner = (await service.GetAsync("it-frederikshavn", "alfa", wishes["Alfa/4"], Ct))!;
        var supplier = (await service.GetAsync("leverandoer", "alfa", wishes["Alfa/4"], Ct))!;

        foreach (var view in new[] { anonymous, outsider })
        {
            Assert.Null(view.CreatedBy);
            Assert.All(view.Supporters, s => Assert.Null(s.Person));
            Assert.All(view.Events, e => Assert.Null(e.Person));
            Assert.Null(view.Funding);
            Assert.Null(view.EstimatedCost);
            Assert.Null(Assert.Single(view.Comments).SupplierEstimate);
            Assert.Equal(1, view.Pledgers);
        }

        Assert.Equal("it-frederikshavn", coOwner.CreatedBy);
        Assert.Equal(50_000, coOwner.Funding!.Pledged);
        Assert.Equal(80_000, Assert.Single(coOwner.Comments).SupplierEstimate);
        Assert.Equal("it-frederikshavn", supplier.CreatedBy); // the product's suppliers see names
        Assert.Null(supplier.Funding); // but not what each authority pays
    }

    [Fact]
    public async Task TheListFiltersBySearchWithDanishFoldingAndSortsBySupport()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var wishes = await WishWorld.SeedAsync(_db, w);
        var service = WishWorld.Service(_db);

        var search = await service.ListAsync(null, "alfa", new WishQuery(Search: "SOEGNING"), Ct);
        var prioritised = await service.ListAsync(null, "alfa", new WishQuery(Status: WishStatus.Prioritised), Ct);
        var bySupport = await service.ListAsync(null, "alfa", new WishQuery(Sort: WishSort.Support), Ct);

        Assert.Equal("Bedre søgning", Assert.Single(search!.Rows).Title);
        Assert.Equal(["Bedre søgning", "Mørkt tema"], prioritised!.Rows.Select(r => r.Title));
        Assert.Equal(1, bySupport!.Rows[0].Supporters);
        Assert.Equal(0, bySupport.Rows[^1].Supporters);
    }

    private async Task AddItCoordinatorAsync(string id, int organisationId)
    {
        await using var db = _db.CreateDbContext();
        var user = new AppUser { Id = id, UserName = $"{id}@example.dk", Email = $"{id}@example.dk", DisplayName = id };
        user.Grants.Add(new Grant { UserId = id, Role = GrantRole.ItCoordinator, OrganisationId = organisationId });
        db.Users.Add(user);
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>
    /// Alfa's co-owners with populations in every size class and the association's key for 2027, and an IT-koordinator
    /// for each; returns them in the order they will pledge.
    /// </summary>
    private async Task<List<(string UserId, int OrganisationId)>> CoOwnersWithSizesAsync(WorkflowWorld w)
    {
        await using var db = _db.CreateDbContext();
        db.EconomyYears.Add(new EconomyYear { BudgetYear = 2027, WeightSmall = 1, WeightMedium = 1.5m, WeightLarge = 2, WeightVeryLarge = 3, SecretariatPercent = 5 });
        var more = new[] { ("Læsø Kommune", "laesoe", "0825", 1_800), ("Aarhus Kommune", "aarhus", "0751", 367_000), ("Horsens Kommune", "horsens", "0615", 95_000) }
            .Select(x => new Organisation { Name = x.Item1, Slug = x.Item2, Code = x.Item3, Kind = OrganisationKind.Municipality }).ToList();
        db.Organisations.AddRange(more);
        await db.SaveChangesAsync(Ct);
        var populations = new Dictionary<int, int>
        {
            [w.Organisations["Frederikshavn"]] = 58_000, [w.Organisations["Helsingør"]] = 63_000,
            [more[0].Id] = 1_800, [more[1].Id] = 367_000, [more[2].Id] = 95_000,
        };
        foreach (var (organisation, population) in populations)
        {
            db.PopulationFigures.Add(new PopulationFigure { OrganisationId = organisation, AsOf = new DateOnly(2026, 1, 1), Population = population });
        }

        foreach (var o in more)
        {
            db.Participations.Add(new Participation { ProductId = w.Products["Alfa"], OrganisationId = o.Id, Kind = ParticipationKind.Member, StartDate = new DateOnly(2021, 1, 1) });
        }

        await db.SaveChangesAsync(Ct);
        foreach (var o in more.Append(new Organisation { Id = w.Organisations["Helsingør"], Name = "", Slug = "helsingoer" }))
        {
            await AddItCoordinatorAsync($"it-{o.Slug}", o.Id);
        }

        return [("it-frederikshavn", w.Organisations["Frederikshavn"]), ("it-laesoe", more[0].Id), ("it-aarhus", more[1].Id), ("it-helsingoer", w.Organisations["Helsingør"]), ("it-horsens", more[2].Id)];
    }
}
