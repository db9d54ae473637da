using System.Collections.Concurrent;
using OS2Hub.Web.Features.Email;

namespace OS2Hub.Web.Tests.Infrastructure;

/// <summary>Stands in for the mail server at the edge of the system and remembers what was sent.</summary>
public sealed class RecordingEmailSender : IEmailSender
{
    public ConcurrentQueue<(string Recipient, string Subject, string Text)> Sent { get; } = new();

    public Task SendAsync(string recipient, string subject, string text, CancellationToken ct = default)
    {
        Sent.Enqueue((recipient, subject, text));
        return Task.CompletedTask;
    }
}
