namespace OS2Hub.Web.Data.Entities;

/// <summary>
/// An organisation's capacity on one product for a period: a membership (co-owner) or one supplier role.
/// A supplier with three roles has three rows, each with its own period. Rows are never deleted when they end;
/// the end date closes them, so the history of who was a member when stays. Join requests (a later feature)
/// create rows here when approved.
/// </summary>
public class Participation : IDated
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    public ParticipationKind Kind { get; set; }

    /// <summary>Only for suppliers.</summary>
    public SupplierRole? Role { get; set; }

    /// <summary>The source's wording of the role, kept when it is not one of the five known roles.</summary>
    public string? RoleText { get; set; }

    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }

    public string? Source { get; set; }
    public DateOnly? SourceDate { get; set; }

    /// <summary>The accession agreement's reference (a journal number), for memberships.</summary>
    public string? AgreementReference { get; set; }

    /// <summary>The file and row an import took this from ("Medlemsliste 2026.xlsx, række 14"), beside <see cref="Source"/>.</summary>
    public string? ImportedFrom { get; set; }

    /// <summary>Derived from indirect evidence (e.g. who commits to the repository): shown as such.</summary>
    public bool IsInferred { get; set; }
    public bool IsDemo { get; set; }

    /// <summary>The end date of a real engagement was invented by the demo generator (the sources give none); cleared with demo data.</summary>
    public bool EndDateIsDemo { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>When a person last confirmed this row in a yearly round.</summary>
    public DateTime? ConfirmedAt { get; set; }

    /// <summary>When a person last changed this row in the hub (approved, left, period set, added by hand); imports and demo data do not count.</summary>
    public DateTime? ChangedAt { get; set; }

    /// <summary>Optimistic concurrency for period edits: a save based on an older version is refused.</summary>
    public int Version { get; set; }
}

public class WorkingGroup
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public WorkingGroupKind Kind { get; set; }

    /// <summary>Faggrupper have names; the styregruppe and koordinationsgruppe need none.</summary>
    public string? Name { get; set; }
    public bool IsDemo { get; set; }
    public List<WorkingGroupMember> Members { get; set; } = [];
}

public class WorkingGroupMember : IDated
{
    public int Id { get; set; }
    public int WorkingGroupId { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    /// <summary>The person who sits for the organisation; null when none is named or the contact was deleted.</summary>
    public int? ContactPersonId { get; set; }
    public ContactPerson? ContactPerson { get; set; }
    public bool IsChair { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }

    /// <summary>The file and row an import took this seat from.</summary>
    public string? ImportedFrom { get; set; }

    /// <summary>Optimistic concurrency, as for the other edited rows.</summary>
    public int Version { get; set; }
}
