using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Npgsql;

namespace Hyok.Storage.PostgreSql;

/// <summary>
/// PostgreSQL, the fleet's shared store (issue 8): schema by <see cref="PostgreSqlMigrator"/>, writers serialized by an
/// advisory lock, changes seen through the trigger-maintained <c>store_generation</c> and LISTEN/NOTIFY
/// (migration 0002_store_changes.sql). Owns its <see cref="PostgreSqlConnector"/>.
/// </summary>
internal sealed class PostgreSqlDialect(PostgreSqlConnector connector, TimeProvider timeProvider) : StoreDialect
{
    /// <summary>The advisory lock key of store writes: "HYOKSTOR" in ASCII.</summary>
    private const long WriteLockKey = 0x48594F4B_53544F52;

    public override string Location => connector.Target;

    public override DbConnection Open() => connector.Open();

    /// <summary>Instances migrate on start; the migrator's own advisory lock makes several starting at once safe.</summary>
    public override void PrepareSchema(long nowUnixMilliseconds) =>
        new PostgreSqlMigrator(connector, timeProvider).MigrateAsync().GetAwaiter().GetResult();

    public override DbTransaction BeginWrite(DbConnection connection)
    {
        var transaction = connection.BeginTransaction(IsolationLevel.ReadCommitted);
        Sql.Execute(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", ("@key", WriteLockKey));
        return transaction;
    }

    public override DbTransaction BeginSnapshot(DbConnection connection) => connection.BeginTransaction(IsolationLevel.RepeatableRead);

    public override bool IsConflict(DbException error) => error is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override HyokStoreException Failure(Exception error) =>
        error as HyokStoreException ?? connector.Failure("the key store database failed", error);

    public override object MetaValue(object value) =>
        value as byte[] ?? Encoding.UTF8.GetBytes(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");

    public override long ChangeVersion(DbConnection connection) => Sql.Scalar<long>(connection, null, "SELECT generation FROM store_generation");

    /// <summary>
    /// Nothing to do in place: PostgreSQL never updates a row where it lies (MVCC), so the old row version keeps the sealed
    /// material until VACUUM (see <see cref="Compact"/>) reclaims it; WAL archives and backups keep it longer (docs/key-rotation.md).
    /// </summary>
    public override void OverwriteMaterial(DbConnection connection, DbTransaction transaction, string keyId, int version)
    {
    }

    public override void Compact(DbConnection connection) => Sql.Execute(connection, null, "VACUUM key_versions");

    public override bool StoresPolicies => true;

    public override IStoreChangeSignal CreateChangeSignal() => new PostgreSqlChangeSignal(connector);

    public override void Dispose()
    {
        connector.DisposeAsync().AsTask().GetAwaiter().GetResult();
        base.Dispose();
    }
}
