using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OS2Hub.Web.Data;

namespace OS2Hub.Web.Features.Operations;

/// <summary>
/// Ready means the database answers and every migration this build knows is applied. The result says only healthy or
/// not, never why in detail: the endpoint is public, and connection strings or schema names are nobody's business.
/// </summary>
public sealed class DatabaseReadyCheck(IDbContextFactory<OS2HubDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy();
            }

            return (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any()
                ? HealthCheckResult.Unhealthy()
                : HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            return HealthCheckResult.Unhealthy();
        }
    }
}
