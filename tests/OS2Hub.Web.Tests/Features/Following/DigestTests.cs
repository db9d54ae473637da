using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features;
using OS2Hub.Web.Features.Community;
using OS2Hub.Web.Features.Following;
using OS2Hub.Web.Features.Questions;
using OS2Hub.Web.Tests.Features.Community;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Tests.Features.Questions;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Following;

/// <summary>
/// Following and the digests on the workflow world: the right items, each once, nothing the recipient may not read
/// at the time of sending, nothing to anyone who did not choose e-mail, and a stop that needs no sign-in.
/// </summary>
public sealed class DigestTests : IDisposable
{
    private static readonly DateTimeOffset Followed = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _db = TestDatabase.Create();
    private readonly MovingClock _clock = new(Followed);
    private readonly RecordingEmailSender _email = new();
    private readonly EphemeralDataProtectionProvider _protection = new();

    public void Dispose() => _db.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DigestService Digests() => new(_db, _clock, _email, Options.Create(new OS2HubOptions { PublicBaseUrl = new Uri("https://os2hub.example/") }), _protection,
        NullLogger<DigestService>.Instance);

    private FollowService Follows() => new(_db, _clock);

    /// <summary>Follows made at 10:00, then at 12:00 one item of every kind on Alfa, written through the real services.</summary>
    private async Task<WorkflowWorld> WorldAsync()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        await Follow("medarbejder-frederikshavn", FollowTopics.All, FollowDelivery.DailyDigest);
        await Follow("leverandoer", FollowTopics.All, FollowDelivery.DailyDigest);
        await Follow("it-frederikshavn", FollowTopics.All, FollowDelivery.Hub);
        await Follow("uden-rolle", FollowTopics.News | FollowTopics.Releases, FollowDelivery.Hub);
        await Follow("medarbejder-helsingoer", FollowTopics.Questions, FollowDelivery.WeeklyDigest);

        _clock.Now = Followed.AddHours(2);
        var followers = QuestionWorld.Followers(_db, _clock);
        var community = new CommunityService(_db, _clock, followers);
        Assert.True((await community.AddNewsAsync("leverandoer", new NewsInput
        {
            ProductId = w.Products["Alfa"], Kind = NewsKind.Release, Title = "Alfa med ny login", Version = "2.0", PublishedOn = new DateOnly(2026, 11, 27), Text = "Noter",
        }, Ct)).Succeeded);
        Assert.True((await community.AddNewsAsync("pk-alfa", new NewsInput
        {
            ProductId = w.Products["Alfa"], Title = "Lukket budgetnyhed", PublishedOn = new DateOnly(2026, 11, 27), Text = "Kun medejere", Visibility = ItemVisibility.CoOwners,
        }, Ct)).Succeeded);
        Assert.True((await community.AddDecisionAsync("pk-alfa", new DecisionInput
        {
            ProductId = w.Products["Alfa"], DecidedOn = new DateOnly(2026, 11, 26), Body = DecisionBody.SteeringGroup, Summary = "Styregruppen vedtog køreplanen",
        }, Ct)).Succeeded);
        Assert.True((await new DocumentService(_db, _clock, followers).UploadAsync("pk-alfa", new DocumentUpload { ProductId = w.Products["Alfa"], Title = "Driftsvejledning" },
            "vejledning.pdf", DocumentTests.Pdf(), Ct)).Succeeded);
        Assert.True((await new QuestionService(_db, _clock, followers).AskAsync("it-frederikshavn", new QuestionInput
        {
            ProductId = w.Products["Alfa"], Title = "Hvem kører Alfa i skyen?", Text = "Vi overvejer det.",
        }, Ct)).Succeeded);
        return w;

