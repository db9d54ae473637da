using System.Net;
using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Feeds;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Http;

/// <summary>The Atom feeds as a feed reader meets them: parsed by an independent parser, every public item and no closed one.</summary>
public sealed class FeedHttpTests(HubFactory factory) : IClassFixture<HubFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task TheProductAndHubFeedsAreAtomWithEveryPublicItemAndNoClosedOne()
    {
        await SeedAsync();

        foreach (var path in new[] { "/produkter/os2rollekatalog/feed.atom", "/feed.atom" })
        {
            var response = await Client().GetAsync(new Uri(path, UriKind.Relative), Ct);
            var xml = await response.Content.ReadAsStringAsync(Ct);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
            var feed = FeedReader.ReadFromString(xml);
            Assert.Equal(FeedType.Atom, feed.Type);
            var atom = Assert.IsType<AtomFeed>(feed.SpecificFeed);
            Assert.False(string.IsNullOrEmpty(atom.Id));
            Assert.NotNull(atom.UpdatedDate);
            Assert.Equal(4, feed.Items.Count); // the three seeded here and the demo data's public question
            Assert.All(feed.Items, item =>
            {
                var entry = Assert.IsType<AtomFeedItem>(item.SpecificItem);
                Assert.False(string.IsNullOrEmpty(entry.Id));
                Assert.False(string.IsNullOrEmpty(entry.Title));
                Assert.NotNull(entry.UpdatedDate);
                Assert.StartsWith("http", entry.Link, StringComparison.Ordinal);
                Assert.False(string.IsNullOrEmpty(entry.Author?.Name));
            });
            Assert.Contains(feed.Items, i => i.Title == "OS2rollekatalog 2026.3: Skoleroller");
            Assert.Contains(feed.Items, i => i.Title == "Ny kontaktperson i styregruppen");
            var question = Assert.Single(feed.Items, i => i.Title == "Spørgsmål: Hvordan har I sat integrationen til KMD OPUS op?");
            Assert.Equal("Region Hovedstaden", Assert.IsType<AtomFeedItem>(question.SpecificItem).Author.Name); // the organisation, never a person
            Assert.DoesNotContain("Lukket", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("Erfaringer med attestering", xml, StringComparison.Ordinal); // the demo's co-owners-only thread
            Assert.DoesNotContain("@", xml, StringComparison.Ordinal);
        }

        var missing = await Client().GetAsync(new Uri("/produkter/findes-ikke/feed.atom", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private async Task SeedAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<OS2HubDbContext>>().CreateDbContextAsync(Ct);
        var product = await db.Products.SingleAsync(p => p.Slug == "os2rollekatalog", Ct);
        var now = DateTime.UtcNow;
        db.NewsItems.AddRange(
            new NewsItem { ProductId = product.Id, Kind = NewsKind.Release, Title = "Skoleroller", Version = "2026.3", Text = "Rolleskabeloner for skoler.", PublishedOn = DateOnly.FromDateTime(now), AuthorUserId = "x", CreatedAt = now },
            new NewsItem { ProductId = product.Id, Kind = NewsKind.News, Title = "Ny kontaktperson i styregruppen", Text = "Tekst", PublishedOn = DateOnly.FromDateTime(now), AuthorUserId = "x", CreatedAt = now.AddMinutes(-1) },
            new NewsItem { ProductId = product.Id, Kind = NewsKind.News, Title = "Lukket nyhed", Text = "Kun for medejere", PublishedOn = DateOnly.FromDateTime(now), AuthorUserId = "x", Visibility = ItemVisibility.CoOwners, CreatedAt = now });
        db.DecisionEntries.AddRange(
            new DecisionEntry { ProductId = product.Id, DecidedOn = DateOnly.FromDateTime(now), Body = DecisionBody.SteeringGroup, Summary = "Budget 2027 vedtaget.", RecordedByUserId = "x", CreatedAt = now.AddMinutes(-2) },
            new DecisionEntry { ProductId = product.Id, DecidedOn = DateOnly.FromDateTime(now), Body = DecisionBody.SteeringGroup, Summary = "Lukket beslutning", RecordedByUserId = "x", Visibility = ItemVisibility.CoOwners, CreatedAt = now });
        await db.SaveChangesAsync(Ct);
    }
}
