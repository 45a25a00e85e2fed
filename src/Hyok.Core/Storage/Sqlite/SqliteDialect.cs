using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Hyok.Storage.Sqlite;

/// <summary>
/// SQLite, the embedded default: one file in WAL mode (the CLI writes while the server reads), schema in
/// <see cref="HyokSchema"/>, changes seen through <c>PRAGMA data_version</c>.
/// </summary>
internal sealed partial class SqliteDialect(string path) : StoreDialect
{
    /// <summary>SQLite's result code for a constraint violation (a duplicate key).</summary>
    private const int SqliteConstraint = 19;

    private const int BusyTimeoutMilliseconds = 5000;

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWrite,
        Pooling = false,
        DefaultTimeout = BusyTimeoutMilliseconds / 1000,
    }.ToString();

    public override string Location => path;

    public override DbConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
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

    public override void PrepareSchema(long nowUnixMilliseconds)
    {
        using var connection = Open();
        string journal = Sql.Scalar<string>(connection, null, "PRAGMA journal_mode = WAL") ?? "";
        if (!journal.Equals("wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new HyokStoreException($"the key store database {path} cannot use WAL journaling (got '{journal}')");
        }

        using var transaction = BeginWrite(connection);
        HyokSchema.Migrate(connection, transaction, path, nowUnixMilliseconds);
        transaction.Commit();
    }

    public override DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    public override DbTransaction BeginSnapshot(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: true);

    public override bool IsConflict(DbException error) => error is SqliteException { SqliteErrorCode: SqliteConstraint };

    public override HyokStoreException Failure(Exception error) => new($"the key store database {path} failed: {error.Message}", error);

    public override object MetaValue(object value) => value;

    public override long ChangeVersion(DbConnection connection) => Sql.Scalar<long>(connection, null, "PRAGMA data_version");

    public override void RequirePresent()
    {
        if (!File.Exists(path))
        {
            throw new HyokStoreException($"the key store database is missing: {path}");
        }
    }

    public override void OverwriteMaterial(DbConnection connection, DbTransaction transaction, string keyId, int version)
    {
        Sql.Execute(connection, transaction, "PRAGMA secure_delete = ON");
        Sql.Execute(connection, transaction, "UPDATE key_versions SET material = zeroblob(length(material)) WHERE key_id = @id AND version = @v",
            ("@id", keyId), ("@v", version));
    }

    public override void Compact(DbConnection connection) => Sql.Execute(connection, null, "PRAGMA wal_checkpoint(TRUNCATE)");
}
