using Npgsql;

namespace Hyok.Storage.PostgreSql;

/// <summary><c>hyok db status</c>: reads, never writes (no table is created when there is none yet).</summary>
public sealed partial class PostgreSqlMigrator
{
    /// <exception cref="HyokStoreException">Cannot connect or read.</exception>
    public async Task<PostgreSqlSchemaStatus> StatusAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL", connection);
            bool hasHistory = (bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            var history = hasHistory ? await ReadHistoryAsync(connection, cancellationToken).ConfigureAwait(false) : [];
            var pending = Known.Where(k => !history.Any(h => h.Version == k.Version)).ToList();
            return new PostgreSqlSchemaStatus(connector.Target, connection.PostgreSqlVersion.ToString(), history, pending, Problems(history));
        }
        catch (NpgsqlException e)
        {
            throw connector.Failure("cannot read the schema history", e);
        }
    }
}
