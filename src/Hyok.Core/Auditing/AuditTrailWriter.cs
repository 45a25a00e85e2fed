using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyok.Auditing;

/// <summary>
/// The durable, hash-chained audit sink (docs/audit.md). One background loop takes every queued event, writes their
/// lines in one go, fsyncs once (group commit) and only then completes the waiting <see cref="AppendAsync"/> calls, so
/// an answered request is a recorded one. When writing fails, every waiting and later append throws
/// <see cref="AuditUnavailableException"/> until a later batch finds the trail writable again and consistent with what
/// this writer last made durable; records never leave chain order.
/// </summary>
public sealed partial class AuditTrailWriter : IAuditSink, IAsyncDisposable
{
    private const string UnavailableMessage = "The audit trail cannot be written; the request fails closed.";

    private readonly AuditTrailOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly AuditWriterLoop _loop;
    private readonly FileStream? _lock;
    private readonly AuditWriteMetrics? _metrics;
    private long _recordsWritten;
    private long _batches;

    /// <summary>Opens the trail and resumes its chain (cutting a crash-truncated last line).</summary>
    /// <exception cref="AuditUnavailableException">The folder or its newest file cannot be opened or read.</exception>
    public AuditTrailWriter(AuditTrailOptions options, TimeProvider? timeProvider = null, ILogger<AuditTrailWriter>? logger = null, AuditWriteMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _metrics = metrics;
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Directory);
        _options = options with { Directory = Path.GetFullPath(options.Directory) };
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _loop = new AuditWriterLoop("Hyok audit writer", _options.MaxBatchRecords, WriteBatch);
        try
        {
            _lock = AuditTrailLock.Acquire(_options.Directory);
            Resume(expected: null);
        }
        catch (Exception e) when (IsStorageFault(e))
        {
            CloseFile();
            _lock?.Dispose();
            throw new AuditUnavailableException($"Cannot open the audit trail in {_options.Directory}: {e.Message}", e);
        }

        _loop.Start();
    }

    /// <summary>Records made durable so far by this writer.</summary>
    public long RecordsWritten => Interlocked.Read(ref _recordsWritten);

    /// <summary>Writes (each followed by one fsync when durable) made so far: records per batch = throughput of group commit.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Completes when <paramref name="auditEvent"/> is durable (fsynced) in the trail.</summary>
    /// <exception cref="AuditUnavailableException">It could not be written, or the writer is stopped.</exception>
    public ValueTask AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken) =>
        _loop.AppendAsync(auditEvent, cancellationToken);

    /// <summary>Writes what is queued, then stops; later appends throw <see cref="AuditUnavailableException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        await _loop.StopAsync().ConfigureAwait(false);
        CloseFile();
        _lock?.Dispose();
    }

    private static bool IsStorageFault(Exception e) => e is IOException or UnauthorizedAccessException or InvalidDataException;
}
