using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Economy;

public enum PopulationChangeKind
{
    New,
    Changed,
    Unchanged,
}

public sealed record PopulationChange(int OrganisationId, string Code, string Name, DateOnly AsOf, int Population, int? Previous, PopulationChangeKind Kind);

public sealed record PopulationLine(int Line, string Text, string Reason);

/// <summary>
/// What a population file would do: figures to add or correct, rows skipped as not municipalities, and lines that
/// cannot be read. A file with any unreadable line, or that is not a population table at all, imports nothing.
/// </summary>
public sealed record PopulationPreview(string? FileProblem, string Encoding, IReadOnlyList<PopulationChange> Changes, IReadOnlyList<PopulationLine> Skipped, IReadOnlyList<PopulationLine> Errors)
{
    public bool CanApply => FileProblem is null && Errors.Count == 0 && Changes.Any(c => c.Kind != PopulationChangeKind.Unchanged);
}

/// <summary>
/// Imports Danmarks Statistik's population table FOLK1A as Statistikbanken exports it: semicolon-separated, the area
/// as code and name ("813 Frederikshavn"), the quarter ("2026K1" = 1 January 2026) and the figure, in UTF-8 or
/// Windows-1252; long, or with the quarters across. Figures are added with their date beside the earlier ones, so
/// every budget year keeps its figure.
/// </summary>
public sealed partial class PopulationImport(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
{
    public const long MaxBytes = 2 * 1024 * 1024;
    private const string Source = "Danmarks Statistik, Statistikbanken FOLK1A";

    // Not municipalities: the whole country, the five regions (DST's codes 081–085) and Christiansø, which no municipality governs.
    // Values are text keys, read in the user's language when the preview is made.
    private static readonly Dictionary<string, string> s_notMunicipalities = new()
    {
        ["000"] = "Population_Skip_Country",
        ["081"] = "Population_Skip_Region",
        ["082"] = "Population_Skip_Region",
        ["083"] = "Population_Skip_Region",
        ["084"] = "Population_Skip_Region",
        ["085"] = "Population_Skip_Region",
        ["411"] = "Population_Skip_Christiansoe",
    };

    public async Task<Read<PopulationPreview>> PreviewAsync(string userId, Stream file, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return Read.Denied<PopulationPreview>();
        }

        return Read.Ok(await ReadAsync(db, file, ct));
    }

    /// <summary>Reads the file again and applies all of it, or nothing when any line cannot be read.</summary>
    public async Task<OperationResult> ApplyAsync(string userId, Stream file, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return OperationResult.Denied;
        }

        var preview = await ReadAsync(db, file, ct);
        if (preview.FileProblem is not null || preview.Errors.Count > 0)
        {
            return OperationResult.Invalid(preview.FileProblem ?? Texts.Format("Population_Error_Lines", preview.Errors.Count));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var applied = preview.Changes.Where(c => c.Kind != PopulationChangeKind.Unchanged).ToList();
        var ids = applied.Select(c => c.OrganisationId).Distinct().ToList();
        // The figures to correct, read once for the whole file rather than one query per line.
        var existing = await db.PopulationFigures.Where(f => ids.Contains(f.OrganisationId)).ToDictionaryAsync(f => (f.OrganisationId, f.AsOf), ct);
        foreach (var change in applied)
        {
            if (existing.TryGetValue((change.OrganisationId, change.AsOf), out var figure))
            {
                figure.Population = change.Population;
                figure.Source = Source;
            }
            else
            {
                db.PopulationFigures.Add(new PopulationFigure { OrganisationId = change.OrganisationId, AsOf = change.AsOf, Population = change.Population, Source = Source });
            }

            new ChangeRecorder(userId, now, nameof(Organisation), change.OrganisationId)
                .Add($"Population {ChangeRecorder.Format(change.AsOf)}", ChangeRecorder.Format(change.Previous), ChangeRecorder.Format(change.Population)).WriteTo(db);
        }

        // One SaveChanges is one transaction: the whole file or nothing.
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok(applied.Count);
    }

    private static async Task<PopulationPreview> ReadAsync(OS2HubDbContext db, Stream file, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBytes)
        {
            return Problem(Texts.Get("Population_Error_Size"));
        }

        var (text, encodingName) = TextFiles.Decode(buffer.ToArray());
        var rows = new List<(int Line, string[] Fields)>();
        // No header: Statistikbanken puts a title line, a header line or neither before the data, so each line is judged by its fields.
        using (var csv = CsvReader.Create(new StringReader(text), new CsvReaderOptions { Separator = ';', HasHeader = false, TrackLineNumbers = true }, false))
        {
            while (await csv.ReadAsync(ct))
            {
                var fields = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i).Trim()).ToArray();
                if (fields.Any(f => f.Length > 0))
                {
                    rows.Add(((int)csv.LineNumber, fields));
                }
            }
        }

        var municipalities = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Municipality && o.Code != null)
            .Select(o => new { o.Id, o.Code, o.Name, Figures = o.PopulationFigures.Select(f => new { f.AsOf, f.Population }).ToList() })
            .ToDictionaryAsync(o => o.Code!, ct);
        var changes = new List<PopulationChange>();
        var skipped = new List<PopulationLine>();
        var errors = new List<PopulationLine>();
        var seen = new HashSet<(string, DateOnly)>();
        var dataRows = 0;
        foreach (var (line, joined, area, period, value) in Records(rows))
        {
            if (area is null && period is null)
            {
                // A title or header line ("OMRÅDE;TID;INDHOLD"): not data.
                continue;
            }

            dataRows++;
            if (area is null || period is null)
            {
                errors.Add(new PopulationLine(line, joined, area is null ? Texts.Get("Population_Error_Area") : Texts.Get("Population_Error_Period")));
                continue;
            }

            var code = area.Groups["code"].Value.PadLeft(3, '0');
            if (s_notMunicipalities.TryGetValue(code, out var why))
            {
                skipped.Add(new PopulationLine(line, joined, Texts.Get(why)));
                continue;
            }

            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var population) || population <= 0)
            {
                errors.Add(new PopulationLine(line, joined, Texts.Format("Population_Error_Count", value)));
                continue;
            }

            if (!municipalities.TryGetValue(code.PadLeft(4, '0'), out var municipality))
            {
                errors.Add(new PopulationLine(line, joined, Texts.Format("Population_Error_Code", code)));
                continue;
            }

            var asOf = new DateOnly(int.Parse(period.Groups["year"].Value, CultureInfo.InvariantCulture), (int.Parse(period.Groups["quarter"].Value, CultureInfo.InvariantCulture) - 1) * 3 + 1, 1);
            if (!seen.Add((municipality.Code!, asOf)))
            {
                errors.Add(new PopulationLine(line, joined, Texts.Format("Population_Error_Twice", municipality.Name, asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
                continue;
            }

            var previous = municipality.Figures.FirstOrDefault(f => f.AsOf == asOf)?.Population;
            changes.Add(new PopulationChange(municipality.Id, municipality.Code!, municipality.Name, asOf, population, previous,
                previous is null ? PopulationChangeKind.New : previous == population ? PopulationChangeKind.Unchanged : PopulationChangeKind.Changed));
        }

        if (dataRows == 0)
        {
            return Problem(Texts.Get("Population_Error_NotTable"));
        }

        return new PopulationPreview(null, encodingName, changes.OrderBy(c => c.Code, StringComparer.Ordinal).ThenBy(c => c.AsOf).ToList(), skipped, errors);
    }

    /// <summary>
    /// One record per figure. Statistikbanken writes the table long (area; quarter; figure, perhaps with columns such
    /// as sex "I alt" between) or with the quarters across (a header "OMRÅDE;2025K1;2026K1" and a row per area); both
    /// become (area, quarter, figure). Lines with neither an area nor a quarter come through as (null, null) and are
    /// passed over.
    /// </summary>
    private static IEnumerable<(int Line, string Text, Match? Area, Match? Period, string Value)> Records(List<(int Line, string[] Fields)> rows)
    {
        Match?[]? quarters = null;
        foreach (var (line, fields) in rows)
        {
            var joined = string.Join(';', fields);
            var area = fields.Select(f => AreaPattern().Match(f)).FirstOrDefault(m => m.Success);
            var period = fields.Select(f => PeriodPattern().Match(f)).FirstOrDefault(m => m.Success);
            if (area is null && period is not null && !fields.Any(f => int.TryParse(f, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                quarters = [.. fields.Select(f => PeriodPattern().Match(f)).Select(m => m.Success ? m : null)];
                continue;
            }

            if (area is not null && period is null && quarters is not null)
            {
                for (var i = 0; i < Math.Min(quarters.Length, fields.Length); i++)
                {
                    if (quarters[i] is { } quarter)
                    {
                        yield return (line, joined, area, quarter, fields[i]);
                    }
                }

                continue;
            }

            yield return (line, joined, area, period, fields.Length > 0 ? fields[^1] : "");
        }
    }

    private static PopulationPreview Problem(string message) => new(message, "", [], [], []);

    [GeneratedRegex(@"^(?<code>\d{1,3})\s+\S")]
    private static partial Regex AreaPattern();

    [GeneratedRegex(@"^(?<year>\d{4})K(?<quarter>[1-4])$")]
    private static partial Regex PeriodPattern();
}
