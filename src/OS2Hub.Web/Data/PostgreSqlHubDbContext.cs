using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OS2Hub.Web.Data;

/// <summary>
/// The hub's model on PostgreSQL. A context type of its own gives PostgreSQL its own migrations
/// (Data/Migrations/PostgreSql) beside SQLite's, as EF Core's guide to several providers recommends; every service
/// still asks for <see cref="OS2HubDbContext"/>, which this is.
/// </summary>
public sealed class PostgreSqlHubDbContext(DbContextOptions<OS2HubDbContext> options) : OS2HubDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        // btree_gist lets the exclusion constraint on membership periods compare ids with = beside the date ranges.
        builder.HasPostgresExtension("btree_gist");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        base.ConfigureConventions(configurationBuilder);
        // The app keeps every instant in UTC. SQLite stores what it is given; Npgsql refuses a DateTime whose kind is
        // not UTC for "timestamp with time zone", so an unspecified kind is read as the UTC it is.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
