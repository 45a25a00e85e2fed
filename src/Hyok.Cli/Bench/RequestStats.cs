namespace Hyok.Cli.Bench;

/// <summary>A group of ended requests (one operation, or one second of a run): how many, how many failed, and the latencies of the answered ones.</summary>
internal sealed class RequestStats
{
    private long _requests;
    private long _errors;

    public LatencyHistogram Latencies { get; } = new();

    public long Requests => Interlocked.Read(ref _requests);

    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>Latency in milliseconds at <paramref name="percentile"/> (100: the maximum) over the answered requests; 0 when none.</summary>
    public double LatencyMs(double percentile) =>
        (percentile >= 100 ? Latencies.MaxMicros : Latencies.ValueAtPercentile(percentile)) / 1000.0;

    /// <param name="micros">The latency, or null when there was no answer (connection failure, timeout).</param>
    public void Add(long? micros, bool failed)
    {
        if (micros is { } value)
        {
            Latencies.Record(value);
        }

        Interlocked.Increment(ref _requests);
        if (failed)
        {
            Interlocked.Increment(ref _errors);
        }
    }
}
