using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OS2Hub.Web.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add X --context PostgreSqlHubDbContext</c> build the PostgreSQL model without a server:
/// making a migration compares models and never connects.
/// </summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlHubDbContext>
{
    public PostgreSqlHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<OS2HubDbContext>().UseNpgsql("Host=127.0.0.1;Database=os2hub").Options);
}
