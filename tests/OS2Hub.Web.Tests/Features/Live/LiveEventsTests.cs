using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OS2Hub.Web.Components.Layout;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Email;
using OS2Hub.Web.Features.Live;
using OS2Hub.Web.Features.Memberships;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Live;

/// <summary>A change made on one instance reaches the open pages of users on another without a reload.</summary>
public sealed class LiveEventsTests : MudBunitContext
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ANotificationRaisedOnOneInstanceReachesASubscriberOnTheOther()
    {
        var directory = Path.Combine(Path.GetTempPath(), "os2hub-live-" + Guid.NewGuid().ToString("N"));
        await using var first = new SharedDatabaseHubFactory(directory);
        // On SQLite the hub runs as one instance, and its events stay in the process: "the other" is the same one.
        await using var second = PostgreSqlTestServer.IsConfigured ? new SharedDatabaseHubFactory(directory) : null;
        var other = second ?? first;
        first.CreateClient();
        other.CreateClient();
        foreach (var instance in new[] { first, other }.Where(_ => PostgreSqlTestServer.IsConfigured))
        {
            await instance.Services.GetRequiredService<PostgreSqlLiveEvents>().Listening.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        }

        var heard = new ConcurrentQueue<string?>();
        using var subscription = other.Services.GetRequiredService<LiveEvents>().Subscribe(Notifier.Topic, key =>
        {
            heard.Enqueue(key);
            return Task.CompletedTask;
        });
        string secretariat, frederikshavn;
        int product, authority;
        await using (var db = await first.Services.GetRequiredService<IDbContextFactory<OS2HubDbContext>>().CreateDbContextAsync(Ct))
        {
            secretariat = await db.Users.Where(u => u.Email == "sekretariat@demo.os2hub.dk").Select(u => u.Id).SingleAsync(Ct);
            frederikshavn = await db.Users.Where(u => u.Email == "it-frederikshavn@demo.os2hub.dk").Select(u => u.Id).SingleAsync(Ct);
            product = await db.Products.Where(p => p.Slug == "os2mo").Select(p => p.Id).SingleAsync(Ct);
            authority = await db.Organisations.Where(o => o.Slug == "frederikshavn").Select(o => o.Id).SingleAsync(Ct);
        }

        await first.Services.GetRequiredService<Notifier>().StepAsync(product, authority, frederikshavn, frederikshavn, "Notification_Requested", [new DateOnly(2027, 1, 1)], Ct);

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!(heard.Contains(secretariat) && heard.Contains(frederikshavn)) && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50, Ct);
        }

        Assert.Contains(secretariat, heard);
        Assert.Contains(frederikshavn, heard);
    }

    [Fact]
    public async Task TheBadgeCountsANewNotificationWhenItsEventArrives()
    {
        using var database = TestDatabase.Create();
        await WorkflowWorld.CreateAsync(database);
        var live = new InProcessLiveEvents(NullLogger<InProcessLiveEvents>.Instance);
        Services.AddSingleton<LiveEvents>(live);
        Services.AddSingleton(new AccessService(database));
        Services.AddScoped<CurrentUser>();
        Services.AddSingleton(new Notifier(database, new RecordingEmailSender(), FixedClock.Default,
            Microsoft.Extensions.Options.Options.Create(new OS2HubOptions()), live, NullLogger<Notifier>.Instance));
        var auth = AddAuthorization();
        auth.SetAuthorized("it-frederikshavn");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "it-frederikshavn"));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var cut = Render<UserMenu>();
        cut.WaitForElement("a[href='/notifikationer']");
        Assert.Empty(cut.FindAll(".badge"));

        await using (var db = database.CreateDbContext())
        {
            db.Notifications.Add(new Notification { UserId = "it-frederikshavn", TextKey = "Notification_Requested", TextArguments = "[]", Link = "/mine-anmodninger", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(Ct);
        }

        await live.PublishAsync(Notifier.Topic, "someone-else", Ct);
        Assert.Empty(cut.FindAll(".badge"));
        await live.PublishAsync(Notifier.Topic, "it-frederikshavn", Ct);

        // The space keeps a screen reader from reading "1ulæste" as one word.
        cut.WaitForAssertion(() => Assert.Equal("1 ulæste", cut.Find(".badge").TextContent));
    }
}
