using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hyok.Protocol;
using Hyok.Server.Xks;

namespace Hyok.Server.Metrics;

/// <summary>
/// The meter <c>Hyok</c> of one server and its request instruments (docs/operations.md "Metrics"). Labels are bounded:
/// operation, logical key store (configured names) and outcome (OK or an XKS errorName); never a key id (a caller can
/// send any id, so its cardinality is unbounded; per-key use is in the audit trail), an access key id or request data.
/// Disposing it unregisters every instrument (the observable ones stop being called).
/// </summary>
internal sealed class HyokMetrics : IDisposable
{
    public const string MeterName = "Hyok";
    public const string RequestsName = "hyok.xks.requests";
    public const string RequestDurationName = "hyok.xks.request.duration";

    /// <summary>Label value for requests whose URI matched no XKS route (scanners, typos).</summary>
    public const string Unmatched = "none";

    /// <summary>Seconds; fine below 1 ms (the software store), and around KMS's 250 ms budget.</summary>
    internal static readonly double[] LatencyBuckets = [0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.5, 1];

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _requestDuration;
    private long _answered;

    public HyokMetrics()
    {
        Meter = new Meter(MeterName, typeof(HyokMetrics).Assembly.GetName().Version?.ToString(3));
        _requests = Meter.CreateCounter<long>(RequestsName, "{request}", "XKS requests answered, by operation, key store and outcome.");
        _requestDuration = Meter.CreateHistogram(RequestDurationName, "s", "Time from arrival to the answer (audit record included).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
    }

    public Meter Meter { get; }

    /// <summary>Requests answered since start (the fleet heartbeat's load is its rate).</summary>
    public long Answered => Interlocked.Read(ref _answered);

    /// <summary>One answered (or abandoned) request; <paramref name="outcome"/> is OK or an errorName.</summary>
    public void RequestCompleted(XksRoute? route, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { "operation", route is null ? Unmatched : OperationName(route.Operation) },
            { "key_store", route?.Store.Name ?? Unmatched },
            { "outcome", outcome },
        };
        Interlocked.Increment(ref _answered);
        _requests.Add(1, tags);
        _requestDuration.Record(elapsed.TotalSeconds, tags);
    }

    public void RequestCompleted(XksRoute? route, XksErrorCode? error, TimeSpan elapsed) =>
        RequestCompleted(route, error is { } code ? XksErrors.NameOf(code) : "OK", elapsed);

    public void Dispose() => Meter.Dispose();

    private static string OperationName(XksOperationKind operation) => operation switch
    {
        XksOperationKind.Encrypt => "Encrypt",
        XksOperationKind.Decrypt => "Decrypt",
        XksOperationKind.GetKeyMetadata => "GetKeyMetadata",
        XksOperationKind.GetHealthStatus => "GetHealthStatus",
        _ => operation.ToString(),
    };
}
