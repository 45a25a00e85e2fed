using System.Data.Common;

namespace Hyok.Storage;

/// <summary>
/// Hyok's state store: <c>meta</c>, <c>keys</c>, <c>key_versions</c>, <c>credentials</c>, <c>hardware_keys</c> and
/// <c>blocks</c>, every secret sealed under the master key, in one SQLite file (the embedded default, WAL mode so the CLI
/// can write while the server reads) or in PostgreSQL (a fleet's shared store, docs/deployment.md).
/// Opening verifies the master key against a sealed check value and fails at once when it does not match.
/// Thread-safe: each operation opens its own connection. Dispose after the watchers and stores that use it.
/// </summary>
public sealed partial class HyokDatabase : IDisposable
{
    /// <summary>The reserved id of the health-probe key; <c>:</c> makes it an invalid externalKeyId (xks-spec.md §2.3).</summary>
    internal const string HealthKeyId = "hyok:health";

    /// <summary>The reserved key store of internal keys; <c>:</c> makes it an invalid key store name.</summary>
    internal const string InternalKeyStore = "hyok:internal";

    private HyokDatabase(StoreDialect dialect, Sealer sealer, string instanceId, TimeProvider timeProvider)
    {
        Dialect = dialect;
        Sealer = sealer;
        InstanceId = instanceId;
        TimeProvider = timeProvider;
    }

    /// <summary>Where the database is: the full path of the SQLite file, or PostgreSQL's <c>host:port/database as user</c>.</summary>
    public string Location => Dialect.Location;

    /// <summary>A random id made when the database was created: the key manager instance id of health reports.</summary>
    public string InstanceId { get; }

    /// <summary>True when the state lives in PostgreSQL.</summary>
    public bool IsShared => Dialect is PostgreSql.PostgreSqlDialect;

    /// <summary>The clock for <c>created_at</c> values.</summary>
    internal TimeProvider TimeProvider { get; }

    /// <summary>Seals and unseals with this database's master key.</summary>
    internal Sealer Sealer { get; }

    /// <summary>What differs between SQLite and PostgreSQL.</summary>
    internal StoreDialect Dialect { get; }

    /// <summary>Opens a new connection (never creates a database).</summary>
    internal DbConnection OpenConnection() => Dialect.Open();

    /// <summary>Zeroes this database's copy of the master key and closes the PostgreSQL connection pool.</summary>
    public void Dispose()
    {
        Sealer.Dispose();
        Dialect.Dispose();
    }
}
