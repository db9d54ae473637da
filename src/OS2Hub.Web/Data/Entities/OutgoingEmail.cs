namespace OS2Hub.Web.Data.Entities;

/// <summary>
/// An e-mail waiting in the outbox, or its record once sent or given up. The click that causes an e-mail only writes
/// this row; a background sender delivers it, with retries, and a claim makes sure only one sender takes it.
/// </summary>
public class OutgoingEmail
{
    public int Id { get; set; }
    public required string Recipient { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Where one click stops this kind of e-mail (List-Unsubscribe, RFC 8058); null for mail a person cannot opt out of.</summary>
    public string? UnsubscribeUrl { get; set; }

    /// <summary>Not before this moment: now for a new e-mail, later after each failure.</summary>
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>Which sender holds the e-mail, and until when; an expired claim (a sender that died) may be taken over.</summary>
    public Guid? ClaimToken { get; set; }
    public DateTime? ClaimedUntil { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>Set when the sender gives up after its last attempt: the secretariat sees these.</summary>
    public DateTime? FailedAt { get; set; }

    /// <summary>The kind of the last error only (an SMTP message may quote the recipient).</summary>
    public string? LastError { get; set; }
}
