using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OS2Hub.Benchmarks.Harness;

/// <summary>
/// Real Chromium tabs on <c>/produkter</c>, each its own live circuit: the server's memory per circuit (managed heap
/// after the full collection dotnet-gcdump forces, and resident memory), then the search latency a user meets, one tab
/// at a time while the others stay connected: from the last key of a word to the page showing that word's results.
/// </summary>
internal static partial class LiveCircuits
{
    public sealed record Figures(int Tabs, long HeapBefore, long HeapAfter, long ResidentBefore, long ResidentAfter, Percentiles Search)
    {
        public double HeapPerCircuit => (HeapAfter - HeapBefore) / (double)Tabs;

        public double ResidentPerCircuit => (ResidentAfter - ResidentBefore) / (double)Tabs;
    }

    // Words found in the real catalogue's names and texts, so consecutive searches show different results.
    private static readonly string[] Words = ["rolle", "faktor", "borger", "data", "forms", "iot", "skole", "sync", "kitos", "display", "sag", "mo"];

    private const string SearchBox = "form.catalog-search input";

    public static async Task<Figures> MeasureAsync(HubProcess hub, int tabs, int searches, string repositoryRoot, string? dumps, TextWriter log)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-renderer-backgrounding", "--disable-background-timer-throttling"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = hub.Address.ToString(), Locale = "da-DK" });

        // One tab first, closed again: it pays for the JIT and finds each word's result count, which the timed searches wait for.
        var counts = new Dictionary<string, string>(StringComparer.Ordinal);
        var first = await OpenAsync(context, "/produkter");
        counts[""] = await CountAsync(first);
        foreach (var word in Words)
        {
            await first.GotoAsync($"/produkter?q={word}");
            await WaitForInteractiveAsync(first);
            counts[word] = await CountAsync(first);
            await SearchAsync(first, word, counts[word]);
        }

        await first.CloseAsync();
        await Task.Delay(1000);

        var heapBefore = await HeapAfterFullCollectionAsync(hub, repositoryRoot, dumps, "before");
        var residentBefore = hub.ResidentBytes();
        var pages = new List<IPage>();
        for (var i = 0; i < tabs; i++)
        {
            pages.Add(await OpenAsync(context, "/produkter"));
        }

        await Task.Delay(2000);
        var heapAfter = await HeapAfterFullCollectionAsync(hub, repositoryRoot, dumps, $"with-{tabs}-tabs");
        var residentAfter = hub.ResidentBytes();
        log.WriteLine($"  {tabs} tabs: managed heap {heapBefore / 1024:N0} KB -> {heapAfter / 1024:N0} KB, RSS {residentBefore / 1048576:N0} MB -> {residentAfter / 1048576:N0} MB");

        var shown = pages.Select(_ => counts[""]).ToArray();
        var latencies = new List<double>();
        for (var i = 0; i < searches; i++)
        {
            var tab = i % pages.Count;
            // The next word whose results differ from what this tab shows, so the wait below cannot end early.
            var word = Enumerable.Range(i, Words.Length).Select(k => Words[k % Words.Length]).First(w => counts[w] != shown[tab]);
            latencies.Add(await SearchAsync(pages[tab], word, counts[word]));
            shown[tab] = counts[word];
        }

        var search = Percentiles.Of(latencies);
        log.WriteLine($"  search, key to results: p50 {search.P50:N0} ms, p95 {search.P95:N0} ms over {search.Samples}");
        await context.CloseAsync();
        return new Figures(tabs, heapBefore, heapAfter, residentBefore, residentAfter, search);
    }

    private static async Task<IPage> OpenAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync(path);
        await WaitForInteractiveAsync(page);
        return page;
    }

    private static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("span.interactive-marker[data-interactive='true']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    private static async Task<string> CountAsync(IPage page) => (await page.Locator("p.result-count").TextContentAsync() ?? "").Trim();

    /// <summary>Types a word as a quick typist does and returns the milliseconds from its last key to its results on the page.</summary>
    private static async Task<double> SearchAsync(IPage page, string word, string count)
    {
        var box = page.Locator(SearchBox);
        await box.SelectTextAsync();
        await page.Keyboard.TypeAsync(word[..^1], new KeyboardTypeOptions { Delay = 40 });
        await Task.Delay(40);
        var clock = Stopwatch.StartNew();
        await page.Keyboard.PressAsync(word[^1..]);
        try
        {
            await page.WaitForFunctionAsync(
                "([word, count]) => new URLSearchParams(location.search).get('q') === word && document.querySelector('p.result-count')?.textContent.trim() === count",
                new[] { word, count }, new PageWaitForFunctionOptions { PollingInterval = 5, Timeout = 15_000 });
        }
        catch (TimeoutException e)
        {
            throw new InvalidOperationException($"Searching '{word}' did not show '{count}': the tab is at {page.Url}, the box holds '{await box.InputValueAsync()}' "
                + $"and the page says '{await CountAsync(page)}'.", e);
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    private static async Task<long> HeapAfterFullCollectionAsync(HubProcess hub, string repositoryRoot, string? dumps, string name)
    {
        if (dumps is not null)
        {
            Directory.CreateDirectory(dumps);
        }

        var file = dumps is null ? Path.Combine(Path.GetTempPath(), $"os2hub-harness-{Guid.NewGuid():N}.gcdump") : Path.Combine(dumps, name + ".gcdump");
        try
        {
            var collect = await Tools.RunAsync("dotnet", ["tool", "run", "dotnet-gcdump", "collect", "-p", hub.Id.ToString(CultureInfo.InvariantCulture), "-o", file], repositoryRoot);
            var report = await Tools.RunAsync("dotnet", ["tool", "run", "dotnet-gcdump", "report", file], repositoryRoot);
            var match = HeapBytes().Match(report.Output);
            return match.Success
                ? long.Parse(match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)
                : throw new InvalidOperationException("dotnet-gcdump gave no heap size (dotnet tool restore?):\n" + collect.Output + report.Output);
        }
        finally
        {
            if (dumps is null)
            {
                File.Delete(file);
            }
        }
    }

    [GeneratedRegex(@"([\d,]+)\s+GC Heap bytes")]
    private static partial Regex HeapBytes();
}
