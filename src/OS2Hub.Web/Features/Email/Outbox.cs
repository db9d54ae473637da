using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Email;

/// <summary>What features call to send an e-mail: it is written to the outbox and the click returns at once.</summary>
public sealed class Outbox(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock, OutboxSignal signal) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutgoingEmails.Add(new OutgoingEmail
        {
            Recipient = message.Recipient, Subject = message.Subject, Body = message.Text, UnsubscribeUrl = message.UnsubscribeUrl, CreatedAt = now, NextAttemptAt = now,
        });
        await db.SaveChangesAsync(ct);
        signal.Wake();
    }
}

/// <summary>Wakes the sender when something is queued, so an e-mail goes out in moments rather than at the next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0);

    public void Dispose() => _wake.Dispose();

    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);
}
