using System.Text.Json.Serialization;

namespace OS2Hub.Web.Data.Entities;

/// <summary>How a fee sheet's annual amount is shared among the product's members.</summary>
public enum DistributionKey
{
    /// <summary>The association's distribution key (fordelingsnøgle): a weight per size class.</summary>
    [JsonStringEnumMemberName("association_key")]
    AssociationKey,

    /// <summary>Every member pays the same.</summary>
    [JsonStringEnumMemberName("equal")]
    Equal,

    /// <summary>In proportion to each member's population.</summary>
    [JsonStringEnumMemberName("population")]
    Population,
}

/// <summary>
/// What the generalforsamling decided for one budget year: the distribution key as a weight per size class, and the
/// secretariat's percentage (bidragssats) on every product share.
/// </summary>
public class EconomyYear
{
    public int BudgetYear { get; set; }
    public decimal WeightSmall { get; set; }
    public decimal WeightMedium { get; set; }
    public decimal WeightLarge { get; set; }
    public decimal WeightVeryLarge { get; set; }

    /// <summary>Percent, e.g. 5.5 for 5.5 %.</summary>
    public decimal SecretariatPercent { get; set; }

    /// <summary>Where the decision is recorded (e.g. the generalforsamling's minutes).</summary>
    public string? Source { get; set; }
    public bool IsDemo { get; set; }
    public int Version { get; set; }
}

/// <summary>A product's fee sheet (takstblad) for one budget year, as its styregruppe set it.</summary>
public class FeeSheet
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public int BudgetYear { get; set; }

    /// <summary>The annual amount (vederlag) shared by the members, in whole kroner.</summary>
    public long AnnualAmount { get; set; }

    /// <summary>The one-off joining fee (tilslutningsafgift) for a new member, in whole kroner.</summary>
    public long JoiningFee { get; set; }
    public DistributionKey Key { get; set; }
    public bool IsDemo { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// One change of a fee sheet: who, when, why, and the figures before and after. Fee sheets are public, so the
/// values are kept. A change in a year that has started is a correction and says so.
/// </summary>
public class FeeSheetChange
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public int BudgetYear { get; set; }
    public DateTime At { get; set; }
    public required string UserId { get; set; }
    public required string Reason { get; set; }

    /// <summary>The file and row an import took the change from.</summary>
    public string? ImportedFrom { get; set; }
    public bool IsCorrection { get; set; }
    public long? OldAnnualAmount { get; set; }
    public long NewAnnualAmount { get; set; }
    public long? OldJoiningFee { get; set; }
    public long NewJoiningFee { get; set; }
    public DistributionKey? OldKey { get; set; }
    public DistributionKey NewKey { get; set; }
}
