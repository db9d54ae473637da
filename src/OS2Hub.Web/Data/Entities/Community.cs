namespace OS2Hub.Web.Data.Entities;

/// <summary>Who may read a news item or a decision: everyone, or the product's co-owners (and its suppliers where the item says so).</summary>
public enum ItemVisibility
{
    Public,
    CoOwners,
}

public enum NewsKind
{
    News,
    Release,
}

/// <summary>News from a product community, or a release with its version and notes.</summary>
public class NewsItem
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public NewsKind Kind { get; set; }
    public required string Title { get; set; }

    /// <summary>A release's version; null for news.</summary>
    public string? Version { get; set; }
    public DateOnly PublishedOn { get; set; }

    /// <summary>Markdown, rendered sanitised.</summary>
    public required string Text { get; set; }

    /// <summary>The author's organisation (a supplier for a release); null for the secretariat.</summary>
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string AuthorUserId { get; set; }

    /// <summary>The role the author wrote in (secretariat, produktkoordinator or supplier contact), shown when there is no organisation.</summary>
    public GrantRole? AuthorRole { get; set; }
    public ItemVisibility Visibility { get; set; }

    /// <summary>For a co-owners-only item: the product's supplier contacts may read it too.</summary>
    public bool SuppliersMayRead { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>The forum a decision was made in.</summary>
public enum DecisionBody
{
    SteeringGroup,
    CoordinationGroup,
    ProfessionalGroup,
    Board,
    GeneralAssembly,
}

/// <summary>
/// One entry in a decision log. Never edited: a correction is a new entry that refers to the one it corrects. The
/// secretariat may redact personal data, which leaves a visible note. Null product: the association's decisions.
/// </summary>
public class DecisionEntry
{
    public int Id { get; set; }
    public int? ProductId { get; set; }
    public Product? Product { get; set; }
    public DateOnly DecidedOn { get; set; }
    public DecisionBody Body { get; set; }

    /// <summary>The faggruppe's name, for <see cref="DecisionBody.ProfessionalGroup"/>.</summary>
    public string? BodyName { get; set; }
    public required string Summary { get; set; }
    public string? Reasoning { get; set; }
    public string? MinutesUrl { get; set; }

    /// <summary>The entry this one corrects; the original stays as it was.</summary>
    public int? CorrectsId { get; set; }

    /// <summary>Wish ids the decision decides, comma-separated (the log keeps them even if a wish is later merged).</summary>
    public string? WishIds { get; set; }
    public ItemVisibility Visibility { get; set; }
    public bool SuppliersMayRead { get; set; }
    public required string RecordedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RedactedAt { get; set; }
}

public enum DocumentCategory
{
    TermsOfReference,
    Minutes,
    Agreement,
    Guide,
    Other,
}

/// <summary>A product community's document (kommissorium, referat, aftale, vejledning) and its versions.</summary>
public class ProductDocument
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public required string Title { get; set; }
    public DocumentCategory Category { get; set; }
    public ItemVisibility Visibility { get; set; }
    public bool SuppliersMayRead { get; set; }
    public required string CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<DocumentVersion> Versions { get; } = [];
}

/// <summary>
/// One uploaded version. Its bytes are a <see cref="StoredFile"/> (in the database, so every instance serves it); the
/// secretariat can remove them, and then the version stays listed with the note saying why.
/// </summary>
public class DocumentVersion
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public ProductDocument? Document { get; set; }
    public int Number { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public int? StoredFileId { get; set; }
    public required string UploadedByUserId { get; set; }
    public DateTime UploadedAt { get; set; }
    public DateTime? RemovedAt { get; set; }
    public string? RemovedNote { get; set; }
}
