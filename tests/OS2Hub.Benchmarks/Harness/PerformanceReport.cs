using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace OS2Hub.Benchmarks.Harness;

/// <summary>The harness's one table, as Markdown for <c>docs/performance.md</c> and the console.</summary>
internal static class PerformanceReport
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static string Write(HarnessOptions options, IReadOnlyList<QueryTimings.Row> queries, IReadOnlyList<LoadTest.Row> pages, LiveCircuits.Figures circuits, string machine)
    {
        var md = new StringBuilder();
        md.AppendLine("# Ydelse: målinger fra harnessen");
        md.AppendLine();
        var command = (options.Postgres is null ? "" : "tests/with-postgres.sh ") + ("dotnet run -c Release --project tests/OS2Hub.Benchmarks -- harness " + options.Arguments).Trim();
        md.AppendLine(Invariant($"Skrevet af `{command}` {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Tallene måles, de "));
        md.AppendLine("kræves ikke i testene; CI kører harnessen én gang i lille størrelse (`-- harness --small`), så den ikke rådner.");
        md.AppendLine();
        md.AppendLine(machine);
        md.AppendLine();

        md.AppendLine("## Katalogforespørgslen");
        md.AppendLine();
        md.AppendLine("Søgning + filtre + alle facetters tællinger + én side, som appen kører den (`ProductCatalogService`: stemplet læses i databasen, ");
        md.AppendLine("svaret kommer fra øjebliksbilledet i hukommelsen), ved siden af den samme forespørgsel skrevet i hånden i SQL på samme database ");
        md.AppendLine("(`Harness/SqlFloor.cs`; samme antal og samme side, det tjekkes). Appens genererede katalog (`OS2Hub:GeneratedProducts`). Millisekunder.");
        md.AppendLine();
        md.AppendLine("| Database | Produkter | Forespørgsel | Appen p50 | Appen p95 | SQL p50 | SQL p95 | Appen ÷ SQL (p95) | Mål: p95 ≤ 20 ms og ≤ 2× SQL |");
        md.AppendLine("|---|---:|---|---:|---:|---:|---:|---:|---|");
        foreach (var q in queries)
        {
            var ratio = q.Floor is null ? "–" : Invariant($"{q.App.P95 / q.Floor.P95:0.000}");
            var target = q.Floor is null ? "(ikke en del af målet)" : q.App.P95 <= 20 && q.App.P95 <= 2 * q.Floor.P95 ? "nået" : "**ikke nået**";
            md.AppendLine(Invariant($"| {q.Database} | {q.Products:N0} | {q.Case} | {Ms(q.App.P50)} | {Ms(q.App.P95)} | {Ms(q.Floor?.P50)} | {Ms(q.Floor?.P95)} | {ratio} | {target} |"));
        }

        md.AppendLine();
        md.AppendLine(Invariant($"## Sider og API"));
        md.AppendLine();
        md.AppendLine(Invariant($"`wrk -t2 -c32 -d{options.Seconds}s --latency` på samme maskine mod den publicerede app (Release, Production, demodata, SQLite, "));
        md.AppendLine("API'ets grænse hævet), efter en opvarmningskørsel. Det rigtige katalog.");
        md.AppendLine();
        md.AppendLine("| Adresse | req/s | p50 (ms) | p99 (ms) | Fejlsvar | Andel af statisk fil | Mål |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        var floor = pages.Single(p => p.Path == "/favicon.png").RequestsPerSecond;
        foreach (var p in pages)
        {
            var goal = p.Path switch { "/favicon.png" => 0, "/api/v1/products" => 2000, _ => 500 };
            var verdict = goal == 0 ? "(gulvet)" : p.RequestsPerSecond >= goal ? Invariant($"≥ {goal:N0}: nået") : Invariant($"≥ {goal:N0}: **ikke nået**");
            md.AppendLine(Invariant($"| `{p.Path}` ({p.What}) | {p.RequestsPerSecond:N0} | {p.P50:0.0} | {p.P99:0.0} | {p.Failures:N0} | {p.RequestsPerSecond / floor:P1} | {verdict} |"));
        }

        md.AppendLine();
        md.AppendLine(Invariant($"## Hukommelse pr. levende kredsløb"));
        md.AppendLine();
        md.AppendLine(Invariant($"{circuits.Tabs} faner i Chromium på `/produkter`, hver sit kredsløb. Managed heap efter den fulde oprydning, dotnet-gcdump "));
        md.AppendLine("tvinger; RSS fra /proc. Før: efter én opvarmningsfane er lukket. Efter: med alle faner åbne.");
        md.AppendLine();
        md.AppendLine("| | Før | Efter | Pr. kredsløb | Mål |");
        md.AppendLine("|---|---:|---:|---:|---|");
        md.AppendLine(Invariant($"| Managed heap | {circuits.HeapBefore / 1024.0:N0} KB | {circuits.HeapAfter / 1024.0:N0} KB | {circuits.HeapPerCircuit / 1024:N0} KB | ≤ 250 KB: {(circuits.HeapPerCircuit <= 250 * 1024 ? "nået" : "**ikke nået**")} |"));
        md.AppendLine(Invariant($"| RSS | {circuits.ResidentBefore / 1048576.0:N0} MB | {circuits.ResidentAfter / 1048576.0:N0} MB | {circuits.ResidentPerCircuit / 1024:N0} KB | ≤ 1 MB: {(circuits.ResidentPerCircuit <= 1024 * 1024 ? "nået" : "**ikke nået**")} |"));
        md.AppendLine();
        md.AppendLine("## Søgning i en åben fane");
        md.AppendLine();
        md.AppendLine(Invariant($"Fra sidste tast i et ord (tastet med 40 ms mellem tasterne) til siden viser ordets resultater, én fane ad gangen, mens de "));
        md.AppendLine(Invariant($"øvrige {circuits.Tabs - 1} er forbundet."));
        md.AppendLine();
        md.AppendLine("| Målinger | p50 (ms) | p95 (ms) | Største (ms) | Mål |");
        md.AppendLine("|---:|---:|---:|---:|---|");
        var s = circuits.Search;
        md.AppendLine(Invariant($"| {s.Samples} | {s.P50:N0} | {s.P95:N0} | {s.Max:N0} | p95 ≤ 200 ms: {(s.P95 <= 200 ? "nået" : "**ikke nået**")} |"));
        md.AppendLine();
        md.AppendLine("## Sådan vokser omkostningerne med kataloget");
        md.AppendLine();
        foreach (var group in queries.GroupBy(q => (q.Database, q.Case)).Where(g => g.Count() > 1))
        {
            var (small, large) = (group.First(), group.Last());
            md.AppendLine(Invariant($"- {group.Key.Database}, {group.Key.Case}: fra {small.Products:N0} til {large.Products:N0} produkter (×{large.Products / (double)small.Products:0}) ")
                + Invariant($"gik appens p50 fra {Ms(small.App.P50)} til {Ms(large.App.P50)} ms (×{large.App.P50 / small.App.P50:0.0})")
                + (small.Floor is null || large.Floor is null ? "." : Invariant($", SQL's fra {Ms(small.Floor.P50)} til {Ms(large.Floor.P50)} ms (×{large.Floor.P50 / small.Floor.P50:0.0}).")));
        }

        md.AppendLine();
        md.AppendLine("""
            Hvorfor: forespørgslen gennemløber hvert produkt i øjebliksbilledet én gang og tæller dets medejere og leverandører
            op i arrays (lineært i produkter og nuværende deltagelser); sorteringen koster n log n af de fundne; siden og
            facetterne, der vises, har en fast størrelse (leverandørfacetten viser højst 50). Med en søgning falder det meste fra
            ved tekstsammenligningen, så en smal søgning vokser langsommere end gennemsyn af alt. Den håndskrevne SQL gør det samme
            arbejde med en skanning af produkter og deltagelser pr. facet og vokser også lineært, men med databasens
            omkostning pr. række. Et nyt øjebliksbillede efter en ændring læser alle produkter og nuværende deltagelser igen
            (lineært, og det dyreste ved størrelse); det betales af den første forespørgsel efter ændringen på hver instans.
            Siderne og API'et måles på det rigtige katalog: deres omkostning er gengivelsen af én side og afhænger af kataloget
            kun gennem forespørgslen ovenfor. Et kredsløbs hukommelse er sidens komponenttræ og afhænger af sidestørrelsen
            (20 kort) og facetternes antal værdier, ikke af antallet af produkter.
            """);
        return md.ToString();
    }

    public static async Task<string> MachineAsync(string repositoryRoot)
    {
        var cpu = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() : null;
        var memory = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] : null;
        var os = File.Exists("/etc/os-release") ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?[12..].Trim('"') : null;
        var commit = (await Tools.RunAsync("git", ["rev-parse", "--short", "HEAD"], repositoryRoot)).Output.Trim();
        var dirty = (await Tools.RunAsync("git", ["status", "--porcelain", "--untracked-files=no"], repositoryRoot)).Output.Trim().Length > 0;
        return Invariant($"Maskine: {cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} kerner, ")
            + Invariant($"{(memory is null ? "?" : (long.Parse(memory, CultureInfo.InvariantCulture) / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture))} GiB RAM, {os ?? RuntimeInformation.OSDescription}, ")
            + Invariant($"{RuntimeInformation.FrameworkDescription}; commit {commit}{(dirty ? " med ændringer, der ikke er committet" : "")}.");
    }

    private static string Ms(double? ms) => ms switch
    {
        null => "–",
        < 10 => ms.Value.ToString("0.00", Danish),
        < 100 => ms.Value.ToString("0.0", Danish),
        _ => ms.Value.ToString("N0", Danish),
    };

    private static string Invariant(FormattableString text) => text.ToString(Danish);
}
