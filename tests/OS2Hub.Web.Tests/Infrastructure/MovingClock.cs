namespace OS2Hub.Web.Tests.Infrastructure;

/// <summary>A clock the test moves forward, for what depends on time passing (digests due after a day or a week).</summary>
public sealed class MovingClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
