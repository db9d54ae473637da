using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Products;

/// <summary>
/// The catalogue's whole state as a query string, so a link reproduces a view and Back works. Names are Danish
/// because Danish users read and share these links. Values that cannot be understood are dropped, not fatal.
/// </summary>
public static class CatalogUrl
{
    public const string Path = "/produkter";

    public static string Build(CatalogQuery q)
    {
        ArgumentNullException.ThrowIfNull(q);
        var pairs = new List<KeyValuePair<string, string?>>();
        if (!string.IsNullOrWhiteSpace(q.Text))
        {
            pairs.Add(new("q", q.Text.Trim()));
        }

        pairs.AddRange(q.Categories.Select(v => new KeyValuePair<string, string?>("kategori", v)));
        pairs.AddRange(q.Maturities.Select(v => new KeyValuePair<string, string?>("modenhed", UrlWords.Word(v))));
        pairs.AddRange(q.Lifecycles.Select(v => new KeyValuePair<string, string?>("livscyklus", UrlWords.Word(v))));
        pairs.AddRange(q.Suppliers.Select(v => new KeyValuePair<string, string?>("leverandoer", v)));
        pairs.AddRange(q.Municipalities.Select(v => new KeyValuePair<string, string?>("kommune", v)));
        pairs.AddRange(q.Regions.Select(v => new KeyValuePair<string, string?>("region", v)));
        pairs.AddRange(q.Licences.Select(v => new KeyValuePair<string, string?>("licens", v)));
        if (q.Sort is { } sort)
        {
            pairs.Add(new("sortering", SortName(sort)));
        }

        if (q.Page > 1)
        {
            pairs.Add(new("side", q.Page.ToString(CultureInfo.InvariantCulture)));
        }

        if (q.PageSize != 20)
        {
            pairs.Add(new("antal", q.PageSize.ToString(CultureInfo.InvariantCulture)));
        }

        return QueryHelpers.AddQueryString(Path, pairs);
    }

    public static CatalogQuery Parse(string? text, string[]? categories, string[]? maturities, string[]? lifecycles,
        string[]? suppliers, string[]? municipalities, string[]? regions, string[]? licences, string? sort, string? page, string? pageSize) =>
        new()
        {
            Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, 200)],
            Categories = Clean(categories),
            Maturities = Enums<MaturityLevel>(maturities),
            Lifecycles = Enums<LifecycleState>(lifecycles),
            Suppliers = Clean(suppliers),
            Municipalities = Clean(municipalities).Where(c => c.Length == 4 && c.All(char.IsAsciiDigit)).ToList(),
            Regions = Clean(regions).Where(c => c.Length == 4 && c.All(char.IsAsciiDigit)).ToList(),
            Licences = Clean(licences),
            Sort = ParseSort(sort),
            Page = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1,
            PageSize = int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && CatalogQuery.PageSizes.Contains(size) ? size : 20,
        };

    public static string SortName(CatalogSort sort) => sort switch
    {
        CatalogSort.Relevance => "relevans",
        CatalogSort.Name => "navn",
        CatalogSort.Members => "medejere",
        CatalogSort.LastChanged => "aendret",
        _ => "navn",
    };

    public static CatalogSort? ParseSort(string? sort) => sort switch
    {
        "relevans" => CatalogSort.Relevance,
        "navn" => CatalogSort.Name,
        "medejere" => CatalogSort.Members,
        "aendret" => CatalogSort.LastChanged,
        _ => null,
    };

    private static List<string> Clean(string[]? values) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v) && v.Length <= 200).Select(v => v.Trim()).Distinct().Take(100).ToList();

    private static List<T> Enums<T>(string[]? values) where T : struct, Enum =>
        Clean(values).Select(UrlWords.Parse<T>).OfType<T>().Distinct().ToList();
}
