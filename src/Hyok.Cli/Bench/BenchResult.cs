namespace Hyok.Cli.Bench;

/// <summary>The measured part of a run.</summary>
/// <param name="Measured">From the end of the warm-up to the last answer (or Ctrl+C).</param>
/// <param name="Interrupted">Ctrl+C ended the run early.</param>
internal sealed record BenchResult(BenchTally Tally, TimeSpan Measured, bool Interrupted)
{
    public static IReadOnlyList<(string Name, double Percentile)> Percentiles { get; } =
        [("p50", 50), ("p90", 90), ("p99", 99), ("p99.9", 99.9), ("max", 100)];

    public long Requests => Tally.Requests;

    public long ErrorCount => Tally.Errors.Values.Sum();

    /// <summary>Completed requests (any outcome) per second of the measured time.</summary>
    public double Throughput => Measured.TotalSeconds > 0 ? Requests / Measured.TotalSeconds : 0;

    /// <summary>Latency in milliseconds at <paramref name="percentile"/> over the answered requests; 0 when none.</summary>
    public double LatencyMs(double percentile) =>
        (percentile >= 100 ? Tally.Latencies.MaxMicros : Tally.Latencies.ValueAtPercentile(percentile)) / 1000.0;
}
