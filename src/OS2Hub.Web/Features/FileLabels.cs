using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features;

/// <summary>
/// Danish names of values in downloaded files (partner lists, fee sheets). Files are filed and shared in Danish
/// whatever language the page was shown in, so these do not go through the UI's resources.
/// </summary>
public static class FileLabels
{
    public static string Kind(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Municipality => "Kommune",
        OrganisationKind.Region => "Region",
        OrganisationKind.State => "Statslig",
        OrganisationKind.OtherPublic => "Anden offentlig",
        _ => "Virksomhed",
    };

    public static string Role(SupplierRole role) => role switch
    {
        SupplierRole.Development => "Udvikling",
        SupplierRole.Maintenance => "Vedligeholdelse",
        SupplierRole.Hosting => "Drift/hosting",
        SupplierRole.Support => "Support",
        SupplierRole.Consulting => "Rådgivning",
        _ => "Ukendt",
    };

    public static string Group(WorkingGroupKind kind) => kind switch
    {
        WorkingGroupKind.SteeringGroup => "Styregruppe",
        WorkingGroupKind.CoordinationGroup => "Koordinationsgruppe",
        _ => "Faggruppe",
    };

    public static string Size(SizeClass? size) => size switch
    {
        SizeClass.Small => "Lille",
        SizeClass.Medium => "Mellem",
        SizeClass.Large => "Stor",
        SizeClass.VeryLarge => "Meget stor",
        _ => "",
    };
}
