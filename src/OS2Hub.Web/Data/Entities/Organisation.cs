namespace OS2Hub.Web.Data.Entities;

public class Organisation
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public OrganisationKind Kind { get; set; }

    /// <summary>Official 4-digit code: kommunekode for municipalities (0101…0860), regionskode for regions (1081…1085).</summary>
    public string? Code { get; set; }

    /// <summary>The region a municipality lies in.</summary>
    public int? RegionId { get; set; }
    public Organisation? Region { get; set; }

    /// <summary>CVR number of a company; unknown until someone records it.</summary>
    public string? Cvr { get; set; }
    public string? Website { get; set; }

    /// <summary>Where the organisation's identity (name, code) comes from.</summary>
    public string? Source { get; set; }
    public DateOnly? SourceDate { get; set; }

    /// <summary>The key the reference data knows it by, so reloading never duplicates it.</summary>
    public string? ReferenceKey { get; set; }
    public bool IsDemo { get; set; }

    /// <summary>
    /// When the organisation ceased (a company closed, an authority merged). Organisations with history are archived
    /// this way, never deleted: their past memberships and supplier roles stay true.
    /// </summary>
    public DateOnly? ArchivedOn { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: raised on every edit.</summary>
    public int Version { get; set; }

    public List<PopulationFigure> PopulationFigures { get; set; } = [];

    /// <summary>For authorities without a population of their own: the secretariat's placements, each from a budget year.</summary>
    public List<SizeAssessment> SizeAssessments { get; set; } = [];
    public List<Participation> Participations { get; set; } = [];
}

/// <summary>A population figure with its date; figures accumulate so the size class of any year can be derived.</summary>
public class PopulationFigure
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public DateOnly AsOf { get; set; }
    public int Population { get; set; }
    public string? Source { get; set; }
}

/// <summary>
/// The size class the secretariat places a non-municipal member in (regions and state bodies have no population of
/// their own), and the population it counts with where a fee sheet splits by population. It applies from a budget
/// year, like a municipality's new figure, so a reassessment never changes a year already shared.
/// </summary>
public class SizeAssessment
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public int FromBudgetYear { get; set; }
    public SizeClass SizeClass { get; set; }
    public int? Population { get; set; }

    /// <summary>Invented by the demo generator; removed with demo data.</summary>
    public bool IsDemo { get; set; }
}

/// <summary>An old slug that still leads to the organisation after a rename.</summary>
public class OrganisationSlugRedirect
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public int OrganisationId { get; set; }
}
