using Microsoft.Extensions.Configuration;
using OS2Hub.Web.Data;
using OS2Hub.Web.Features.Setup;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Setup;

/// <summary>The database setting: SQLite by default, PostgreSQL on request, and one sentence for a setting that cannot work.</summary>
public sealed class DatabaseConfigurationTests
{
    private static HubDatabase Read(params (string Key, string Value)[] settings) =>
        DatabaseConfiguration.Read(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build(), "/srv/os2hub");

    [Fact]
    public void WithoutAProviderTheHubRunsOnTheSqliteFileUnderItsContentRoot()
    {
        var database = Read();
        var named = Read(("OS2Hub:Database:Provider", "sqlite"), ("OS2Hub:DatabasePath", "data/hub.db"));

        Assert.Equal((DatabaseProvider.Sqlite, "/srv/os2hub/App_Data/os2hub.db"), (database.Provider, database.SqliteFile));
        Assert.Equal("/srv/os2hub/data/hub.db", named.SqliteFile);
    }

    [Fact]
    public void PostgreSqlTakesTheConnectionStringAndDescribesItWithoutThePassword()
    {
        var database = Read(("OS2Hub:Database:Provider", "PostgreSql"), ("OS2Hub:Database:ConnectionString", "Host=db.example;Port=5433;Database=hub;Username=os2hub;Password=hemmelig"));

        Assert.True(database.IsPostgreSql);
        Assert.Equal("db.example:5433/hub", DatabaseConfiguration.Describe(database));
    }

    [Theory]
    [InlineData("Oracle", null, "OS2Hub:Database:Provider er \"Oracle\", men kan kun være Sqlite eller PostgreSql.")]
    [InlineData("PostgreSql", null, "OS2Hub:Database:Provider er PostgreSql, men OS2Hub:Database:ConnectionString er ikke sat.")]
    [InlineData("PostgreSql", "Host=db;Pasword=hemmelig", "OS2Hub:Database:ConnectionString kan ikke læses som en PostgreSQL-forbindelsesstreng (fx Host=db;Database=os2hub;Username=os2hub).")]
    public void ASettingThatCannotWorkIsRefusedWithOneSentenceThatNamesIt(string provider, string? connectionString, string message)
    {
        var settings = new List<(string, string)> { ("OS2Hub:Database:Provider", provider) };
        if (connectionString is not null)
        {
            settings.Add(("OS2Hub:Database:ConnectionString", connectionString));
        }

        var error = Assert.Throws<SetupException>(() => Read([.. settings]));

        Assert.Equal(message, error.Message);
        Assert.DoesNotContain("hemmelig", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAppStartedWithAnUnknownProviderExitsWithOneSentenceAndNoStackTrace()
    {
        await using var app = AppProcess.Start(new() { ["OS2Hub:Database:Provider"] = "Oracle" });

        var exit = await app.ExitCodeAsync();

        Assert.Equal(1, exit);
        Assert.Equal(["OS2Hub:Database:Provider er \"Oracle\", men kan kun være Sqlite eller PostgreSql."], app.StandardError);
    }

    [Fact]
    public async Task TheAppPointedAtAnUnreachableServerExitsSayingWhichServer()
    {
        // Port 9 (discard) on loopback: nothing listens there, so the connection is refused at once.
        await using var app = AppProcess.Start(new()
        {
            ["OS2Hub:Database:Provider"] = "PostgreSql", ["OS2Hub:Database:ConnectionString"] = "Host=127.0.0.1;Port=9;Database=os2hub;Username=os2hub;Password=hemmelig",
        });

        var exit = await app.ExitCodeAsync();

        Assert.Equal(1, exit);
        var line = Assert.Single(app.StandardError);
        Assert.StartsWith("Databasen 127.0.0.1:9/os2hub kan ikke nås: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("hemmelig", line, StringComparison.Ordinal);
    }
}
