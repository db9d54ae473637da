using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Email;
using OS2Hub.Web.Features.Live;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Memberships;

/// <summary>
/// Tells the requester and the deciders (the secretariat and the product's produktkoordinatorer) about each step:
/// an in-app notification and an e-mail. It runs after the step is committed; a failing mail server is logged and
/// never undoes the step.
/// </summary>
public sealed class Notifier(IDbContextFactory<OS2HubDbContext> dbFactory, IEmailSender email, TimeProvider clock, IOptions<OS2HubOptions> options,
    LiveEvents live, ILogger<Notifier> logger)
{
    /// <summary>The live-event topic whose key is the user whose notifications changed.</summary>
    public const string Topic = "notifications";

    /// <summary>
    /// Records and sends one step. The message is a resource key whose placeholders are {0} the authority, {1} the
    /// product, then <paramref name="extra"/> (dates as <see cref="DateOnly"/>); each reader gets it in their language.
    /// </summary>
    public async Task StepAsync(int productId, int organisationId, string? requesterId, string actorId, string textKey, IReadOnlyList<object> extra, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.Where(p => p.Id == productId).Select(p => p.Name).SingleAsync(ct);
        var authority = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(ct);
        string[] arguments = [authority, product, .. extra.Select(a => a is DateOnly d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Convert.ToString(a, CultureInfo.InvariantCulture) ?? "")];
        var stored = JsonSerializer.Serialize(arguments);

        var deciders = await db.Users
            .Where(u => u.Grants.Any(g => g.Role == GrantRole.Secretariat || (g.Role == GrantRole.ProductCoordinator && g.ProductId == productId)))
            .Select(u => new { u.Id, u.Email, u.PreferredLanguage }).ToListAsync(ct);
        var requesters = await db.Users
            .Where(u => u.Id == requesterId || u.Id == actorId || u.Grants.Any(g => g.Role == GrantRole.ItCoordinator && g.OrganisationId == organisationId))
            .Select(u => new { u.Id, u.Email, u.PreferredLanguage }).ToListAsync(ct);

        var recipients = deciders.Select(u => (u.Id, u.Email, u.PreferredLanguage, Link: "/anmodninger"))
            .Concat(requesters.Where(r => deciders.All(d => d.Id != r.Id)).Select(u => (u.Id, u.Email, u.PreferredLanguage, Link: "/mine-anmodninger")))
            .ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        db.Notifications.AddRange(recipients.Select(r => new Notification { UserId = r.Id, TextKey = textKey, TextArguments = stored, Link = r.Link, CreatedAt = now }));
        await db.SaveChangesAsync(ct);
        foreach (var userId in recipients.Select(r => r.Id).Distinct())
        {
            await ChangedAsync(userId, ct);
        }

        foreach (var recipient in recipients.Where(r => r.Email is not null))
        {
            try
            {
                string subject, body;
                using (Texts.In(recipient.PreferredLanguage))
                {
                    var message = Render(textKey, stored);
                    (subject, body) = (Texts.Format("Notification_EmailSubject", product), Texts.Format("Notification_EmailBody", message, options.Value.Link(recipient.Link)));
                }

                await email.SendAsync(recipient.Email!, subject, body, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The step itself is done and recorded; the in-app notification still reaches the user.
                // By type only: an SMTP error's text often quotes the recipient's address.
                logger.LogWarning("A notification e-mail could not be sent ({Error})", e.GetType().Name);
            }
        }
    }

    /// <summary>A notification's message in the current language; older ones were stored as finished Danish text.</summary>
    public static string Render(Notification notification) =>
        notification.TextKey is null ? notification.Text ?? "" : Render(notification.TextKey, notification.TextArguments);

    private static string Render(string key, string? arguments)
    {
        var values = JsonSerializer.Deserialize<string[]>(arguments ?? "[]") ?? [];
        return Texts.Format(key, [.. values.Select(v => DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("d", CultureInfo.CurrentCulture) : (object)v)]);
    }

    public async Task<int> UnreadCountAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);
    }

    /// <summary>The user's notifications, newest first; opening them marks them read.</summary>
    public async Task<IReadOnlyList<Notification>> OpenAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.CreatedAt).Take(200).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct) > 0)
        {
            await ChangedAsync(userId, ct); // the badge in the user's other tabs
        }

        return list;
    }

    private Task ChangedAsync(string userId, CancellationToken ct) => ChangedAsync(live, logger, userId, ct);

    /// <summary>Tells the user's open pages, on any instance, that their notifications changed; every kind of notice uses it.</summary>
    public static async Task ChangedAsync(LiveEvents live, ILogger logger, string userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(live);
        try
        {
            await live.PublishAsync(Topic, userId, ct);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException)
        {
            // The notification is stored; the badge catches up at the next page load.
            logger.LogWarning("A live event could not be published ({Error})", e.GetType().Name);
        }
    }
}
