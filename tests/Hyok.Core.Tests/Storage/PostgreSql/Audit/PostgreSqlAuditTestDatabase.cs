using Hyok.Auditing;
using Npgsql;

namespace Hyok.Storage.PostgreSql;

/// <summary>A fresh, migrated database on the test cluster with a connector, for the PostgreSQL audit trail tests.</summary>
internal sealed class PostgreSqlAuditTestDatabase : IAsyncDisposable
{
    private PostgreSqlAuditTestDatabase(PostgreSqlTestDatabase db, PostgreSqlConnector connector) => (Db, Connector) = (db, connector);

    public PostgreSqlTestDatabase Db { get; }

    public PostgreSqlConnector Connector { get; }

    public static async Task<PostgreSqlAuditTestDatabase> CreateAsync()
    {
        var db = await PostgreSqlTestDatabase.CreateAsync();
        var connector = db.Connector();
        await db.Migrator(connector).MigrateAsync();
        return new PostgreSqlAuditTestDatabase(db, connector);
    }

    public Task<PostgreSqlAuditWriter> OpenAsync(string instanceId = "web-1") => PostgreSqlAuditWriter.OpenAsync(Connector, instanceId);

    public static async Task AppendAsync(PostgreSqlAuditWriter writer, int first, int count)
    {
        for (int n = first; n < first + count; n++)
        {
            await writer.AppendAsync(AuditTestTrail.Event(n), CancellationToken.None);
        }
    }

    /// <summary>The chain of <paramref name="instanceId"/>: (seq, prev, line) in seq order.</summary>
    public async Task<List<(long Seq, string Prev, string Line)>> RowsAsync(string instanceId = "web-1")
    {
        await using var connection = await Db.Database.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT seq, prev, line FROM audit_records WHERE instance_id = @i ORDER BY seq", connection);
        command.Parameters.AddWithValue("i", instanceId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(long, string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    public Task<IReadOnlyList<PostgreSqlAuditVerification>> VerifyAsync() => PostgreSqlAuditVerifier.VerifyAsync(Connector);

    /// <summary>As the cluster's superuser: lets the database's role log in or not, and ends its sessions (the database "goes away").</summary>
    public Task SetReachableAsync(bool reachable) => Db.Database.SetReachableAsync(reachable);

    public ValueTask DisposeAsync() => Connector.DisposeAsync();
}
