using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OS2Hub.Web.Features.Email;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Email;

/// <summary>The outbox over a real SQLite file, with a transport that fails when told to.</summary>
public sealed class OutboxTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create(onDisk: true);
    private readonly FakeTimeProvider _clock = new(FixedClock.Default.GetUtcNow());
    private readonly OutboxSignal _signal = new();

    public void Dispose()
    {
        _signal.Dispose();
        _db.Dispose();
    }


    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private OutboxSender Sender(IEmailTransport transport) => new(_db, transport, _clock, _signal, NullLogger<OutboxSender>.Instance);

    private Task QueueAsync(string recipient) => new Outbox(_db, _clock, _signal).SendAsync(new EmailMessage(recipient, "Emne", "Tekst"), Ct);

    [Fact]
    public async Task WhileTheServerIsDownTheEmailWaitsAndWhenItIsUpItIsDeliveredOnce()
    {
        var transport = new Transport { Down = true };
        await QueueAsync("mette@frederikshavn.example.dk");

        await Sender(transport).SendDueAsync(Ct);            // fails: retried in a minute
        var tooSoon = await Sender(transport).SendDueAsync(Ct); // not due yet
        transport.Down = false;
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Sender(transport).SendDueAsync(Ct);
        _clock.Advance(TimeSpan.FromHours(1));
        var again = await Sender(transport).SendDueAsync(Ct);

        Assert.Equal((0, 0), (tooSoon, again));
        Assert.Equal(["mette@frederikshavn.example.dk"], transport.Delivered);
        await using var db = _db.CreateDbContext();
        var email = await db.OutgoingEmails.SingleAsync(Ct);
        Assert.NotNull(email.SentAt);
        Assert.Equal((1, "IOException"), (email.Attempts, email.LastError));
    }

    [Fact]
    public async Task TwoSendersAtOnceDeliverEachEmailExactlyOnce()
    {
        var transport = new Transport { Delay = TimeSpan.FromMilliseconds(5) };
        for (var i = 0; i < 40; i++)
        {
            await QueueAsync($"modtager{i}@example.dk");
        }

        async Task DrainAsync(OutboxSender sender)
        {
            while (await sender.SendDueAsync(Ct) > 0)
            {
            }
        }

        await Task.WhenAll(Task.Run(() => DrainAsync(Sender(transport)), Ct), Task.Run(() => DrainAsync(Sender(transport)), Ct));

        Assert.Equal(40, transport.Delivered.Count);
        Assert.Equal(40, transport.Delivered.Distinct().Count());
        await using var db = _db.CreateDbContext();
        Assert.True(await db.OutgoingEmails.AllAsync(e => e.SentAt != null && e.ClaimToken == null, Ct));
    }

    [Fact]
    public async Task AfterTheLastAttemptTheEmailIsMarkedFailedAndLeftAlone()
    {
        var transport = new Transport { Down = true };
        await QueueAsync("hans@helsingoer.example.dk");

        for (var attempt = 0; attempt <= OutboxSender.Backoff.Length + 2; attempt++)
        {
            await Sender(transport).SendDueAsync(Ct);
            _clock.Advance(TimeSpan.FromDays(1));
        }

        await using var db = _db.CreateDbContext();
        var email = await db.OutgoingEmails.SingleAsync(Ct);
        Assert.NotNull(email.FailedAt);
        Assert.Null(email.SentAt);
        Assert.Equal(OutboxSender.Backoff.Length + 1, email.Attempts);
        Assert.Empty(transport.Delivered);
    }

    private sealed class Transport : IEmailTransport
    {
        public bool Down { get; set; }
        public TimeSpan Delay { get; init; }
        public ConcurrentBag<string> Delivered { get; } = [];

        public async Task DeliverAsync(EmailMessage email, CancellationToken ct = default)
        {
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, ct);
            }

            if (Down)
            {
                throw new IOException("Forbindelsen blev afvist af smtp.example.dk for " + email.Recipient);
            }

            Delivered.Add(email.Recipient);
        }
    }
}
