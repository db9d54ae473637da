using Microsoft.AspNetCore.Identity;

namespace OS2Hub.Web.Data.Entities;

public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>"da" or "en": the language the user last chose, in which e-mails reach them. Null: Danish.</summary>
    public string? PreferredLanguage { get; set; }
    public List<Grant> Grants { get; set; } = [];
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
