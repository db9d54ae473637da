using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Features.Access;

namespace OS2Hub.Web.Features.Email;

public sealed record OutboxSummary(int Waiting, int SentLastDay, IReadOnlyList<FailedEmail> Failed);

public sealed record FailedEmail(int Id, string Recipient, string Subject, DateTime CreatedAt, DateTime FailedAt, int Attempts, string? LastError);

/// <summary>What the secretariat sees of the outbox: how much waits, and every e-mail that could not be delivered.</summary>
public sealed class OutboxStatus(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Read<OutboxSummary>> SummaryAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return Read.Denied<OutboxSummary>();
        }

        var dayAgo = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var waiting = await db.OutgoingEmails.CountAsync(e => e.SentAt == null && e.FailedAt == null, ct);
        var sent = await db.OutgoingEmails.CountAsync(e => e.SentAt > dayAgo, ct);
        var failed = await db.OutgoingEmails.AsNoTracking().Where(e => e.FailedAt != null).OrderByDescending(e => e.FailedAt).Take(200)
            .Select(e => new FailedEmail(e.Id, e.Recipient, e.Subject, e.CreatedAt, e.FailedAt!.Value, e.Attempts, e.LastError)).ToListAsync(ct);
        return Read.Ok(new OutboxSummary(waiting, sent, failed));
    }
}
