using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Following;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Following;

/// <summary>The "Følg" panel in bUnit over the real service and database: the choices a user makes are the ones saved.</summary>
public sealed class FollowPanelTests : MudBunitContext
{
    private readonly TestDatabase _db = TestDatabase.Create();
    private readonly Bunit.TestDoubles.BunitAuthorizationContext _auth;

    public FollowPanelTests()
    {
        Services.AddSingleton(new FollowService(_db, FixedClock.Default));
        Services.AddScoped<CurrentUser>();
        Services.AddTransient<OS2Hub.Web.Components.Saving>();
        _auth = AddAuthorization();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _db.Dispose();
        }
    }

    [Fact]
    public async Task TheTopicsAndTheWayChosenAreSavedAndAFollowCanBeStopped()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        _auth.SetAuthorized("medarbejder-frederikshavn");
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "medarbejder-frederikshavn"));
        var cut = Render<FollowPanel>(p => p.Add(x => x.ProductId, w.Products["Alfa"]).Add(x => x.Product, "Alfa"));

        // Every step waits for the render: against PostgreSQL the service answers asynchronously.
        cut.WaitForElement("button.button-primary").Click();
        cut.WaitForElement($"#follow-{w.Products["Alfa"]}-Wishes").Change(false);
        cut.Find($"#follow-{w.Products["Alfa"]}-Releases").Change(false);
        cut.Find($"#follow-{w.Products["Alfa"]}-WeeklyDigest").Change(true);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Du følger nu Alfa.", cut.Find("[role=status]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Nyheder, Beslutninger, Dokumenter, Spørgsmål", cut.Markup, StringComparison.Ordinal);
        await using (var db = _db.CreateDbContext())
        {
            var follow = await db.ProductFollows.SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal((FollowTopics.News | FollowTopics.Decisions | FollowTopics.Documents | FollowTopics.Questions, FollowDelivery.WeeklyDigest), (follow.Topics, follow.Delivery));
        }

        cut.WaitForElement("button.link-button").Click(); // "Skift"
        foreach (var topic in new[] { "News", "Decisions", "Documents", "Questions" })
        {
            cut.Find($"#follow-{w.Products["Alfa"]}-{topic}").Change(false);
        }

        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Contains("Vælg mindst én slags nyt", cut.Markup, StringComparison.Ordinal));
        Assert.True(cut.Find($"#follow-{w.Products["Alfa"]}-WeeklyDigest").HasAttribute("checked")); // the form stays open with what was chosen
        cut.Find("button.button-secondary").Click(); // "Stop med at følge"
        cut.WaitForAssertion(() => Assert.Contains("Du følger ikke længere Alfa.", cut.Find("[role=status]").TextContent, StringComparison.Ordinal));
        await using var after = _db.CreateDbContext();
        Assert.False(await after.ProductFollows.AnyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void ASignedOutVisitorIsAskedToSignIn()
    {
        var cut = Render<FollowPanel>(p => p.Add(x => x.ProductId, 1).Add(x => x.Product, "Alfa"));

        Assert.Contains("Log ind for at følge produktet", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("button"));
    }
}
