using System.Net.Sockets;
using Npgsql;
using OS2Hub.Web.Data;

namespace OS2Hub.Web.Features.Live;

/// <summary>
/// Several instances on one PostgreSQL database: an event is a NOTIFY on one channel, which the server hands to every
/// listening session, this instance's own included, after the publishing transaction commits.
/// </summary>
public sealed class PostgreSqlLiveEvents(HubDatabase database, ILogger<PostgreSqlLiveEvents> logger) : LiveEvents(logger)
{
    public const string Channel = "os2hub_live";

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Done once this instance listens; what is published before then does not reach it.</summary>
    public Task Listening => _listening.Task;

    public override async Task PublishAsync(string topic, string key, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
        notify.Parameters.AddWithValue("channel", Channel);
        notify.Parameters.AddWithValue("payload", topic + "\n" + key);
        await notify.ExecuteNonQueryAsync(ct);
    }

    internal void Listened() => _listening.TrySetResult();

    internal Task ReceivedAsync(string payload) =>
        payload.Split('\n', 2) is [var topic, var key] ? DeliverAsync(topic, key) : Task.CompletedTask;

    /// <summary>After a lost connection: every subscriber reloads, since events may have gone by unheard.</summary>
    internal Task MissedAsync() => DeliverAsync(null, null);
}

/// <summary>Holds this instance's LISTEN connection open, and opens it again when it is lost.</summary>
public sealed class PostgreSqlLiveListener(PostgreSqlLiveEvents events, HubDatabase database, ILogger<PostgreSqlLiveListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reconnecting = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Unpooled and kept alive: this one session holds the LISTEN for the instance's lifetime.
                var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, KeepAlive = 30 };
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => _ = events.ReceivedAsync(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgreSqlLiveEvents.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                events.Listened();
                if (reconnecting)
                {
                    await events.MissedAsync();
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or SocketException or IOException or TimeoutException)
            {
                logger.LogWarning("Listening for live events failed ({Error}); trying again shortly", e.GetType().Name);
                reconnecting = true;
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
