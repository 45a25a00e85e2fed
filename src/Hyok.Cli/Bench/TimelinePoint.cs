namespace Hyok.Cli.Bench;

/// <summary>One second (the last one may be shorter) of a run's measured time: the requests that ended in it.</summary>
/// <param name="EndSeconds">Seconds from the start of the measured time to the end of this interval.</param>
/// <param name="LengthSeconds">The interval's length (1, except at the end).</param>
internal sealed record TimelinePoint(double EndSeconds, double LengthSeconds, long Requests, long Errors, double P50Ms, double P99Ms, double MaxMs)
{
    public double Rate => LengthSeconds > 0 ? Requests / LengthSeconds : 0;

    public static TimelinePoint From(RequestStats stats, double endSeconds, double lengthSeconds) =>
        new(endSeconds, lengthSeconds, stats.Requests, stats.Errors, stats.LatencyMs(50), stats.LatencyMs(99), stats.LatencyMs(100));
}
