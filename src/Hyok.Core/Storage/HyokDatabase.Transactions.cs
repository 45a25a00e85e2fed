using System.Data.Common;

namespace Hyok.Storage;

public sealed partial class HyokDatabase
{
    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction (writers serialized, <see cref="StoreDialect.BeginWrite"/>).
    /// A duplicate key becomes <see cref="StoreConflictException"/>, so callers can say what clashed; other database
    /// failures become <see cref="HyokStoreException"/>.
    /// </summary>
    internal T Write<T>(Func<DbConnection, DbTransaction, T> work)
    {
        try
        {
            using var connection = OpenConnection();
            using var transaction = Dialect.BeginWrite(connection);
            T result = work(connection, transaction);
            transaction.Commit();
            return result;
        }
        catch (DbException e) when (Dialect.IsConflict(e))
        {
            throw new StoreConflictException($"the row exists already in {Location}", e);
        }
        catch (DbException e)
        {
            throw Dialect.Failure(e);
        }
    }

    /// <summary>Runs a read, turning database failures into <see cref="HyokStoreException"/>.</summary>
    internal T Read<T>(Func<DbConnection, T> work)
    {
        try
        {
            using var connection = OpenConnection();
            return work(connection);
        }
        catch (DbException e)
        {
            throw Dialect.Failure(e);
        }
    }

    /// <summary>
    /// After material was destroyed: SQLite copies the WAL into the file and truncates it, so overwritten pages do not linger
    /// in the WAL; PostgreSQL vacuums <c>key_versions</c>. Best effort: a reader holding an old snapshot can keep data until it moves on.
    /// </summary>
    internal void Compact() => Read(connection =>
    {
        Dialect.Compact(connection);
        return 0;
    });

    /// <summary>The current time at the millisecond precision the database stores.</summary>
    internal DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(TimeProvider.GetUtcNow().ToUnixTimeMilliseconds());
}
