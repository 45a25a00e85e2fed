using Hyok.Storage;
using Microsoft.Data.Sqlite;

namespace Hyok.Keys.Software;

/// <summary>
/// Management of the embedded software key store, used by the <c>hyok</c> CLI: create, list and
/// enable/disable keys; add, import, list and remove XKS credentials. Every write goes straight to the
/// database; a running server's <see cref="HyokStoreWatcher"/> picks it up within a second.
/// Refused requests throw <see cref="KeyManagementException"/>; database failures <see cref="HyokStoreException"/>.
/// Key material and secrets are sealed under the master key before they reach the database.
/// </summary>
public sealed partial class SoftwareKeyStore
{
    private const int SqliteConstraint = 19;

    private readonly HyokDatabase _database;

    /// <summary>Manages the keys and credentials of <paramref name="database"/> (which the caller keeps owning).</summary>
    public SoftwareKeyStore(HyokDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    private DateTimeOffset Now()
    {
        // Stored at millisecond precision: return what a later read returns.
        return DateTimeOffset.FromUnixTimeMilliseconds(_database.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds());
    }

    /// <summary>Runs <paramref name="work"/> in a write transaction, turning SQLite failures into <see cref="HyokStoreException"/>.</summary>
    private T Write<T>(Func<SqliteConnection, SqliteTransaction, T> work)
    {
        try
        {
            using var connection = _database.OpenConnection();
            using var transaction = connection.BeginTransaction(deferred: false);
            T result = work(connection, transaction);
            transaction.Commit();
            return result;
        }
        catch (SqliteException e) when (e.SqliteErrorCode != SqliteConstraint)
        {
            throw new HyokStoreException($"the key store database {_database.Path} failed: {e.Message}", e);
        }
    }

    /// <summary>Runs a read, turning SQLite failures into <see cref="HyokStoreException"/>.</summary>
    private T Read<T>(Func<SqliteConnection, T> work)
    {
        try
        {
            using var connection = _database.OpenConnection();
            return work(connection);
        }
        catch (SqliteException e)
        {
            throw new HyokStoreException($"the key store database {_database.Path} failed: {e.Message}", e);
        }
    }
}
