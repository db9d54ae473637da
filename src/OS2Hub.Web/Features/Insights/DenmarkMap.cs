using System.Text.Json;
using OS2Hub.Web.Features.Setup;

namespace OS2Hub.Web.Features.Insights;

public sealed record MapArea(string Code, string Name, string Path);

public sealed record MapInset(double X, double Y, double Width, double Height);

/// <summary>
/// The municipalities as SVG path data in one fixed drawing (made from the DAGI boundaries by tools/MapData), with
/// Bornholm and Christiansø in an inset. Read once from the assembly; the app never projects or simplifies.
/// </summary>
public sealed record DenmarkMap(double Width, double Height, MapInset Inset, string Attribution, IReadOnlyList<MapArea> Areas)
{
    /// <summary>Christiansø is drawn with Bornholm but is not a municipality: it is never a link and never counted.</summary>
    public const string Christiansoe = "0411";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static DenmarkMap Load(string resource)
    {
        using var stream = ReferenceFiles.OpenResource(resource);
        return JsonSerializer.Deserialize<DenmarkMap>(stream, JsonOptions)
            ?? throw new InvalidOperationException($"The map {resource} is empty.");
    }
}

/// <summary>The full map for /indsigt and the coarser one for a product page.</summary>
public sealed class DenmarkMaps
{
    public DenmarkMap Full { get; } = DenmarkMap.Load("denmark-map.json");

    public DenmarkMap Small { get; } = DenmarkMap.Load("denmark-map-small.json");
}
