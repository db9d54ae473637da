using System.Net;
using System.Text;
using System.Text.Json;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Http;

/// <summary>POST /api/v1/publiccode/validate as a repository's CI would call it, and every bad body it can send.</summary>
public sealed class PublicCodeValidateHttpTests(HubFactory factory) : IClassFixture<HubFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Minimal() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Features", "PublicCode", "Files", "standard-minimal.yml"));

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/yaml");
        var response = await factory.CreateClient().PostAsync(new Uri("/api/v1/publiccode/validate", UriKind.Relative), content, Ct);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement);
    }

    [Fact]
    public async Task AValidFileIsValidAndABrokenOneNamesTheKeyAndLine()
    {
        var (okStatus, ok) = await PostAsync(Encoding.UTF8.GetBytes(Minimal()));
        var (badStatus, bad) = await PostAsync(Encoding.UTF8.GetBytes(Minimal().Replace("developmentStatus: development", "developmentStatus: alpha", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.OK, okStatus);
        Assert.True(ok.GetProperty("valid").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, badStatus);
        Assert.False(bad.GetProperty("valid").GetBoolean());
        var problem = bad.GetProperty("problems")[0];
        Assert.Equal(("Error", "developmentStatus", 8), (problem.GetProperty("severity").GetString(), problem.GetProperty("key").GetString(), problem.GetProperty("line").GetInt32()));
    }

    [Fact]
    public async Task BadBodiesGetAProblemAndNeverAServerError()
    {
        var cases = new (byte[] Body, HttpStatusCode Expected)[]
        {
            ([], HttpStatusCode.BadRequest),
            (new byte[(1024 * 1024) + 1].Select(_ => (byte)'a').ToArray(), HttpStatusCode.RequestEntityTooLarge),
            ([0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xC3, 0x28], HttpStatusCode.BadRequest),   // "name: " and an invalid UTF-8 sequence
            (Encoding.UTF8.GetBytes("key: [unclosed"), HttpStatusCode.BadRequest),
            (Encoding.UTF8.GetBytes("Dette er bare tekst."), HttpStatusCode.BadRequest),
            (Encoding.UTF8.GetBytes("- en\n- liste"), HttpStatusCode.BadRequest),
            (Encoding.UTF8.GetBytes("publiccodeYmlVersion: [1, 2]\nname: {a: b}\ndescription: 7\nlegal: []\nmaintenance: {type: [x]}"), HttpStatusCode.OK),
        };

        foreach (var (body, expected) in cases)
        {
            var (status, json) = await PostAsync(body);
            Assert.Equal(expected, status);
            if (expected != HttpStatusCode.OK)
            {
                Assert.Equal((int)expected, json.GetProperty("status").GetInt32());
                Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("detail").GetString()));
            }
        }
    }

    [Fact]
    public async Task WithDemoDataAProductExportsAValidFileAndOneWithGapsGets422()
    {
        var client = factory.CreateClient();

        var exported = await client.GetAsync(new Uri("/api/v1/products/os2rollekatalog/publiccode.yml", UriKind.Relative), Ct);
        var incomplete = await client.GetAsync(new Uri("/api/v1/products/os2sync/publiccode.yml", UriKind.Relative), Ct);
        var unknown = await client.GetAsync(new Uri("/api/v1/products/findes-ikke/publiccode.yml", UriKind.Relative), Ct);

        // The demo generator fills what the sources lack (platforms, features, contract end dates …), flagged as demo.
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        var yaml = await exported.Content.ReadAsStringAsync(Ct);
        Assert.Contains("# DEMODATA", yaml, StringComparison.Ordinal);
        var validation = OS2Hub.Web.Features.PublicCode.PublicCodeValidator.Validate(yaml);
        Assert.True(validation.Valid, string.Join("\n", validation.Problems.Select(p => $"{p.Key}: {p.Message}")));
        Assert.Contains("name: Digital Identity ApS", yaml, StringComparison.Ordinal);
        // OS2Sync's description from the sources is shorter than the standard's 150 characters.
        Assert.Equal((HttpStatusCode)422, incomplete.StatusCode);
        var problem = JsonDocument.Parse(await incomplete.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Contains(problem.GetProperty("missing").EnumerateArray(), m => m.GetString()!.Contains("longDescription", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task NoCutOfTheTestFilesCausesAServerError()
    {
        var client = factory.CreateClient();
        foreach (var name in new[] { "standard-minimal.yml", "standard-example.yml" })
        {
            var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Features", "PublicCode", "Files", name));
            // Every prefix of the file, and every prefix cut in the middle of its last line: broken YAML of every shape.
            for (var n = 1; n <= lines.Length; n++)
            {
                var text = string.Join('\n', lines.Take(n));
                foreach (var body in new[] { text, text[..(text.Length - (lines[n - 1].Length / 2))] })
                {
                    using var content = new StringContent(body, Encoding.UTF8, "application/yaml");
                    var response = await client.PostAsync(new Uri("/api/v1/publiccode/validate", UriKind.Relative), content, Ct);
                    Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{name}, {n} lines: {(int)response.StatusCode}");
                }
            }
        }
    }
}
