using Hyok.Auditing;
using Microsoft.Extensions.Logging;

namespace Hyok.Storage.PostgreSql;

/// <summary>
/// The hash-chained audit sink of a fleet instance in PostgreSQL (docs/deployment.md): one chain per instance id in
/// <c>audit_records</c>, lines byte-identical to the file trail's (docs/audit.md). One background loop takes every
/// queued event, inserts their lines in one transaction (synchronous_commit on) and only after COMMIT completes the
/// waiting <see cref="AppendAsync"/> calls (group commit), so an answered request is a recorded one. When the database
/// is unreachable or the insert fails, every waiting and later append throws <see cref="AuditUnavailableException"/>
/// until a later batch succeeds; before it, the writer re-reads where its chain ends in the database so the chain stays
/// consistent, and stays unavailable when another process has written this instance's chain.
/// </summary>
public sealed partial class PostgreSqlAuditWriter : IAuditSink, IAsyncDisposable
{
    private const string UnavailableMessage = "The audit trail in PostgreSQL cannot be written; the request fails closed.";

    private readonly AuditWriterLoop _loop;
    private readonly PostgreSqlConnector _connector;
    private readonly ILogger _logger;
    private AuditWriteMetrics? _metrics;
    private long _recordsWritten;
    private long _batches;

    private PostgreSqlAuditWriter(PostgreSqlConnector connector, string instanceId, ILogger logger, (long Seq, string Hash) last)
    {
        (_connector, InstanceId, _logger, _lastSeq, _lastHash) = (connector, instanceId, logger, last.Seq, last.Hash);
        _loop = new AuditWriterLoop("Hyok PostgreSQL audit writer", AuditTrailOptions.DefaultMaxBatchRecords, WriteBatch);
    }

    /// <summary>The instance whose chain this writer continues.</summary>
    public string InstanceId { get; }

    /// <summary>Records committed so far by this writer.</summary>
    public long RecordsWritten => Interlocked.Read(ref _recordsWritten);

    /// <summary>Transactions committed so far: records per batch = throughput of group commit.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Completes when <paramref name="auditEvent"/> is committed in the database.</summary>
    /// <exception cref="AuditUnavailableException">It could not be written, or the writer is stopped.</exception>
    public ValueTask AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken) =>
        _loop.AppendAsync(auditEvent, cancellationToken);

    /// <summary>Writes what is queued, then stops; later appends throw <see cref="AuditUnavailableException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        await _loop.StopAsync().ConfigureAwait(false);
    }
}
