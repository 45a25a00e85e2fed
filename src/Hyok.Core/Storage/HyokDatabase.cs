using Microsoft.Data.Sqlite;

namespace Hyok.Storage;

/// <summary>
/// Hyok's state store: one SQLite file (WAL mode, so the CLI can write while the server reads) holding
/// <c>meta</c>, <c>keys</c>, <c>credentials</c>, <c>hardware_keys</c> and <c>blocks</c>, every secret sealed under the master key.
/// Opening verifies the master key against a sealed check value and fails at once when it does not match.
/// Thread-safe: each operation opens its own connection. Dispose after the watchers and stores that use it.
/// </summary>
public sealed partial class HyokDatabase : IDisposable
{
    /// <summary>The reserved id of the health-probe key; <c>:</c> makes it an invalid externalKeyId (xks-spec.md §2.3).</summary>
    internal const string HealthKeyId = "hyok:health";

    /// <summary>The reserved key store of internal keys; <c>:</c> makes it an invalid key store name.</summary>
    internal const string InternalKeyStore = "hyok:internal";

    private const int BusyTimeoutMilliseconds = 5000;

    private readonly string _connectionString;

    private HyokDatabase(string path, Sealer sealer, string instanceId, TimeProvider timeProvider)
    {
        Path = path;
        Sealer = sealer;
        InstanceId = instanceId;
        TimeProvider = timeProvider;
        _connectionString = ConnectionString(path, SqliteOpenMode.ReadWrite);
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>A random id made when the database was created: the key manager instance id of health reports.</summary>
    public string InstanceId { get; }

    /// <summary>The clock for <c>created_at</c> values.</summary>
    internal TimeProvider TimeProvider { get; }

    /// <summary>Seals and unseals with this database's master key.</summary>
    internal Sealer Sealer { get; }

    /// <summary>Opens a new connection to the existing file (never creates one), with a busy timeout.</summary>
    internal SqliteConnection OpenConnection() => Connect(_connectionString);

    /// <summary>Zeroes this database's copy of the master key.</summary>
    public void Dispose() => Sealer.Dispose();

    private static string ConnectionString(string path, SqliteOpenMode mode) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = mode,
        Pooling = false,
        DefaultTimeout = BusyTimeoutMilliseconds / 1000,
    }.ToString();

    private static SqliteConnection Connect(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Sql.Execute(connection, null, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
