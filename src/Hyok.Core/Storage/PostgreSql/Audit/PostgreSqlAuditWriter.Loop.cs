using Hyok.Auditing;
using Npgsql;

namespace Hyok.Storage.PostgreSql;

/// <summary>One batch of the group-commit loop (<see cref="AuditWriterLoop"/>): one transaction, one multi-row INSERT.</summary>
public sealed partial class PostgreSqlAuditWriter
{
    private void WriteBatch(List<PendingAuditRecord> batch)
    {
        try
        {
            // The loop has a thread of its own: blocking it on the driver's async calls holds up nothing else.
            long started = System.Diagnostics.Stopwatch.GetTimestamp();
            InsertAsync(batch).GetAwaiter().GetResult();
            _metrics?.BatchWritten(batch.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            Interlocked.Add(ref _recordsWritten, batch.Count);
            Interlocked.Increment(ref _batches);
            foreach (var pending in batch)
            {
                pending.Durable.TrySetResult();
            }
        }
        catch (Exception e)
        {
            // Every fault fails the batch closed (one that is not the database's, too: the loop must never die and
            // leave appends waiting). The next batch first re-reads where the chain ends in the database.
            _faulted = true;
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                PostgreSqlAuditLog.ChainTaken(_logger, InstanceId, _lastSeq + 1, batch.Count);
            }
            else
            {
                PostgreSqlAuditLog.WriteFailed(_logger, InstanceId, e.GetType().Name, Describe(_connector, e), batch.Count);
            }

            _metrics?.BatchFailed(batch.Count);
            var failure = new AuditUnavailableException(UnavailableMessage, Scrubbed(_connector, e));
            foreach (var pending in batch)
            {
                pending.Durable.TrySetException(failure);
            }
        }
    }
}
