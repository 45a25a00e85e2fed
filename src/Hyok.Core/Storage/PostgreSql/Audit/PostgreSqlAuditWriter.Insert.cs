using System.Text;
using Hyok.Auditing;
using Npgsql;

namespace Hyok.Storage.PostgreSql;

/// <summary>One batch = one transaction with one multi-row INSERT, in one round trip, acknowledged only after COMMIT.</summary>
public sealed partial class PostgreSqlAuditWriter
{
    private const string Insert =
        "INSERT INTO audit_records (instance_id, seq, prev, line) SELECT @instance, s, p, l FROM unnest(@seqs, @prevs, @lines) AS t(s, p, l)";

    private readonly AuditLineWriter _lines = new();

    /// <summary>
    /// One transaction in one round trip: BEGIN, <c>synchronous_commit = on</c> (durable whatever the database's default),
    /// the multi-row INSERT and COMMIT go as one batch, and the appends complete only when the COMMIT is acknowledged.
    /// After a failure the writer first reconciles with the database (where does its chain end?).
    /// </summary>
    private async Task InsertAsync(List<PendingAuditRecord> batch)
    {
        await using var connection = await _connector.OpenAsync(CancellationToken.None).ConfigureAwait(false);
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

        var insert = new NpgsqlBatchCommand(Insert);
        insert.Parameters.AddWithValue("instance", InstanceId);
        insert.Parameters.AddWithValue("seqs", seqs);
        insert.Parameters.AddWithValue("prevs", prevs);
        insert.Parameters.AddWithValue("lines", lines);
        await using var transaction = new NpgsqlBatch(connection)
        {
            BatchCommands = { new("BEGIN"), new("SET LOCAL synchronous_commit = on"), insert, new("COMMIT") },
        };

        _uncertain = (seq, prev); // should the COMMIT's answer be lost after the server applied it, the next batch finds these records
        await transaction.ExecuteNonQueryAsync().ConfigureAwait(false);
        (_lastSeq, _lastHash, _uncertain) = (seq, prev, null);
        if (_faulted)
        {
            _faulted = false;
            PostgreSqlAuditLog.Recovered(_logger, InstanceId, _lastSeq);
        }
    }
}
