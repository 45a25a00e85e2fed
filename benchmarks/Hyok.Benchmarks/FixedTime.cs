namespace Hyok.Benchmarks;

/// <summary>A clock stopped at one instant, so a request signed once stays within SigV4's 5-minute window however long the run.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
