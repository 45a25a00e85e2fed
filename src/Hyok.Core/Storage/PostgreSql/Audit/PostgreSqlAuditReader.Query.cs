using Npgsql;

namespace Hyok.Storage.PostgreSql;

/// <summary>Running the reader's queries: one short query per batch, driver failures as operator-facing <see cref="HyokStoreException"/>s.</summary>
public sealed partial class PostgreSqlAuditReader
{
    /// <summary>The instance ids that have records, by a loose index scan of the primary key (one probe per instance, not a table scan).</summary>
    private const string InstanceIds = """
        WITH RECURSIVE ids(id) AS (
            (SELECT instance_id FROM audit_records ORDER BY instance_id LIMIT 1)
            UNION ALL
            SELECT (SELECT instance_id FROM audit_records WHERE instance_id > ids.id ORDER BY instance_id LIMIT 1) FROM ids WHERE ids.id IS NOT NULL)
        """;

    private async Task<List<AuditRow>> QueryAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            try
            {
                await using var connection = await connector.OpenAsync(cancellationToken).ConfigureAwait(false);
                command.Connection = connection;
                return await ReadRowsAsync(command, cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException e)
            {
                throw connector.Failure("cannot read the audit trail", e);
            }
        }
    }

    /// <summary>Rows of (instance_id, seq, line, line_time).</summary>
    private static async Task<List<AuditRow>> ReadRowsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<AuditRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new AuditRow(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return rows;
    }
}
