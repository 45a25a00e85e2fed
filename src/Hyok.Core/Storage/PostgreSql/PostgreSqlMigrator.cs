using Npgsql;

namespace Hyok.Storage.PostgreSql;

/// <summary>
/// <c>hyok db migrate</c>: applies the migrations this build knows and the database lacks, each in one transaction that
/// first takes a transaction-scoped advisory lock, so instances starting at once apply each migration exactly once (the
/// others wait, then find it recorded). A database with a migration this build does not know, or whose recorded
/// checksum differs from this build's, is refused before anything is applied.
/// </summary>
public sealed partial class PostgreSqlMigrator(PostgreSqlConnector connector, TimeProvider timeProvider)
{
    /// <summary>The advisory lock key of schema changes: "HYOKMIGR" in ASCII.</summary>
    internal const long LockKey = 0x48594F4B_4D494752;

    /// <summary>The migrations this build knows, in order.</summary>
    public static IReadOnlyList<PostgreSqlMigration> Known => PostgreSqlMigrations.All;

    /// <summary>Applies what is missing; returns the migrations this call applied (none when the schema was current).</summary>
    /// <exception cref="HyokStoreException">Cannot connect, a newer or tampered schema, or a migration failed (rolled back).</exception>
    public async Task<IReadOnlyList<PostgreSqlMigration>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var applied = new List<PostgreSqlMigration>();
        await using var connection = await connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        await RequireUtf8Async(connection, cancellationToken).ConfigureAwait(false);
        foreach (var migration in Known)
        {
            try
            {
                if (await ApplyAsync(connection, migration, cancellationToken).ConfigureAwait(false))
                {
                    applied.Add(migration);
                }
            }
            catch (NpgsqlException e)
            {
                throw connector.Failure($"migration {migration.Version} ({migration.Name}) failed and was rolled back", e);
            }
        }

        return applied;
    }

    /// <summary>One transaction: lock, check the history, apply <paramref name="migration"/> unless it is recorded.</summary>
    private async Task<bool> ApplyAsync(NpgsqlConnection connection, PostgreSqlMigration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", LockKey)).ConfigureAwait(false);
        await ExecuteAsync(connection, CreateHistory, cancellationToken).ConfigureAwait(false);
        var history = await ReadHistoryAsync(connection, cancellationToken).ConfigureAwait(false);
        if (Problems(history) is { Count: > 0 } problems)
        {
            throw new HyokStoreException($"refusing to migrate {connector.Target}: {string.Join("; ", problems)}");
        }

        if (history.Any(h => h.Version == migration.Version))
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }

        await ExecuteAsync(connection, migration.Sql, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@version, @name, @checksum, @at)",
            cancellationToken, ("version", migration.Version), ("name", migration.Name), ("checksum", migration.Checksum), ("at", timeProvider.GetUtcNow())).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Audit lines are hashed as UTF-8 and must come back byte for byte: a database in another encoding is refused.</summary>
    private async Task RequireUtf8Async(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SHOW server_encoding", connection);
        string encoding = (string)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        if (!encoding.Equals("UTF8", StringComparison.OrdinalIgnoreCase))
        {
            throw new HyokStoreException(
                $"refusing to migrate {connector.Target}: the database's encoding is {encoding}; Hyok needs UTF8 (audit lines are hashed as UTF-8 text): create the database with ENCODING 'UTF8'");
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
