using Microsoft.AspNetCore.Identity;

namespace OS2Hub.Web.Data.Entities;

public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>"da" or "en": the language the user last chose, in which e-mails reach them. Null: Danish.</summary>
    public string? PreferredLanguage { get; set; }

    /// <summary>The authenticator time step of the last code accepted, so a code cannot be used twice, not even within its 30 seconds.</summary>
    public long? LastAuthenticatorStep { get; set; }

    /// <summary>The person clicked "stop these e-mails" on a wish e-mail (RFC 8058); the in-hub notifications still come.</summary>
    public bool WishEmailsOff { get; set; }

    /// <summary>The person clicked "stop" on a confirmation reminder; the tasks still wait on /bekraeftelse.</summary>
    public bool ConfirmationRemindersOff { get; set; }
    public List<Grant> Grants { get; set; } = [];
}

public enum SignInMethod
{
    Password,
    Authenticator,
    RecoveryCode,
    External,
}

public enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,

    /// <summary>The password was right; the second factor is asked next.</summary>
    SecondFactorRequired,

    /// <summary>An identity provider vouched for someone the hub has no account for.</summary>
    UnknownAccount,

    /// <summary>The provider did not state the e-mail address as verified, and is not trusted to.</summary>
    UnverifiedEmail,

    /// <summary>The account is already linked to another identity at the same provider.</summary>
    LinkConflict,

    /// <summary>First sign-in through a provider: the account is now linked to the provider's subject.</summary>
    Linked,
}

/// <summary>
/// One sign-in attempt, for the secretariat's audit and the user's own view. It never holds the e-mail typed, the
/// password or a code: an attempt for an address the hub does not know has no user.
/// </summary>
public class SignInEvent
{
    public long Id { get; set; }
    public string? UserId { get; set; }
    public SignInMethod Method { get; set; }

    /// <summary>The identity provider's scheme name for <see cref="SignInMethod.External"/>.</summary>
    public string? Provider { get; set; }
    public SignInOutcome Outcome { get; set; }
    public DateTime At { get; set; }
}

public enum GrantRole
{
    /// <summary>The OS2 secretariat: administers everything, decides any request.</summary>
    Secretariat,

    /// <summary>Of one product: decides its join requests and maintains its data.</summary>
    ProductCoordinator,

    /// <summary>Of one public authority: requests, withdraws and leaves for that authority only.</summary>
    ItCoordinator,

    /// <summary>Of one supplier: sees the partner lists of the products it serves.</summary>
    SupplierContact,

    /// <summary>
    /// Medarbejder of one public authority: follows products, asks, answers and comments as the authority's staff,
    /// and reads what the authority's co-ownership opens; no requests, no support or pledges, no partner lists.
    /// </summary>
    Staff,
}

/// <summary>A role with its scope. Grants are read from the database on every action, so a revoked grant stops working at once.</summary>
public class Grant
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public GrantRole Role { get; set; }

    /// <summary>The product of a produktkoordinator.</summary>
    public int? ProductId { get; set; }
    public Product? Product { get; set; }

    /// <summary>The authority of an IT-koordinator, or the supplier of a leverandørkontakt.</summary>
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    public DateTime CreatedAt { get; set; }
}
