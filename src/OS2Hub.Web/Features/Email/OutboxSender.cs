using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;

namespace OS2Hub.Web.Features.Email;

/// <summary>
/// Delivers the outbox in the background. Each round claims a few due e-mails with one UPDATE (so two senders, on two
/// instances, never take the same e-mail), delivers them, and records the outcome. A failure is retried later, ever
/// more patiently; after the last attempt the e-mail is marked failed for the secretariat to see. A claim expires, so
/// an e-mail held by a sender that died is taken over after a while, and the outbox survives a restart.
/// </summary>
public sealed class OutboxSender(IDbContextFactory<OS2HubDbContext> dbFactory, IEmailTransport transport, TimeProvider clock,
    OutboxSignal signal, ILogger<OutboxSender> logger) : BackgroundService
{
    private const int BatchSize = 10;
    private static readonly TimeSpan Claim = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(30);

    /// <summary>The waits after the 1st, 2nd, … failure; after the last the e-mail is given up.</summary>
    public static readonly TimeSpan[] Backoff =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(4), TimeSpan.FromHours(12)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                logger.LogWarning("The outbox could not be read ({Error})", e.GetType().Name);
            }

            try
            {
                await signal.WaitAsync(Poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round: claims and delivers what is due; returns how many e-mails it took.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var token = Guid.NewGuid();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var claimed = db.Database.IsNpgsql() ? await ClaimSkippingLockedAsync(db, token, now, ct) : await ClaimAsync(db, token, now, ct);
        if (claimed == 0)
        {
            return 0;
        }

        foreach (var email in await db.OutgoingEmails.Where(e => e.ClaimToken == token).ToListAsync(ct))
        {
            try
            {
                await transport.DeliverAsync(new EmailMessage(email.Recipient, email.Subject, email.Body, email.UnsubscribeUrl), ct);
                email.SentAt = clock.GetUtcNow().UtcDateTime;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                email.Attempts++;
                email.LastError = e.GetType().Name;
                if (email.Attempts > Backoff.Length)
                {
                    email.FailedAt = clock.GetUtcNow().UtcDateTime;
                }
                else
                {
                    email.NextAttemptAt = clock.GetUtcNow().UtcDateTime + Backoff[email.Attempts - 1];
                }

                logger.LogWarning("An e-mail could not be delivered, attempt {Attempt} ({Error})", email.Attempts, email.LastError);
            }

            (email.ClaimToken, email.ClaimedUntil) = (null, null);
            await db.SaveChangesAsync(ct);
        }

        return claimed;
    }

    /// <summary>
    /// SQLite has one writer at a time, so a conditional UPDATE is enough: the second sender's re-check of the claim
    /// finds the rows taken.
    /// </summary>
    private static Task<int> ClaimAsync(OS2HubDbContext db, Guid token, DateTime now, CancellationToken ct)
    {
        var due = db.OutgoingEmails
            .Where(e => e.SentAt == null && e.FailedAt == null && e.NextAttemptAt <= now && (e.ClaimedUntil == null || e.ClaimedUntil < now))
            .OrderBy(e => e.NextAttemptAt).Select(e => e.Id).Take(BatchSize);
        return db.OutgoingEmails
            .Where(e => due.Contains(e.Id) && (e.ClaimedUntil == null || e.ClaimedUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.ClaimToken, token).SetProperty(e => e.ClaimedUntil, now + Claim), ct);
    }

    /// <summary>
    /// On PostgreSQL senders on several instances claim at the same moment. SKIP LOCKED lets each take e-mails no other
    /// sender is taking, instead of waiting on the same rows and then finding them claimed.
    /// </summary>
    private static Task<int> ClaimSkippingLockedAsync(OS2HubDbContext db, Guid token, DateTime now, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE "OutgoingEmails" SET "ClaimToken" = {token}, "ClaimedUntil" = {now + Claim}
            WHERE "Id" IN (
                SELECT "Id" FROM "OutgoingEmails"
                WHERE "SentAt" IS NULL AND "FailedAt" IS NULL AND "NextAttemptAt" <= {now} AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {now})
                ORDER BY "NextAttemptAt" LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED)
            """, ct);
}
