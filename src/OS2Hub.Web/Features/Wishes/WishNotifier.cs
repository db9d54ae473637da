using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Email;
using OS2Hub.Web.Features.Live;
using OS2Hub.Web.Features.Localization;
using OS2Hub.Web.Features.Memberships;

namespace OS2Hub.Web.Features.Wishes;

/// <summary>
/// Tells the produktkoordinator of a new wish and the backers (who raised it, the supporting and pledging
/// authorities' IT-koordinatorer) of each change of status: in the hub, and by e-mail with a one-click way to stop
/// wish e-mails (RFC 8058). It runs after the change is committed; a failing mail server never undoes it.
/// </summary>
public sealed class WishNotifier(IDbContextFactory<OS2HubDbContext> dbFactory, IEmailSender email, TimeProvider clock, IOptions<OS2HubOptions> options,
    LiveEvents live, IDataProtectionProvider protection, ILogger<WishNotifier> logger, Following.FollowNotifier? followers = null)
{
    private const string UnsubscribePurpose = "OS2Hub.WishEmails.Unsubscribe";

    public async Task RaisedAsync(int wishId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var wish = await WishAsync(db, wishId, ct);
        var coordinators = await db.Users.Where(u => u.Grants.Any(g => g.Role == GrantRole.ProductCoordinator && g.ProductId == wish.ProductId)).Select(u => u.Id).ToListAsync(ct);
        await SendAsync(db, coordinators, wish, "WishNotice_Raised", [wish.Raiser], ct);
        if (followers is not null)
        {
            await followers.PublishedAsync(new Following.FollowedItem(FollowTopics.Wishes, wish.ProductId, ItemVisibility.Public, false, "Follow_Notice_Wish", wish.Title,
                $"/produkter/{wish.Slug}/oensker/{wish.Id}", wish.CreatedBy), ct);
        }
    }

    public async Task StatusChangedAsync(int wishId, WishStatus from, WishStatus to, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var wish = await WishAsync(db, wishId, ct);
        await SendAsync(db, await BackersAsync(db, wishId, wish.CreatedBy, ct), wish, $"WishNotice_Status_{to}", [wish.DeliveredIn ?? ""], ct);
    }

    /// <summary>The backers hear the wish was laid together with another; the pledgers also that their pledges lapsed.</summary>
    public async Task MergedAsync(int wishId, int intoId, IReadOnlyList<int> lapsedPledgers, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var wish = await WishAsync(db, wishId, ct);
        var into = await WishAsync(db, intoId, ct);
        var pledgers = await db.Users.Where(u => u.Grants.Any(g => g.Role == GrantRole.ItCoordinator && g.OrganisationId != null && lapsedPledgers.Contains(g.OrganisationId.Value)))
            .Select(u => u.Id).ToListAsync(ct);
        var backers = (await BackersAsync(db, wishId, wish.CreatedBy, ct)).Except(pledgers).ToList();
        await SendAsync(db, backers, wish, "WishNotice_Merged", [into.Title], ct, $"/produkter/{into.Slug}/oensker/{into.Id}");
        await SendAsync(db, pledgers, wish, "WishNotice_PledgesLapsed", [into.Title], ct, $"/produkter/{into.Slug}/oensker/{into.Id}");
    }

    /// <summary>The address in a wish e-mail that turns wish e-mails off for its recipient with one click.</summary>
    public string UnsubscribeToken(string userId) => OneClickStop.Token(protection, UnsubscribePurpose, userId);

    /// <summary>Turns wish e-mails off for the person the token was made for; false for a token that is not ours.</summary>
    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken ct = default)
    {
        if (OneClickStop.UserOf(protection, UnsubscribePurpose, token) is not { } userId)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.WishEmailsOff, true), ct) > 0;
    }

    private sealed record WishInfo(int ProductId, string Slug, string Product, string Title, string Raiser, string CreatedBy, string? DeliveredIn, int Id);

    private static async Task<WishInfo> WishAsync(OS2HubDbContext db, int wishId, CancellationToken ct) =>
        await db.Wishes.Where(w => w.Id == wishId)
            .Select(w => new WishInfo(w.ProductId, w.Product!.Slug, w.Product.Name, w.Title, w.Organisation != null ? w.Organisation.Name : w.Supplier!.Name, w.CreatedByUserId, w.DeliveredIn, w.Id))
            .SingleAsync(ct);

    /// <summary>Who raised the wish, who supported it, and the IT-koordinatorer of the authorities that support or pledge.</summary>
    private static async Task<List<string>> BackersAsync(OS2HubDbContext db, int wishId, string createdBy, CancellationToken ct)
    {
        var authorities = await db.WishSupports.Where(s => s.WishId == wishId).Select(s => s.OrganisationId)
            .Union(db.WishPledges.Where(p => p.WishId == wishId).Select(p => p.OrganisationId)).ToListAsync(ct);
        var supporters = await db.WishSupports.Where(s => s.WishId == wishId).Select(s => s.UserId).ToListAsync(ct);
        var coordinators = await db.Users.Where(u => u.Grants.Any(g => g.Role == GrantRole.ItCoordinator && g.OrganisationId != null && authorities.Contains(g.OrganisationId.Value)))
            .Select(u => u.Id).ToListAsync(ct);
        return supporters.Concat(coordinators).Append(createdBy).Distinct().ToList();
    }

    private async Task SendAsync(OS2HubDbContext db, List<string> userIds, WishInfo wish, string textKey, IReadOnlyList<string> extra, CancellationToken ct, string? link = null)
    {
        if (userIds.Count == 0)
        {
            return;
        }

        link ??= $"/produkter/{wish.Slug}/oensker/{wish.Id}";
        var stored = JsonSerializer.Serialize<string[]>([wish.Product, wish.Title, .. extra]);
        var now = clock.GetUtcNow().UtcDateTime;
        var recipients = await db.Users.Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.Email, u.PreferredLanguage, u.WishEmailsOff }).ToListAsync(ct);
        db.Notifications.AddRange(recipients.Select(r => new Notification { UserId = r.Id, TextKey = textKey, TextArguments = stored, Link = link, CreatedAt = now }));
        await db.SaveChangesAsync(ct);
        foreach (var r in recipients)
        {
            await Notifier.ChangedAsync(live, logger, r.Id, ct);
        }

        foreach (var r in recipients.Where(r => r.Email is not null && !r.WishEmailsOff))
        {
            try
            {
                var unsubscribe = options.Value.Link($"{WishesFeature.UnsubscribePath}?t={Uri.EscapeDataString(UnsubscribeToken(r.Id))}").ToString();
                string subject, body;
                using (Texts.In(r.PreferredLanguage))
                {
                    var message = Texts.Format(textKey, [wish.Product, wish.Title, .. extra]);
                    (subject, body) = (Texts.Format("Notification_EmailSubject", wish.Product), Texts.Format("WishNotice_EmailBody", message, options.Value.Link(link), options.Value.Link($"/afmeld/oensker?t={Uri.EscapeDataString(UnsubscribeToken(r.Id))}")));
                }

                await email.SendAsync(new EmailMessage(r.Email!, subject, body, unsubscribe), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The change is done and the in-hub notification stored. By type only: an SMTP error may quote the address.
                logger.LogWarning("A wish e-mail could not be sent ({Error})", e.GetType().Name);
            }
        }
    }
}
