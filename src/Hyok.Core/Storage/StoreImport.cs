using System.Data.Common;
using Hyok.Keys.Software;

namespace Hyok.Storage;

/// <summary>
/// <c>hyok db import-sqlite</c>: copies a store (the embedded default's SQLite file) into a new, empty one (a fleet's
/// PostgreSQL database), row for row: keys with their versions, credentials, hardware key records with their versions and
/// blocks. Sealed blobs are copied as they are: their seals bind key store, id and version, not the database, so both
/// stores must be open under the same master key (each verified it on opening). The target's own health key and instance
/// id stay. All in one transaction of the target: a failure leaves it empty.
/// </summary>
public static class StoreImport
{
    private static readonly ImportedTable[] Tables =
    [
        new("keys", "id, key_store, usage, state, created_at, rotate_every", "id <> @health"),
        new("key_versions", "key_id, version, created_at, material, retired_at", "key_id <> @health"),
        new("credentials", "access_key_id, key_store, secret, created_at", null),
        new("hardware_keys", "id, key_store, state, created_at, seal, rotate_every", null),
        new("hardware_key_versions", "key_id, version, created_at, retired_at", null),
        new("blocks", "kind, value, created_at, until, reason", null),
    ];

    /// <summary>Copies every row of <paramref name="source"/> into <paramref name="target"/>; returns the rows copied per table.</summary>
    /// <exception cref="KeyManagementException">The target holds keys, credentials, hardware key records or blocks already.</exception>
    /// <exception cref="HyokStoreException">Either database failed.</exception>
    public static IReadOnlyList<(string Table, int Rows)> Copy(HyokDatabase source, HyokDatabase target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var rows = source.Read(connection => Tables.Select(table => table.ReadAll(connection)).ToList());
        return target.Write((connection, transaction) =>
        {
            RequireEmpty(connection, transaction, target.Location);
            return Tables.Select((table, i) => (table.Name, table.InsertAll(connection, transaction, rows[i]))).ToList();
        });
    }

    private static void RequireEmpty(DbConnection connection, DbTransaction transaction, string location)
    {
        long present = Sql.Scalar<long>(connection, transaction, """
            SELECT (SELECT count(*) FROM keys WHERE id <> @health) + (SELECT count(*) FROM credentials)
                 + (SELECT count(*) FROM hardware_keys) + (SELECT count(*) FROM blocks)
            """, ("@health", HyokDatabase.HealthKeyId));
        if (present > 0)
        {
            throw new KeyManagementException(
                $"the target store {location} is not empty ({present} keys, credentials, hardware key records or blocks): import only into a new database");
        }
    }

    private sealed record ImportedTable(string Name, string Columns, string? Where)
    {
        public List<object?[]> ReadAll(DbConnection connection)
        {
            using var command = Sql.Command(connection, null, $"SELECT {Columns} FROM {Name}{(Where is null ? "" : " WHERE " + Where)}",
                ("@health", HyokDatabase.HealthKeyId));
            using var reader = command.ExecuteReader();
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                reader.GetValues(row!);
                rows.Add(row);
            }

            return rows;
        }

        public int InsertAll(DbConnection connection, DbTransaction transaction, List<object?[]> rows)
        {
            var names = Columns.Split(", ");
            string insert = $"INSERT INTO {Name} ({Columns}) VALUES ({string.Join(", ", names.Select(n => "@" + n))})";
            foreach (var row in rows)
            {
                Sql.Execute(connection, transaction, insert, [.. names.Select((n, i) => ("@" + n, row[i] is DBNull ? null : row[i]))]);
            }

            return rows.Count;
        }
    }
}
