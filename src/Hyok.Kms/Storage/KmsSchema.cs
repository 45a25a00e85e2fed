using Hyok.Storage;
using Microsoft.Data.Sqlite;

namespace Hyok.Kms.Storage;

/// <summary>
/// The emulator's own SQLite schema (a separate file from the proxy's store), versioned by <c>PRAGMA user_version</c>.
/// Version 1: <c>meta</c> (master key check), <c>keys</c> (with origin, custom key store and XKS key id columns for
/// EXTERNAL_KEY_STORE keys), <c>aliases</c>. Version 2: <c>custom_key_stores</c> (the credential's secret sealed) and an index
/// of keys by key store and XKS key id.
/// </summary>
internal static class KmsSchema
{
    public const long CurrentVersion = 2;

    private const string Version1 = """
        CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB NOT NULL);
        CREATE TABLE keys (
            id TEXT PRIMARY KEY,
            arn TEXT NOT NULL,
            origin TEXT NOT NULL,
            state TEXT NOT NULL,
            description TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            deletion_at INTEGER,
            custom_key_store_id TEXT,
            xks_key_id TEXT,
            material BLOB);
        CREATE TABLE aliases (
            name TEXT PRIMARY KEY,
            key_id TEXT NOT NULL REFERENCES keys (id),
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL);
        CREATE INDEX aliases_by_key ON aliases (key_id);
        """;

    private const string Version2 = """
        CREATE TABLE custom_key_stores (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            state TEXT NOT NULL,
            error_code TEXT,
            created_at INTEGER NOT NULL,
            uri_endpoint TEXT NOT NULL,
            uri_path TEXT NOT NULL,
            connectivity TEXT NOT NULL,
            vpc_endpoint_service_name TEXT,
            access_key_id TEXT NOT NULL,
            secret BLOB NOT NULL,
            revision INTEGER NOT NULL);
        CREATE INDEX keys_by_store ON keys (custom_key_store_id, xks_key_id);
        """;

    public static void Migrate(SqliteConnection connection, SqliteTransaction transaction, string path)
    {
        long version = Sql.Scalar<long>(connection, transaction, "PRAGMA user_version");
        if (version > CurrentVersion)
        {
            throw new HyokStoreException($"the KMS emulator database {path} has schema version {version}, newer than this build ({CurrentVersion})");
        }

        if (version < 1)
        {
            Sql.Execute(connection, transaction, Version1);
        }

        if (version < 2)
        {
            Sql.Execute(connection, transaction, Version2);
        }

        Sql.Execute(connection, transaction, $"PRAGMA user_version = {CurrentVersion}");
    }
}
