using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OS2Hub.Web.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add X --context OS2HubDbContext</c> build the SQLite model. Without it the tools take
/// <see cref="PostgreSqlDesignTimeFactory"/> for this context too (the factory interface is covariant, and a
/// PostgreSQL context is an <see cref="OS2HubDbContext"/>), and write a PostgreSQL migration into SQLite's folder.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<OS2HubDbContext>
{
    public OS2HubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<OS2HubDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
