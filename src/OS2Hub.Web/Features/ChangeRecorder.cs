using System.Globalization;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features;

/// <summary>
/// One edit's rows in the change log: who changed which record when, one row per changed field. Values are written
/// culture-independently (dates as ISO 8601, numbers with a point), so the log reads the same whatever the server's
/// culture. Every service that changes shared data records through this.
/// </summary>
public sealed class ChangeRecorder(string userId, DateTime at, string entityType, int entityId = 0)
{
    private readonly List<ChangeLogEntry> _entries = [];

    public IReadOnlyList<ChangeLogEntry> Entries => _entries;

    /// <summary>Applies the new value and records the change, only when it differs from the old.</summary>
    public void Set<T>(string field, T oldValue, T newValue, Action<T> apply)
    {
        ArgumentNullException.ThrowIfNull(apply);
        if (!EqualityComparer<T>.Default.Equals(oldValue, newValue))
        {
            Add(field, Format(oldValue), Format(newValue));
            apply(newValue);
        }
    }

    /// <summary>Records a change described in words rather than as one field's values.</summary>
    public ChangeRecorder Add(string field, string? oldValue = null, string? newValue = null)
    {
        _entries.Add(new ChangeLogEntry { At = at, UserId = userId, EntityType = entityType, EntityId = entityId, Field = field, OldValue = oldValue, NewValue = newValue });
        return this;
    }

    /// <summary>Adds the rows to the context, for a record created in this edit once its id is known.</summary>
    public void WriteTo(OS2HubDbContext db, int? createdId = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (createdId is { } id)
        {
            _entries.ForEach(e => e.EntityId = id);
        }

        db.ChangeLog.AddRange(_entries);
    }

    /// <summary>A logged value in a culture-independent form.</summary>
    public static string? Format<T>(T value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        // PostgreSQL gives a decimal back with its column's scale (1.2500); the log shows the number, not the scale.
        decimal m => m.ToString("0.############################", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
