using System.Data.Common;
using System.Globalization;
using System.Text;
using OS2Hub.Web.Data;
using OS2Hub.Web.Features.Products;

namespace OS2Hub.Benchmarks.Harness;

/// <summary>
/// The catalogue query as one would write it by hand in SQL, for the floor the in-memory query is compared with: the
/// same matches, the same seven facets (each counted over the products that pass every other filter), the total and
/// one page with its cards' supplier names. Portable between SQLite and PostgreSQL. It covers the filters the harness
/// uses (text, maturity, licence, region) and refuses the others rather than answer something else.
/// </summary>
internal static class SqlFloor
{
    public sealed record Answer(int Total, IReadOnlyList<int> Page, int FacetRows);

    public static async Task<Answer> RunAsync(DbConnection connection, CatalogQuery q, DateOnly day)
    {
        if (q.Categories.Count + q.Lifecycles.Count + q.Suppliers.Count + q.Municipalities.Count > 0 || q.EffectiveSort is CatalogSort.Relevance or CatalogSort.LastChanged)
        {
            throw new NotSupportedException("The SQL floor covers text, maturity, licence and region filters, sorted by name or co-owners.");
        }

        await using var command = connection.CreateCommand();
        command.CommandTimeout = 600;
        var parameters = new Parameters(command);
        var with = With(q, day, parameters);
        var facets = await ReadAsync(command, with + Facets, r => r.GetString(0) == "total" ? r.GetInt64(2) : -1);
        var total = (int)facets.Single(n => n >= 0);

        var pageSize = Math.Clamp(q.PageSize, 1, CatalogQuery.MaxPageSize);
        var page = Math.Clamp(q.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var order = q.EffectiveSort == CatalogSort.Members ? "members DESC, p.name, p.id" : "p.name, p.id";
        var pageSql = $"""
            SELECT p.id, (SELECT COUNT(*) FROM cur WHERE cur.kind = 'Member' AND cur.pid = p.id) AS members
            FROM p WHERE {All} ORDER BY {order} LIMIT {pageSize} OFFSET {(page - 1) * pageSize}
            """;
        var ids = await ReadAsync(command, with + pageSql, r => r.GetInt32(0));
        if (ids.Count > 0)
        {
            // The cards' supplier names, as the card shows them.
            command.Parameters.Clear();
            parameters.Add("day", day);
            command.CommandText = $"""
                SELECT x."ProductId", o."Name" FROM "Participations" x JOIN "Organisations" o ON o."Id" = x."OrganisationId"
                WHERE x."Kind" = 'Supplier' AND x."ProductId" IN ({string.Join(',', ids)})
                  AND (x."StartDate" IS NULL OR x."StartDate" <= @day) AND (x."EndDate" IS NULL OR x."EndDate" > @day)
                """;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                _ = reader.GetString(1);
            }
        }

        return new Answer(total, ids, facets.Count);
    }

    private const string All = "p.fm = 1 AND p.fl = 1 AND p.fr = 1";

    private const string Facets = """
        SELECT 'category', CAST(p.cat AS TEXT), COUNT(*) FROM p WHERE p.fm = 1 AND p.fl = 1 AND p.fr = 1 GROUP BY p.cat
        UNION ALL SELECT 'maturity', p.mat, COUNT(*) FROM p WHERE p.fl = 1 AND p.fr = 1 GROUP BY p.mat
        UNION ALL SELECT 'lifecycle', p.life, COUNT(*) FROM p WHERE p.fm = 1 AND p.fl = 1 AND p.fr = 1 GROUP BY p.life
        UNION ALL SELECT 'licence', p.lic, COUNT(*) FROM p WHERE p.fm = 1 AND p.fr = 1 GROUP BY p.lic
        UNION ALL SELECT 'supplier', CAST(cur.oid AS TEXT), COUNT(DISTINCT p.id) FROM p JOIN cur ON cur.pid = p.id AND cur.kind = 'Supplier'
            WHERE p.fm = 1 AND p.fl = 1 AND p.fr = 1 GROUP BY cur.oid
        UNION ALL SELECT 'municipality', CAST(cur.oid AS TEXT), COUNT(DISTINCT p.id) FROM p JOIN cur ON cur.pid = p.id AND cur.kind = 'Member'
            JOIN "Organisations" o ON o."Id" = cur.oid AND o."Kind" = 'Municipality' WHERE p.fm = 1 AND p.fl = 1 AND p.fr = 1 GROUP BY cur.oid
        UNION ALL SELECT 'region', rm.code, COUNT(DISTINCT p.id) FROM p JOIN cur ON cur.pid = p.id AND cur.kind = 'Member'
            JOIN rm ON rm.oid = cur.oid WHERE p.fm = 1 AND p.fl = 1 GROUP BY rm.code
        UNION ALL SELECT 'total', CAST(NULL AS TEXT), COUNT(*) FROM p WHERE p.fm = 1 AND p.fl = 1 AND p.fr = 1
        """;

