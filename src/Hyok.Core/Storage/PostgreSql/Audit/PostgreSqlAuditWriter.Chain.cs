using System.Text;
using Hyok.Auditing;
using Npgsql;

namespace Hyok.Storage.PostgreSql;

/// <summary>Where this writer's chain ends, in memory and in the database, and reconciling the two after a failure.</summary>
public sealed partial class PostgreSqlAuditWriter
{
    private long _lastSeq;
    private string _lastHash;
    private (long Seq, string Hash)? _uncertain;
    private bool _faulted;

    /// <summary>The seq and hash of the chain's row with the highest seq (0 and the genesis hash when it has none).</summary>
    /// <exception cref="InvalidDataException">That row's line is not the audit record its seq says.</exception>
    private static async Task<(long Seq, string Hash)> ReadLastAsync(NpgsqlConnection connection, string instanceId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT seq, line FROM audit_records WHERE instance_id = @instance ORDER BY seq DESC LIMIT 1", connection);
        command.Parameters.AddWithValue("instance", instanceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return (0, AuditChain.GenesisHash);
        }

        long seq = reader.GetInt64(0);
        var line = Encoding.UTF8.GetBytes(reader.GetString(1));
        var record = AuditRecordParser.TryParse(line, instanceId, seq, out var problem);
        return record is not null && record.Seq == seq
            ? (seq, record.Hash)
            : throw new InvalidDataException($"the last audit record of instance '{instanceId}' (seq {seq}) is damaged ({problem ?? "its line has another seq"}); verify the trail");
    }

    /// <summary>
    /// After a failure: the chain in the database must end where this writer left off, or with the batch whose COMMIT
    /// failed after the server applied it (its requests failed closed; the records stay). Anything else means another
    /// process writes this instance's chain or records were removed: the writer stays unavailable rather than fork it.
    /// </summary>
    private async Task ReconcileAsync(NpgsqlConnection connection)
    {
        var (seq, hash) = await ReadLastAsync(connection, InstanceId, CancellationToken.None).ConfigureAwait(false);
        if (seq == _lastSeq && string.Equals(hash, _lastHash, StringComparison.Ordinal))
        {
            return;
        }

        if (_uncertain is { } u && seq == u.Seq && string.Equals(hash, u.Hash, StringComparison.Ordinal))
        {
            PostgreSqlAuditLog.CommittedAfterFailure(_logger, InstanceId, _lastSeq + 1, seq);
            (_lastSeq, _lastHash, _uncertain) = (seq, hash, null);
            return;
        }

        PostgreSqlAuditLog.ChainMismatch(_logger, InstanceId, seq, _lastSeq);
        throw new InvalidDataException(
            $"the audit chain of instance '{InstanceId}' in PostgreSQL ends at record {seq}, not at record {_lastSeq} last written by this writer");
    }

    private static bool IsDatabaseFault(Exception e) => e is HyokStoreException or NpgsqlException or InvalidDataException or TimeoutException;

    /// <summary>An operator-facing reason (the connector scrubs the password from driver messages).</summary>
    private static string Describe(PostgreSqlConnector connector, Exception e) =>
        e is NpgsqlException ? connector.Failure("PostgreSQL", e).Message : e.Message;

    /// <summary>The cause to attach to <see cref="AuditUnavailableException"/>: driver exceptions replaced by their scrubbed message.</summary>
    private static Exception Scrubbed(PostgreSqlConnector connector, Exception e) =>
        e is NpgsqlException ? connector.Failure("audit write failed", e) : e;
}
