namespace OS2Hub.Web.Tests.Infrastructure;

/// <summary>A clock fixed at a date, so "current" memberships do not drift with the calendar.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly FixedClock Default = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