    /// <summary>
/// The current participations, each organisation's region, the products with a co-owner in the chosen regions, and
/// the products that match the text with a 0/1 per filter. The current participations stay a view over the table, so
/// each use of them reads the covering index on (Kind, ProductId, OrganisationId, dates); the rest is computed once.
/// </summary>
    private static string With(CatalogQuery q, DateOnly day, Parameters parameters)
    {
        parameters.Add("day", day);
        var text = new StringBuilder("1 = 1");
        foreach (var term in TextFolding.SearchTerms(q.Text))
        {
            text.Append(CultureInfo.InvariantCulture, $""" AND pr."SearchText" LIKE {parameters.Add("t", $"%{term}%")}""");
        }

        var maturity = q.Maturities.Count == 0 ? "1 = 1" : "pr.\"Maturity\" IN (" + string.Join(", ", q.Maturities.Select(m => parameters.Add("m", m.ToString()))) + ")";
        var licence = q.Licences.Count == 0 ? "1 = 1" : string.Join(" OR ", new[]
        {
            q.Licences.Any(l => l != CatalogQuery.Unknown) ? "pr.\"Licence\" IN (" + string.Join(", ", q.Licences.Where(l => l != CatalogQuery.Unknown).Select(l => parameters.Add("l", l))) + ")" : null,
            q.Licences.Contains(CatalogQuery.Unknown) ? "pr.\"Licence\" IS NULL" : null,
        }.OfType<string>());
        var regionCodes = q.Regions.Count == 0 ? "NULL" : string.Join(", ", q.Regions.Select(r => parameters.Add("r", r)));
        var region = q.Regions.Count == 0 ? "1 = 1" : """pr."Id" IN (SELECT pid FROM rp)""";
        return $"""
            WITH cur AS NOT MATERIALIZED (
                SELECT "ProductId" AS pid, "OrganisationId" AS oid, "Kind" AS kind FROM "Participations"
                WHERE ("StartDate" IS NULL OR "StartDate" <= @day) AND ("EndDate" IS NULL OR "EndDate" > @day)),
            rm AS MATERIALIZED (
                SELECT o."Id" AS oid, r."Code" AS code FROM "Organisations" o JOIN "Organisations" r ON r."Id" = o."RegionId"
                WHERE r."Kind" = 'Region' AND r."Code" IS NOT NULL
                UNION ALL SELECT "Id", "Code" FROM "Organisations" WHERE "Kind" = 'Region' AND "Code" IS NOT NULL),
            rp AS MATERIALIZED (
                SELECT DISTINCT cur.pid FROM cur JOIN rm ON rm.oid = cur.oid WHERE cur.kind = 'Member' AND rm.code IN ({regionCodes})),
            p AS MATERIALIZED (
                SELECT pr."Id" AS id, pr."Name" AS name, pr."CategoryId" AS cat, pr."Maturity" AS mat, pr."Lifecycle" AS life, pr."Licence" AS lic,
                    CASE WHEN {maturity} THEN 1 ELSE 0 END AS fm,
                    CASE WHEN {licence} THEN 1 ELSE 0 END AS fl,
                    CASE WHEN {region} THEN 1 ELSE 0 END AS fr
                FROM "Products" pr WHERE {text})
            """;
    }

    private static async Task<List<T>> ReadAsync<T>(DbCommand command, string sql, Func<DbDataReader, T> read)
    {
        command.CommandText = sql;
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private sealed class Parameters(DbCommand command)
    {
        public string Add(string prefix, object value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = prefix == "day" ? "day" : $"{prefix}{command.Parameters.Count}";
            parameter.Value = value;
            command.Parameters.Add(parameter);
            return "@" + parameter.ParameterName;
        }
    }
}
