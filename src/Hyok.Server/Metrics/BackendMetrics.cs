using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Hyok.Server.Metrics;

/// <summary>
/// <c>hyok.backend.duration</c>: time of each key backend call by backend (<c>software</c>, <c>pkcs11</c>), operation
/// (<c>find_key</c>, <c>encrypt</c>, <c>decrypt</c>, <c>probe</c>) and outcome (OK, an errorName, <c>exception</c>).
/// A call abandoned at the request deadline is still measured when it really ends.
/// </summary>
internal sealed class BackendMetrics(HyokMetrics metrics, string backend)
{
    public const string DurationName = "hyok.backend.duration";

    private readonly Histogram<double> _duration = metrics.Meter.CreateHistogram(DurationName, "s", "Key backend call time.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = HyokMetrics.LatencyBuckets });

    public string Backend => backend;

    public void Record(string operation, string outcome, TimeSpan elapsed) =>
        _duration.Record(elapsed.TotalSeconds, new TagList { { "backend", backend }, { "operation", operation }, { "outcome", outcome } });
}
