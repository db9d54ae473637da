using System.Collections.Concurrent;
using OS2Hub.Web.Features.Email;

namespace OS2Hub.Web.Tests.Infrastructure;

/// <summary>Stands in for the mail server at the edge of the system and remembers what was sent.</summary>
public sealed class RecordingEmailSender : IEmailSender
{
    public ConcurrentQueue<(string Recipient, string Subject, string Text)> Sent { get; } = new();

    /// <summary>Every message as sent, with its one-click unsubscribe address where it has one.</summary>
    public ConcurrentQueue<EmailMessage> Messages { get; } = new();

    public Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        Sent.Enqueue((message.Recipient, message.Subject, message.Text));
        Messages.Enqueue(message);
        return Task.CompletedTask;
    }
}
