using Npgsql;

namespace Hyok.Storage.PostgreSql;

/// <summary>The <c>schema_migrations</c> table: creating it, reading it, and checking it against this build's migrations.</summary>
public sealed partial class PostgreSqlMigrator
{
    private const string CreateHistory = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version integer NOT NULL PRIMARY KEY,
            name text NOT NULL,
            checksum text NOT NULL,
            applied_at timestamptz NOT NULL)
        """;

    private static async Task<List<PostgreSqlAppliedMigration>> ReadHistoryAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var history = new List<PostgreSqlAppliedMigration>();
        await using var command = new NpgsqlCommand("SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            history.Add(new PostgreSqlAppliedMigration(reader.GetInt32(0), reader.GetString(1), reader.GetString(2),
                new DateTimeOffset(reader.GetDateTime(3), TimeSpan.Zero)));
        }

        return history;
    }

    /// <summary>Applied migrations this build does not know, and applied migrations whose checksum differs from this build's.</summary>
    private static List<string> Problems(IReadOnlyList<PostgreSqlAppliedMigration> history)
    {
        var problems = new List<string>();
        int latest = PostgreSqlMigrations.Latest;
        foreach (var row in history)
        {
            if (row.Version > latest || row.Version < 1)
            {
                problems.Add($"the database has migration {row.Version} ({row.Name}), newer than this Hyok knows (latest {latest}); upgrade Hyok");
            }
            else if (Known[row.Version - 1] is { } known && !string.Equals(known.Checksum, row.Checksum, StringComparison.Ordinal))
            {
                problems.Add($"migration {row.Version} ({row.Name}) was applied with checksum {row.Checksum}, but this Hyok's is {known.Checksum}: the migration or the record was changed");
            }
        }

        return problems;
    }
}
