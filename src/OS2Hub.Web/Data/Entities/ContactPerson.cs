namespace OS2Hub.Web.Data.Entities;

/// <summary>
/// A person at an authority or supplier whom others may contact about a product. Personal data: kept only while
/// needed, deleted outright (not archived) when asked, and never written to the change log by value.
/// </summary>
public class ContactPerson
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string Name { get; set; }
    public string? Title { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public bool IsDemo { get; set; }

    /// <summary>The file and row an import took this person from; the person was then sent the privacy notice.</summary>
    public string? ImportedFrom { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency, as for products and organisations.</summary>
    public int Version { get; set; }

    public List<ContactRole> Roles { get; set; } = [];
}

public enum ContactRoleKind
{
    /// <summary>The authority's contact for the product: named in its join request, shown in partner lists.</summary>
    General,
    Technical,
    Professional,
    Finance,
}

/// <summary>A contact person's role on one product for a period. Ending a role sets its end date.</summary>
public class ContactRole : IDated
{
    public int Id { get; set; }
    public int ContactPersonId { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public ContactRoleKind Kind { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }

    /// <summary>The file and row an import took this role from.</summary>
    public string? ImportedFrom { get; set; }
}

public enum PersonalDataAccess
{
    Viewed,
    CsvExport,
    ExcelExport,

    /// <summary>The secretariat loaded contact persons of the product from a file.</summary>
    Imported,
}

/// <summary>
/// Who saw or exported contact details of which product, and when. Contact details are personal data, so every view
/// and export of a partner list is written here, for the secretariat to see.
/// </summary>
public class PersonalDataAccessEntry
{
    public int Id { get; set; }
    public DateTime At { get; set; }
    public required string UserId { get; set; }
    public int ProductId { get; set; }
    public PersonalDataAccess Access { get; set; }
}
