namespace Hyok.Fuzz;

/// <summary>A clock stopped at one instant, so that signatures of that instant verify on every run.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
