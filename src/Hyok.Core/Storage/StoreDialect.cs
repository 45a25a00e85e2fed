using System.Data.Common;

namespace Hyok.Storage;

/// <summary>
/// What differs between the two databases Hyok can keep its state in: SQLite (the embedded default, one file) and
/// PostgreSQL (a fleet's shared store, issue 8). The tables, columns and sealing are the same; every row class writes
/// plain parameterized SQL both understand (<see cref="Sql"/>). One instance per <see cref="HyokDatabase"/>.
/// </summary>
internal abstract class StoreDialect : IDisposable
{
    /// <summary>Where the database is, for messages: a file path, or <c>host:port/database as user</c>. Never a password.</summary>
    public abstract string Location { get; }

    /// <summary>A new open connection.</summary>
    public abstract DbConnection Open();

    /// <summary>Creates or migrates the schema before first use; safe when several processes open the database at once.</summary>
    public abstract void PrepareSchema(long nowUnixMilliseconds);

    /// <summary>
    /// A write transaction. Writers are serialized (SQLite <c>BEGIN IMMEDIATE</c>; PostgreSQL a transaction-scoped advisory
    /// lock), so a read-then-write inside one (the next version number, "exists already?") never races another writer.
    /// </summary>
    public abstract DbTransaction BeginWrite(DbConnection connection);

    /// <summary>A read transaction whose statements all see one committed state (the snapshot loader).</summary>
    public abstract DbTransaction BeginSnapshot(DbConnection connection);

    /// <summary>True when <paramref name="error"/> is a unique-key violation.</summary>
    public abstract bool IsConflict(DbException error);

    /// <summary>An operator-facing <see cref="HyokStoreException"/> for a failure of this database (no password, no secret).</summary>
    public abstract HyokStoreException Failure(Exception error);

    /// <summary>How a <c>meta</c> value is stored: SQLite keeps text and integers as they are, PostgreSQL's column is bytea.</summary>
    public abstract object MetaValue(object value);

    /// <summary>A number that changes whenever a change to the store is committed, by any connection in any process.</summary>
    public abstract long ChangeVersion(DbConnection connection);

    /// <summary>Throws <see cref="HyokStoreException"/> when the database has gone (a deleted file, which an open connection would still read).</summary>
    public virtual void RequirePresent()
    {
    }

    /// <summary>Overwrites the sealed material of a key version in place before it is set to NULL, where the database allows it.</summary>
    public abstract void OverwriteMaterial(DbConnection connection, DbTransaction transaction, string keyId, int version);

    /// <summary>Best effort after destroying material: moves the change out of logs / dead row versions (WAL checkpoint, VACUUM).</summary>
    public abstract void Compact(DbConnection connection);

    /// <summary>True when the database keeps policies (<c>policies</c>, <c>policy_versions</c>): PostgreSQL only.</summary>
    public virtual bool StoresPolicies => false;

    /// <summary>Wakes the store watcher as soon as a change is committed; null when the database cannot signal (then it polls).</summary>
    public virtual IStoreChangeSignal? CreateChangeSignal() => null;

    public virtual void Dispose()
    {
    }
}
