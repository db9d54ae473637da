using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Email;

namespace OS2Hub.Web.Features.Memberships;

/// <summary>
/// Tells the requester and the deciders (the secretariat and the product's produktkoordinatorer) about each step:
/// an in-app notification and an e-mail. It runs after the step is committed; a failing mail server is logged and
/// never undoes the step.
/// </summary>
public sealed class Notifier(IDbContextFactory<OS2HubDbContext> dbFactory, IEmailSender email, TimeProvider clock, ILogger<Notifier> logger)
{
    public async Task StepAsync(int productId, int organisationId, string? requesterId, string actorId, Func<string, string, string> text, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.Where(p => p.Id == productId).Select(p => p.Name).SingleAsync(ct);
        var authority = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(ct);
        var message = text(authority, product);

        var deciders = await db.Users
            .Where(u => u.Grants.Any(g => g.Role == GrantRole.Sekretariat || (g.Role == GrantRole.Produktkoordinator && g.ProductId == productId)))
            .Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        var requesters = await db.Users
            .Where(u => u.Id == requesterId || u.Id == actorId || u.Grants.Any(g => g.Role == GrantRole.ItKoordinator && g.OrganisationId == organisationId))
            .Select(u => new { u.Id, u.Email }).ToListAsync(ct);

        var recipients = deciders.Select(u => (u.Id, u.Email, Link: "/anmodninger"))
            .Concat(requesters.Where(r => deciders.All(d => d.Id != r.Id)).Select(u => (u.Id, u.Email, Link: "/mine-anmodninger")))
            .ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        db.Notifications.AddRange(recipients.Select(r => new Notification { UserId = r.Id, Text = message, Link = r.Link, CreatedAt = now }));
        await db.SaveChangesAsync(ct);

        foreach (var recipient in recipients.Where(r => r.Email is not null))
        {
            try
            {
                await email.SendAsync(recipient.Email!, $"OS2Hub: {product}", $"{message}\n\nSe mere i OS2Hub: {recipient.Link}\n\nVenlig hilsen\nOS2Hub", ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The step itself is done and recorded; the in-app notification still reaches the user.
                logger.LogWarning(e, "A notification e-mail could not be sent");
            }
        }
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
        await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        return list;
    }
}
