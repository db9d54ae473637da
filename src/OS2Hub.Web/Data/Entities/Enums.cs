namespace OS2Hub.Web.Data.Entities;

/// <summary>What an organisation is. Its capacity on a product (member, supplier) is a <see cref="Participation"/>, not a kind.</summary>
public enum OrganisationKind
{
    Kommune,
    Region,
    Stat,
    AndenOffentlig,
    Virksomhed,
}

/// <summary>OS2's size classes for the distribution key (fordelingsnøgle).</summary>
public enum SizeClass
{
    Lille,
    Mellem,
    Stor,
    MegetStor,
}

/// <summary>OS2's governance levels; <see cref="Ukendt"/> where no source states a level.</summary>
public enum MaturityLevel
{
    Ukendt,
    Ide,
    Sandkasse,
    Niveau1,
    Niveau2,
    Niveau3,
}

public enum LifecycleState
{
    Ukendt,
    Aktiv,
    Frosset,
    UnderUdfasning,
    Udtraadt,
}

public enum ParticipationKind
{
    /// <summary>Co-owner of the product (tilsluttet).</summary>
    Medlem,
    Leverandoer,
}

public enum SupplierRole
{
    /// <summary>The source names a role that is not one of OS2's five; its wording is kept in <see cref="Participation.RoleText"/>.</summary>
    Ukendt,
    Udvikling,
    Vedligeholdelse,
    DriftHosting,
    Support,
    Raadgivning,
}

public enum WorkingGroupKind
{
    Styregruppe,
    Koordinationsgruppe,
    Faggruppe,
}
