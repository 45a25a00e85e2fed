namespace Hyok.Storage.PostgreSql;

/// <summary>One numbered schema migration: its SQL and the SHA-256 (lowercase hex) that <c>schema_migrations</c> records.</summary>
public sealed record PostgreSqlMigration(int Version, string Name, string Checksum)
{
    /// <summary>The SQL, run in one transaction.</summary>
    internal string Sql { get; init; } = "";
}
