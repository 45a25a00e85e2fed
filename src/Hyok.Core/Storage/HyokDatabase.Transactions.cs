using Microsoft.Data.Sqlite;

namespace Hyok.Storage;

public sealed partial class HyokDatabase
{
    /// <summary>SQLite's result code for a constraint violation (a duplicate key).</summary>
    internal const int SqliteConstraint = 19;

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction, turning SQLite failures into <see cref="HyokStoreException"/>.
    /// Constraint violations pass through as <see cref="SqliteException"/> so callers can say what clashed.
    /// </summary>
    internal T Write<T>(Func<SqliteConnection, SqliteTransaction, T> work)
    {
        try
        {
            using var connection = OpenConnection();
            using var transaction = connection.BeginTransaction(deferred: false);
            T result = work(connection, transaction);
            transaction.Commit();
            return result;
        }
        catch (SqliteException e) when (e.SqliteErrorCode != SqliteConstraint)
        {
            throw new HyokStoreException($"the key store database {Path} failed: {e.Message}", e);
        }
    }

    /// <summary>Runs a read, turning SQLite failures into <see cref="HyokStoreException"/>.</summary>
    internal T Read<T>(Func<SqliteConnection, T> work)
    {
        try
        {
            using var connection = OpenConnection();
            return work(connection);
        }
        catch (SqliteException e)
        {
            throw new HyokStoreException($"the key store database {Path} failed: {e.Message}", e);
        }
    }

    /// <summary>
    /// Copies the WAL into the database file and truncates it, so overwritten pages (a retired key version) do not linger
    /// in the WAL. Best effort: a reader holding an old snapshot (a running server) can keep frames until it moves on.
    /// </summary>
    internal void Checkpoint() => Read(connection => Sql.Execute(connection, null, "PRAGMA wal_checkpoint(TRUNCATE)"));

    /// <summary>The current time at the millisecond precision the database stores.</summary>
    internal DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(TimeProvider.GetUtcNow().ToUnixTimeMilliseconds());
}
