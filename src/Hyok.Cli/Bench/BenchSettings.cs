namespace Hyok.Cli.Bench;

/// <summary>The shape of the load: what to send, how many at once, for how long.</summary>
/// <param name="MaxRequests">Stop after this many measured requests; 0 for no limit.</param>
internal sealed record BenchSettings(
    BenchOperation Operation,
    int PlaintextBytes,
    int AadBytes,
    int Concurrency,
    TimeSpan Duration,
    TimeSpan Warmup,
    long MaxRequests,
    Version HttpVersion,
    bool Json)
{
    public string OperationName => Operation.ToString().ToLowerInvariant();

    public string HttpName => HttpVersion.Major == 2 ? "2" : "1.1";
}
