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
        OrganisationKind.Kommune => "Kommune",
        OrganisationKind.Region => "Region",
        OrganisationKind.Stat => "Statslig",
        OrganisationKind.AndenOffentlig => "Anden offentlig",
        _ => "Virksomhed",
    };

    public static string Role(SupplierRole role) => role switch
    {
        SupplierRole.Udvikling => "Udvikling",
        SupplierRole.Vedligeholdelse => "Vedligeholdelse",
        SupplierRole.DriftHosting => "Drift/hosting",
        SupplierRole.Support => "Support",
        SupplierRole.Raadgivning => "Rådgivning",
        _ => "Ukendt",
    };

    public static string Group(WorkingGroupKind kind) => kind switch
    {
        WorkingGroupKind.Styregruppe => "Styregruppe",
        WorkingGroupKind.Koordinationsgruppe => "Koordinationsgruppe",
        _ => "Faggruppe",
    };

    public static string Size(SizeClass? size) => size switch
    {
        SizeClass.Lille => "Lille",
        SizeClass.Mellem => "Mellem",
        SizeClass.Stor => "Stor",
        SizeClass.MegetStor => "Meget stor",
        _ => "",
    };
}
