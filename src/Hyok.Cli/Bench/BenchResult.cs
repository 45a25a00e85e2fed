namespace Hyok.Cli.Bench;

/// <summary>The measured part of a run.</summary>
/// <param name="Measured">From the end of the warm-up to the last answer (or Ctrl+C).</param>
/// <param name="Interrupted">Ctrl+C ended the run early.</param>
internal sealed record BenchResult(BenchTally Tally, TimeSpan Measured, bool Interrupted)
{
    public static IReadOnlyList<(string Name, double Percentile)> Percentiles { get; } =
        [("p50", 50), ("p90", 90), ("p99", 99), ("p99.9", 99.9), ("max", 100)];

    /// <summary>Open loop: the measured stretch of the timetable (requests due in it / rate); null in the closed loop.</summary>
    public TimeSpan? Window { get; init; }

    /// <summary>Most requests waiting for answers at once (the closed loop: its concurrency).</summary>
    public long PeakInFlight { get; init; }

    /// <summary>Per second of the measured time, filled in by <see cref="BenchTimeline"/>.</summary>
    public IReadOnlyList<TimelinePoint> Timeline { get; init; } = [];

    public long Requests => Tally.Requests;

    public long ErrorCount => Tally.Errors.Values.Sum();

    /// <summary>Completed requests (any outcome) per second of the measured time.</summary>
    public double Throughput => Measured.TotalSeconds > 0 ? Requests / Measured.TotalSeconds : 0;

    /// <summary>
    /// Successful answers per second: of the open loop's window (so dropped, failed and unanswered requests all
    /// lower it below <c>--rate</c>), or of the closed loop's measured time.
    /// </summary>
    public double AchievedRate => (Window ?? Measured).TotalSeconds is var seconds and > 0 ? Tally.Succeeded / seconds : 0;

    /// <summary>Latency in milliseconds at <paramref name="percentile"/> over the answered requests; 0 when none.</summary>
    public double LatencyMs(double percentile) => Tally.Total.LatencyMs(percentile);
}
