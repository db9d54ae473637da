namespace OS2Hub.Web.Data.Entities;

public enum ImportKind
{
    Memberships,
    SupplierRoles,
    Contacts,
    WorkingGroups,
    FeeSheets,
}

/// <summary>
/// One file the secretariat imported: who, when, and every row it created or changed with the values before and after,
/// so the batch can be undone while nothing since depends on it.
/// </summary>
public class ImportBatch
{
    public int Id { get; set; }
    public ImportKind Kind { get; set; }
    public required string FileName { get; set; }
    public required string UserId { get; set; }
    public DateTime At { get; set; }
    public int Created { get; set; }
    public int Changed { get; set; }
    public DateTime? UndoneAt { get; set; }
    public string? UndoneByUserId { get; set; }
    public List<ImportChange> Changes { get; set; } = [];
}

/// <summary>One row an import wrote: the entity, the file's row number, and its state before (null: created) and after, as JSON.</summary>
public class ImportChange
{
    public int Id { get; set; }
    public int BatchId { get; set; }
    public ImportBatch? Batch { get; set; }
    public required string EntityType { get; set; }
    public int EntityId { get; set; }
    public int Line { get; set; }
    public string? Before { get; set; }
    public required string After { get; set; }
}
