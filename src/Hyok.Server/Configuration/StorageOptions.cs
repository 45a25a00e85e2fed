using Hyok.Storage.PostgreSql;

namespace Hyok.Server.Configuration;

/// <summary>
/// Where Hyok's shared state lives (<c>Hyok:Storage</c>): <c>sqlite</c> (default; the file <c>Hyok:Backend:DatabaseFile</c>)
/// or <c>postgresql</c> (<c>Hyok:Storage:PostgreSql</c>). For now only <c>hyok db migrate</c> and <c>hyok db status</c> use
/// PostgreSQL; the server keeps its state in SQLite whatever this says (docs/deployment.md).
/// </summary>
public sealed class StorageOptions
{
    public const string Sqlite = "sqlite";
    public const string PostgreSqlProvider = "postgresql";

    /// <summary><c>sqlite</c> or <c>postgresql</c> (case-insensitive).</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>The PostgreSQL connection, used when <see cref="Provider"/> is <c>postgresql</c>.</summary>
    public PostgreSqlStorageOptions PostgreSql { get; set; } = new();

    public bool IsPostgreSql => string.Equals(Provider, PostgreSqlProvider, StringComparison.OrdinalIgnoreCase);

    public bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);
}
