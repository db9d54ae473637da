using System.Collections.Concurrent;

namespace OS2Hub.Web.Features.Live;

/// <summary>
/// Tells open pages that something they show has changed, on whichever instance the change was made: "user X has a
/// new notification". An event carries a topic and a key, never the data itself, so a page reloads what it shows
/// through its service and the usual authorization. On SQLite (one instance) events stay in the process; on
/// PostgreSQL they travel through LISTEN/NOTIFY to every instance.
/// </summary>
public abstract class LiveEvents(ILogger logger)
{
    private readonly ConcurrentDictionary<Guid, (string Topic, Func<string?, Task> OnEvent)> _subscribers = new();

    /// <summary>
    /// Calls <paramref name="onEvent"/> with the key of each event on <paramref name="topic"/>, or with null when events
    /// may have been missed (the connection to the database was lost), so the subscriber reloads whatever it shows.
    /// </summary>
    public IDisposable Subscribe(string topic, Func<string?, Task> onEvent)
    {
        var id = Guid.NewGuid();
        _subscribers[id] = (topic, onEvent);
        return new Subscription(() => _subscribers.TryRemove(id, out _));
    }

    public abstract Task PublishAsync(string topic, string key, CancellationToken ct = default);

    /// <summary>Runs the subscribers of one event; one that fails (a closed circuit, say) does not stop the others.</summary>
    protected async Task DeliverAsync(string? topic, string? key)
    {
        foreach (var (subscribedTo, onEvent) in _subscribers.Values.Where(s => topic is null || s.Topic == topic))
        {
            try
            {
                await onEvent(key);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                logger.LogWarning("A live event on {Topic} could not be delivered ({Error})", subscribedTo, e.GetType().Name);
            }
        }
    }

    private sealed class Subscription(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}

/// <summary>One instance: an event goes straight to the subscribers in this process.</summary>
public sealed class InProcessLiveEvents(ILogger<InProcessLiveEvents> logger) : LiveEvents(logger)
{
    public override Task PublishAsync(string topic, string key, CancellationToken ct = default) => DeliverAsync(topic, key);
}
