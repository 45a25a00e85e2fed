using System.Text;
using Hyok.Auditing;
using Npgsql;

namespace Hyok.Storage.PostgreSql;

/// <summary>The group-commit loop: one transaction (one multi-row INSERT) per batch of queued records.</summary>
public sealed partial class PostgreSqlAuditWriter
{
    private const string Insert =
        "INSERT INTO audit_records (instance_id, seq, prev, line) SELECT @instance, s, p, l FROM unnest(@seqs, @prevs, @lines) AS t(s, p, l)";

    private readonly AuditLineWriter _lines = new();

    private void Run()
    {
        try
        {
            var spare = new List<PendingRecord>();
            while (_queue.TakeAll(spare) is { } taken)
            {
                WriteBatch(taken);
                spare = taken;
            }
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    private void WriteBatch(List<PendingRecord> batch)
    {
        try
        {
            // The loop has a thread of its own: blocking it on the driver's async calls holds up nothing else.
            InsertAsync(batch).GetAwaiter().GetResult();
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

            var failure = new AuditUnavailableException(UnavailableMessage, Scrubbed(_connector, e));
            foreach (var pending in batch)
            {
                pending.Durable.TrySetException(failure);
            }
        }
    }

    /// <summary>One transaction: (after a failure) reconcile with the database, insert the batch's lines, commit.</summary>
    private async Task InsertAsync(List<PendingRecord> batch)
    {
        await using var connection = await _connector.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        await using (var durable = new NpgsqlCommand("SET LOCAL synchronous_commit = on", connection))
        {
            await durable.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        if (_faulted)
        {
            await ReconcileAsync(connection).ConfigureAwait(false);
        }

        var (seqs, prevs, lines) = (new long[batch.Count], new string[batch.Count], new string[batch.Count]);
        (long seq, string prev) = (_lastSeq, _lastHash);
        for (int i = 0; i < batch.Count; i++)
        {
            var line = _lines.Serialize(seq + 1, prev, batch[i].Event);
            (seqs[i], prevs[i], lines[i]) = (seq + 1, prev, Encoding.UTF8.GetString(line));
            (seq, prev) = (seq + 1, AuditChain.Hash(line));
        }

        await using (var insert = new NpgsqlCommand(Insert, connection))
        {
            insert.Parameters.AddWithValue("instance", InstanceId);
            insert.Parameters.AddWithValue("seqs", seqs);
            insert.Parameters.AddWithValue("prevs", prevs);
            insert.Parameters.AddWithValue("lines", lines);
            await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        _uncertain = (seq, prev); // should COMMIT fail after the server applied it, the next batch finds these records
        await transaction.CommitAsync().ConfigureAwait(false);
        (_lastSeq, _lastHash, _uncertain) = (seq, prev, null);
        if (_faulted)
        {
            _faulted = false;
            PostgreSqlAuditLog.Recovered(_logger, InstanceId, _lastSeq);
        }
    }
}
