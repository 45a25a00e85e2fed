using System.Data.Common;

namespace Hyok.Storage;

/// <summary>
/// The database schema as an ordered list of migrations. <c>schema_version</c> records each applied
/// version; a database newer than this build is refused rather than guessed at.
/// </summary>
internal static class HyokSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE meta (
            name TEXT NOT NULL PRIMARY KEY,
            value BLOB NOT NULL);
        CREATE TABLE keys (
            id TEXT NOT NULL PRIMARY KEY,
            key_store TEXT NOT NULL,
            usage TEXT NOT NULL CHECK (usage IN ('encrypt', 'decrypt', 'encrypt-decrypt', 'none')),
            state TEXT NOT NULL CHECK (state IN ('enabled', 'disabled')),
            created_at INTEGER NOT NULL,
            material BLOB NOT NULL);
        CREATE INDEX keys_by_key_store ON keys (key_store);
        CREATE TABLE credentials (
            access_key_id TEXT NOT NULL PRIMARY KEY,
            key_store TEXT NOT NULL,
            secret BLOB NOT NULL,
            created_at INTEGER NOT NULL);
        CREATE INDEX credentials_by_key_store ON credentials (key_store);
        """,
        """
        CREATE TABLE hardware_keys (
            id TEXT NOT NULL PRIMARY KEY,
            key_store TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('enabled', 'disabled')),
            created_at INTEGER NOT NULL,
            seal BLOB NOT NULL);
        CREATE INDEX hardware_keys_by_key_store ON hardware_keys (key_store);
        """,
        """
        CREATE TABLE blocks (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL CHECK (kind IN ('key', 'key-store', 'principal', 'service')),
            value TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            until INTEGER,
            reason TEXT,
            UNIQUE (kind, value));
        """,
        // Key versions (decision 0010): existing material becomes version 1 of its key, sealed as before; keys.material goes.
        """
        CREATE TABLE key_versions (
            key_id TEXT NOT NULL,
            version INTEGER NOT NULL CHECK (version >= 1),
            created_at INTEGER NOT NULL,
            material BLOB,
            retired_at INTEGER,
            PRIMARY KEY (key_id, version));
        INSERT INTO key_versions (key_id, version, created_at, material) SELECT id, 1, created_at, material FROM keys;
        ALTER TABLE keys DROP COLUMN material;
        ALTER TABLE keys ADD COLUMN rotate_every INTEGER;
        CREATE TABLE hardware_key_versions (
            key_id TEXT NOT NULL,
            version INTEGER NOT NULL CHECK (version >= 1),
            created_at INTEGER NOT NULL,
            retired_at INTEGER,
            PRIMARY KEY (key_id, version));
        INSERT INTO hardware_key_versions (key_id, version, created_at) SELECT id, 1, created_at FROM hardware_keys;
        ALTER TABLE hardware_keys ADD COLUMN rotate_every INTEGER;
        """,
    ];

    /// <summary>The schema version this build writes.</summary>
    public static int CurrentVersion => Migrations.Length;

    /// <summary>Applies the missing migrations inside <paramref name="transaction"/> (which must be a write transaction).</summary>
    public static void Migrate(DbConnection connection, DbTransaction transaction, string databasePath, long nowUnixMilliseconds)
    {
        Sql.Execute(connection, transaction,
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at INTEGER NOT NULL)");
        long version = Sql.Scalar<long?>(connection, transaction, "SELECT max(version) FROM schema_version") ?? 0;
        if (version > CurrentVersion)
        {
            throw new HyokStoreException(
                $"the key store database {databasePath} has schema version {version}, newer than this Hyok understands ({CurrentVersion}); upgrade Hyok");
        }

        for (long next = version + 1; next <= CurrentVersion; next++)
        {
            Sql.Execute(connection, transaction, Migrations[next - 1]);
            Sql.Execute(connection, transaction, "INSERT INTO schema_version (version, applied_at) VALUES (@version, @now)",
                ("@version", next), ("@now", nowUnixMilliseconds));
        }
    }
}
