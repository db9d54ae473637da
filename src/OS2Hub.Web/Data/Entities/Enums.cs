using System.Text.Json.Serialization;

namespace OS2Hub.Web.Data.Entities;

/// <summary>What an organisation is. Its capacity on a product (member, supplier) is a <see cref="Participation"/>, not a kind.</summary>
public enum OrganisationKind
{
    [JsonStringEnumMemberName("municipality")]
    Municipality,
    [JsonStringEnumMemberName("region")]
    Region,
    [JsonStringEnumMemberName("state")]
    State,
    [JsonStringEnumMemberName("other_public")]
    OtherPublic,
    [JsonStringEnumMemberName("company")]
    Company,
}

/// <summary>OS2's size classes for the distribution key (fordelingsnøgle).</summary>
public enum SizeClass
{
    [JsonStringEnumMemberName("small")]
    Small,
    [JsonStringEnumMemberName("medium")]
    Medium,
    [JsonStringEnumMemberName("large")]
    Large,
    [JsonStringEnumMemberName("very_large")]
    VeryLarge,
}

/// <summary>OS2's governance levels; <see cref="Unknown"/> where no source states a level.</summary>
public enum MaturityLevel
{
    [JsonStringEnumMemberName("unknown")]
    Unknown,
    [JsonStringEnumMemberName("idea")]
    Idea,
    [JsonStringEnumMemberName("sandbox")]
    Sandbox,
    [JsonStringEnumMemberName("level_1")]
    Level1,
    [JsonStringEnumMemberName("level_2")]
    Level2,
    [JsonStringEnumMemberName("level_3")]
    Level3,
}

public enum LifecycleState
{
    [JsonStringEnumMemberName("unknown")]
    Unknown,
    [JsonStringEnumMemberName("active")]
    Active,
    [JsonStringEnumMemberName("frozen")]
    Frozen,
    [JsonStringEnumMemberName("phasing_out")]
    PhasingOut,
    [JsonStringEnumMemberName("retired")]
    Retired,
}

public enum ParticipationKind
{
    /// <summary>Co-owner of the product (tilsluttet).</summary>
    [JsonStringEnumMemberName("member")]
    Member,
    [JsonStringEnumMemberName("supplier")]
    Supplier,
}

public enum SupplierRole
{
    /// <summary>The source names a role that is not one of OS2's five; its wording is kept in <see cref="Participation.RoleText"/>.</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,
    [JsonStringEnumMemberName("development")]
    Development,
    [JsonStringEnumMemberName("maintenance")]
    Maintenance,
    [JsonStringEnumMemberName("hosting")]
    Hosting,
    [JsonStringEnumMemberName("support")]
    Support,
    [JsonStringEnumMemberName("consulting")]
    Consulting,
}

public enum WorkingGroupKind
{
    [JsonStringEnumMemberName("steering_group")]
    SteeringGroup,
    [JsonStringEnumMemberName("coordination_group")]
    CoordinationGroup,
    [JsonStringEnumMemberName("professional_group")]
    ProfessionalGroup,
}
