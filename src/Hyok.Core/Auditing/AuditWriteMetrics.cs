using System.Diagnostics.Metrics;

namespace Hyok.Auditing;

/// <summary>
/// The audit trail writer's instruments (docs/operations.md "Metrics"), on a meter the host owns: how long each batch
/// took to write and make durable, how many records it held, and how many records failed closed. Plain
/// System.Diagnostics.Metrics: the host decides how they are exported.
/// </summary>
public sealed class AuditWriteMetrics
{
    public const string FlushDurationName = "hyok.audit.flush.duration";
    public const string BatchSizeName = "hyok.audit.batch.size";
    public const string FailedRecordsName = "hyok.audit.write.failures";

    private static readonly double[] SecondsBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];
    private static readonly int[] RecordBuckets = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];

    private readonly Histogram<double> _flushDuration;
    private readonly Histogram<int> _batchSize;
    private readonly Counter<long> _failedRecords;

    public AuditWriteMetrics(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        _flushDuration = meter.CreateHistogram(FlushDurationName, "s", "Time to write and fsync one audit batch.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _batchSize = meter.CreateHistogram(BatchSizeName, "{record}", "Audit records written per batch (group commit).",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = RecordBuckets });
        _failedRecords = meter.CreateCounter<long>(FailedRecordsName, "{record}", "Audit records that could not be written (their requests failed closed).");
    }

    internal void BatchWritten(int records, TimeSpan elapsed)
    {
        _flushDuration.Record(elapsed.TotalSeconds);
        _batchSize.Record(records);
    }

    internal void BatchFailed(int records) => _failedRecords.Add(records);
}