        async Task Follow(string user, FollowTopics topics, FollowDelivery delivery) =>
            Assert.True((await Follows().FollowAsync(user, (await ProductAsync("alfa")), topics, delivery, Ct)).Succeeded);
    }

    [Fact]
    public async Task ADailyDigestListsEachNewItemOnceAndOnlyWhatTheRecipientMayRead()
    {
        await WorldAsync();
        _clock.Now = Followed.AddDays(1).AddHours(3);

        var sent = await Digests().SendDueAsync(Ct);

        Assert.Equal(2, sent);
        Assert.Equal(["leverandoer@example.dk", "medarbejder-frederikshavn@example.dk"], _email.Messages.Select(m => m.Recipient).Order(StringComparer.Ordinal));
        var staff = _email.Messages.Single(m => m.Recipient.StartsWith("medarbejder", StringComparison.Ordinal));
        Assert.Equal("OS2Hub: nyt fra Alfa", staff.Subject);
        foreach (var title in new[] { "2.0: Alfa med ny login", "Lukket budgetnyhed", "Styregruppen vedtog køreplanen", "Driftsvejledning", "Hvem kører Alfa i skyen?" })
        {
            Assert.Equal(1, Occurrences(staff.Text, title));
        }

        var supplier = _email.Messages.Single(m => m.Recipient.StartsWith("leverandoer", StringComparison.Ordinal));
        Assert.DoesNotContain("Lukket budgetnyhed", supplier.Text, StringComparison.Ordinal); // co-owners only, suppliers not named
        Assert.Contains("Hvem kører Alfa i skyen?", supplier.Text, StringComparison.Ordinal); // the product's supplier reads its threads
        Assert.All(_email.Messages, m =>
        {
            Assert.StartsWith("https://os2hub.example/afmeld/sammendrag/klik?t=", m.UnsubscribeUrl, StringComparison.Ordinal);
            Assert.Contains("https://os2hub.example/afmeld/sammendrag?t=", m.Text, StringComparison.Ordinal);
        });

        // Once: the same window is never sent again, and the weekly follower is not due for another six days.
        Assert.Equal(0, await Digests().SendDueAsync(Ct));
        _clock.Now = Followed.AddDays(7).AddHours(3);
        Assert.Equal(1, await Digests().SendDueAsync(Ct));
        var weekly = _email.Messages.Last();
        Assert.Equal("medarbejder-helsingoer@example.dk", weekly.Recipient);
        Assert.Contains("Hvem kører Alfa i skyen?", weekly.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Alfa med ny login", weekly.Text, StringComparison.Ordinal); // it chose questions only
    }

    [Fact]
    public async Task InTheHubAtOnceReachesOnlyTheFollowersWhoMayReadTheItemAndNeverTheAuthor()
    {
        await WorldAsync();

        await using var db = _db.CreateDbContext();
        var notices = await db.Notifications.Where(n => n.TextKey != null && n.TextKey.StartsWith("Follow_Notice_")).Select(n => new { n.UserId, n.TextKey, n.TextArguments }).ToListAsync(Ct);

        var coordinator = notices.Where(n => n.UserId == "it-frederikshavn").Select(n => n.TextKey).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Follow_Notice_Decision", "Follow_Notice_Document", "Follow_Notice_News", "Follow_Notice_Release"], coordinator); // not its own question
        var outsider = notices.Where(n => n.UserId == "uden-rolle").ToList();
        Assert.Equal("Follow_Notice_Release", Assert.Single(outsider).TextKey); // the closed news is not for it, the rest it did not choose
        Assert.DoesNotContain(notices, n => n.UserId is "medarbejder-frederikshavn" or "leverandoer" or "medarbejder-helsingoer"); // they chose e-mail
    }

    [Fact]
    public async Task WhatTheRecipientMayNoLongerReadWhenTheDigestIsSentIsLeftOut()
    {
        await WorldAsync();
        await using (var db = _db.CreateDbContext())
        {
            await db.Grants.Where(g => g.UserId == "medarbejder-frederikshavn").ExecuteDeleteAsync(Ct); // the IT-koordinator ended the grant
        }

        _clock.Now = Followed.AddDays(1).AddHours(3);
        await Digests().SendDueAsync(Ct);

        var staff = _email.Messages.Single(m => m.Recipient.StartsWith("medarbejder", StringComparison.Ordinal));
        Assert.Contains("Alfa med ny login", staff.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Lukket budgetnyhed", staff.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hvem kører Alfa i skyen?", staff.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoInstancesRunningAtOnceSendEachDigestOnce()
    {
        await WorldAsync();
        _clock.Now = Followed.AddDays(1).AddHours(3);

        var runs = await Task.WhenAll(Digests().SendDueAsync(Ct), Digests().SendDueAsync(Ct));

        Assert.Equal(2, runs.Sum());
        Assert.Equal(2, _email.Messages.Count);
    }

    [Fact]
    public async Task TheStopTokenTurnsEveryDigestIntoNoticesAndAForgedOneDoesNothing()
    {
        await WorldAsync();
        var digests = Digests();

        Assert.False(await digests.StopAsync("ikke-et-token", Ct));
        Assert.True(await digests.StopAsync(digests.StopToken("medarbejder-frederikshavn"), Ct));

        _clock.Now = Followed.AddDays(1).AddHours(3);
        await digests.SendDueAsync(Ct);
        Assert.Equal(["leverandoer@example.dk"], _email.Messages.Select(m => m.Recipient));
        await using var db = _db.CreateDbContext();
        Assert.Equal(FollowDelivery.Hub, await db.ProductFollows.Where(f => f.UserId == "medarbejder-frederikshavn").Select(f => f.Delivery).SingleAsync(Ct));
    }

    [Fact]
    public async Task ChoosingEmailLaterStartsFromThenAndAFollowNeedsATopic()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var alfa = w.Products["Alfa"];
        Assert.True((await Follows().FollowAsync("it-frederikshavn", alfa, FollowTopics.All, FollowDelivery.Hub, Ct)).Succeeded);
        _clock.Now = Followed.AddHours(1);
        Assert.True((await new CommunityService(_db, _clock).AddNewsAsync("pk-alfa", new NewsInput
        {
            ProductId = alfa, Title = "Før e-mail", PublishedOn = new DateOnly(2026, 11, 27), Text = "x",
        }, Ct)).Succeeded);

        _clock.Now = Followed.AddHours(2);
        var none = await Follows().FollowAsync("it-frederikshavn", alfa, FollowTopics.None, FollowDelivery.DailyDigest, Ct);
        Assert.True((await Follows().FollowAsync("it-frederikshavn", alfa, FollowTopics.All, FollowDelivery.DailyDigest, Ct)).Succeeded);
        _clock.Now = Followed.AddDays(2);
        await Digests().SendDueAsync(Ct);

        Assert.Equal((OperationOutcome.Invalid, "Vælg mindst én slags nyt, eller stop med at følge produktet."), (none.Outcome, none.FieldErrors!["Topics"]));
        Assert.Empty(_email.Messages); // the only item came before e-mail was chosen
        Assert.True((await Follows().UnfollowAsync("it-frederikshavn", alfa, Ct)).Succeeded);
        Assert.Empty(await Follows().MineAsync("it-frederikshavn", Ct));
    }

    private async Task<int> ProductAsync(string slug)
    {
        await using var db = _db.CreateDbContext();
        return await db.Products.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync(Ct);
    }

    private static int Occurrences(string text, string value) => (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
