using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace OS2Hub.Web.Features.Email;

/// <summary>Settings under "OS2Hub:Email". Without an SMTP host, messages are written as .eml files to <see cref="PickupFolder"/>.</summary>
public sealed class EmailOptions
{
    public const string Section = "OS2Hub:Email";

    public string From { get; set; } = "OS2Hub <noreply@os2hub.local>";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }

    /// <summary>Where messages go when no SMTP host is set (development). Relative to the app's folder.</summary>
    public string PickupFolder { get; set; } = "App_Data/mail";
}

/// <summary>One plain-text e-mail; with <paramref name="UnsubscribeUrl"/> it carries RFC 8058's one-click unsubscribe headers.</summary>
public sealed record EmailMessage(string Recipient, string Subject, string Text, string? UnsubscribeUrl = null);

/// <summary>What features call to send an e-mail (the outbox: it returns at once).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct = default);

    Task SendAsync(string recipient, string subject, string text, CancellationToken ct = default) => SendAsync(new EmailMessage(recipient, subject, text), ct);
}

/// <summary>What the outbox's sender calls to hand one e-mail to SMTP (or the pickup folder); it may throw.</summary>
public interface IEmailTransport
{
    Task DeliverAsync(EmailMessage email, CancellationToken ct = default);
}

/// <summary>
/// Sends through SMTP when a host is configured; otherwise writes each message as an .eml file (openable in any mail
/// client), so the whole flow, password reset included, works on one machine. Recipients are never logged.
/// </summary>
public sealed class EmailTransport(IOptions<EmailOptions> options, IHostEnvironment environment, ILogger<EmailTransport> logger) : IEmailTransport
{
    public async Task DeliverAsync(EmailMessage email, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var settings = options.Value;
        var subject = email.Subject;
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(email.Recipient));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = email.Text };
        if (email.UnsubscribeUrl is { } unsubscribe)
        {
            // RFC 8058: mail clients show "unsubscribe" and POST "List-Unsubscribe=One-Click" to the address, no page in between.
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            var folder = Path.GetFullPath(settings.PickupFolder, environment.ContentRootPath);
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
            // Written under another name and then renamed, so whoever watches the folder never reads half an e-mail.
            await message.WriteToAsync(file + ".part", ct);
            File.Move(file + ".part", file);
            logger.LogInformation("E-mail written to the pickup folder: {Subject}", subject);
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, SecureSocketOptions.StartTlsWhenAvailable, ct);
        if (!string.IsNullOrEmpty(settings.SmtpUser))
        {
            await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
        logger.LogInformation("E-mail sent: {Subject}", subject);
    }
}
