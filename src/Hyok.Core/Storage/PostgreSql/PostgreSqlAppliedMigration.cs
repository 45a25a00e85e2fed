namespace Hyok.Storage.PostgreSql;

/// <summary>A row of <c>schema_migrations</c>: a migration applied to the database.</summary>
public sealed record PostgreSqlAppliedMigration(int Version, string Name, string Checksum, DateTimeOffset AppliedAt);
