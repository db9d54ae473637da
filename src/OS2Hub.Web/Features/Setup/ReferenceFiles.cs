using OS2Hub.Web.Data;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Products;

namespace OS2Hub.Web.Features.Setup;

/// <summary>Reads the reference files shipped inside the assembly: the regions, the municipalities and the OS2 products.</summary>
internal static class ReferenceFiles
{
    internal static List<RegionRow> ReadRegions()
    {
        using var csv = CsvReader.Create(OpenResource("regions.csv"), new CsvReaderOptions(), false);
        var rows = new List<RegionRow>();
        while (csv.Read())
        {
            rows.Add(new RegionRow(csv.GetString("region_code"), csv.GetString("region_name")));
        }

        return rows;
    }

    internal static List<MunicipalityRow> ReadMunicipalities()
    {
        using var csv = CsvReader.Create(OpenResource("municipalities.csv"), new CsvReaderOptions(), false);
        var rows = new List<MunicipalityRow>();
        while (csv.Read())
        {
            rows.Add(new MunicipalityRow(csv.GetString("code"), csv.GetString("name"), csv.GetString("region_code"),
                int.Parse(csv.GetString("population"), CultureInfo.InvariantCulture), csv.GetString("population_date")));
        }

        return rows;
    }

    internal static string ReadResource(string name)
    {
        using var reader = new StreamReader(OpenResource(name));
        return reader.ReadToEnd();
    }

    internal static Stream OpenResource(string name) =>
        typeof(ReferenceDataLoader).Assembly.GetManifestResourceStream($"OS2Hub.Web.Data.Reference.{name}")
        ?? throw new InvalidOperationException($"Embedded reference file {name} is missing.");

    internal sealed record RegionRow(string RegionCode, string RegionName);

    internal sealed record MunicipalityRow(string Code, string Name, string RegionCode, int Population, string PopulationDate);
}
