namespace Hyok.Storage.PostgreSql;

/// <summary>What <c>hyok db status</c> reports: the server, the applied and pending migrations, and what is wrong, if anything.</summary>
/// <param name="Problems">Migrations this build does not know (a newer Hyok applied them) and changed checksums.</param>
public sealed record PostgreSqlSchemaStatus(
    string Target,
    string ServerVersion,
    IReadOnlyList<PostgreSqlAppliedMigration> Applied,
    IReadOnlyList<PostgreSqlMigration> Pending,
    IReadOnlyList<string> Problems);
