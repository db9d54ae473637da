using Microsoft.EntityFrameworkCore;

namespace OS2Hub.Web.Features.Operations;

/// <summary>
/// Runs one service's job at a fixed interval on every instance, in a scope of its own per run. The jobs (digests,
/// confirmation reminders) make their own rows the guard against two instances doing the same work, so this only
/// keeps the loop going: a database error in one run is logged by its type and the next run tries again.
/// </summary>
public sealed class PeriodicWork<TService>(IServiceScopeFactory scopes, ILogger<PeriodicWork<TService>> logger, TimeSpan interval, Func<TService, CancellationToken, Task> run)
    : BackgroundService where TService : notnull
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await run(scope.ServiceProvider.GetRequiredService<TService>(), stoppingToken);
                }
                catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
                {
                    // By type only: a message may quote an address.
                    logger.LogWarning("The periodic work of {Service} failed ({Error})", typeof(TService).Name, e.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }
}

public static class PeriodicWorkExtensions
{
    /// <summary>Registers <paramref name="run"/> on <typeparamref name="TService"/> to run every <paramref name="interval"/>.</summary>
    public static IServiceCollection AddPeriodicWork<TService>(this IServiceCollection services, TimeSpan interval, Func<TService, CancellationToken, Task> run)
        where TService : notnull =>
        services.AddHostedService(sp => new PeriodicWork<TService>(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<ILogger<PeriodicWork<TService>>>(), interval, run));
}
