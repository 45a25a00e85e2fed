namespace Hyok.Cli.Bench;

/// <summary>The shape of the load: what to send, how (closed loop at a concurrency, or open loop at a rate), for how long, and how to report it.</summary>
/// <param name="MaxRequests">Stop after this many measured requests; 0 for no limit.</param>
/// <param name="Rate">Requests per second of the open loop; 0 for the closed loop.</param>
/// <param name="MaxInFlight">Open loop: most requests waiting for answers at once.</param>
/// <param name="SloP99Ms">The p99 bound of the verdict; null for <see cref="BenchSlo.DefaultP99Ms"/> with a rate, no verdict without.</param>
/// <param name="Quiet">No progress lines on stderr.</param>
/// <param name="PlotFile">Where to write the SVG latency plot; null for none.</param>
internal sealed record BenchSettings(
    BenchMix Mix,
    int PlaintextBytes,
    int AadBytes,
    int Concurrency,
    TimeSpan Duration,
    TimeSpan Warmup,
    long MaxRequests,
    Version HttpVersion,
    bool Json,
    int Rate = 0,
    int MaxInFlight = 4096,
    double? SloP99Ms = null,
    bool Quiet = false,
    string? PlotFile = null)
{
    public string OperationName => Mix.Name;

    public string HttpName => HttpVersion.Major == 2 ? "2" : "1.1";

    public bool OpenLoop => Rate > 0;

    public string Mode => OpenLoop ? "open" : "closed";

    /// <summary>Whether the payload options matter (encrypt or decrypt is sent).</summary>
    public bool HasPayload => Mix.Includes(BenchOperation.Encrypt) || Mix.Includes(BenchOperation.Decrypt);
}
