using System.Data;
using Hyok.Auditing;
using Npgsql;

namespace Hyok.Storage.PostgreSql;

/// <summary><c>tail</c>: the last records and every chain's end, read in one snapshot.</summary>
public sealed partial class PostgreSqlAuditReader
{
    private const string Ends = InstanceIds + " SELECT id, (SELECT max(seq) FROM audit_records WHERE instance_id = ids.id) FROM ids WHERE id IS NOT NULL";

    /// <summary>The last <paramref name="count"/> records (fleet-wide by time, or of <paramref name="instanceId"/> by seq), oldest first.</summary>
    /// <exception cref="HyokStoreException">The database cannot be reached or read.</exception>
    public async Task<PostgreSqlAuditTail> TailAsync(int count, string? instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        try
        {
            await using var connection = await connector.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            await using var last = new NpgsqlCommand(instanceId is null
                ? "SELECT instance_id, seq, line, line_time FROM audit_records WHERE line_time IS NOT NULL "
                    + "ORDER BY line_time DESC, instance_id COLLATE \"C\" DESC, seq DESC LIMIT @count"
                : "SELECT instance_id, seq, line, line_time FROM audit_records WHERE instance_id = @instance ORDER BY seq DESC LIMIT @count", connection);
            last.Parameters.AddWithValue("count", count);
            last.Parameters.AddWithValue("instance", NpgsqlTypes.NpgsqlDbType.Text, (object?)instanceId ?? DBNull.Value);
            var rows = await ReadRowsAsync(last, cancellationToken).ConfigureAwait(false);
            var ends = new Dictionary<string, long>(StringComparer.Ordinal);
            await using (var end = new NpgsqlCommand(Ends, connection))
            await using (var reader = await end.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    ends[reader.GetString(0)] = reader.GetInt64(1);
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            rows.Reverse();
            return new PostgreSqlAuditTail([.. rows.Select(Parse).OfType<AuditRecord>()], ends);
        }
        catch (NpgsqlException e)
        {
            throw connector.Failure("cannot read the audit trail", e);
        }
    }
}
