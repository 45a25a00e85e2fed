using System.Text;
using Hyok.Kms.CustomKeyStores;
using Hyok.Kms.Keys;
using Hyok.Storage;
using Microsoft.Data.Sqlite;

namespace Hyok.Kms.Storage;

/// <summary>Reading custom key store rows (and the keys of a store).</summary>
internal sealed partial class KmsDatabase
{
    public KmsCustomKeyStore? FindKeyStore(string id) =>
        QueryKeyStores($"SELECT {KeyStoreColumns} FROM custom_key_stores WHERE id = $id", ("$id", id)).FirstOrDefault();

    public KmsCustomKeyStore? FindKeyStoreByName(string name) =>
        QueryKeyStores($"SELECT {KeyStoreColumns} FROM custom_key_stores WHERE name = $name", ("$name", name)).FirstOrDefault();

    /// <summary>Up to <paramref name="limit"/> key stores in id order from <paramref name="from"/> (inclusive).</summary>
    public IReadOnlyList<KmsCustomKeyStore> ListKeyStores(string? from, int limit) => QueryKeyStores(
        $"SELECT {KeyStoreColumns} FROM custom_key_stores WHERE $from IS NULL OR id >= $from ORDER BY id LIMIT $limit",
        ("$from", from), ("$limit", limit));

    /// <summary>The credential's secret, or null when the key store is gone or the secret does not open.</summary>
    public string? OpenKeyStoreSecret(string id)
    {
        byte[]? sealedSecret;
        lock (_lock)
        {
            sealedSecret = Sql.Scalar<byte[]>(_connection, null, "SELECT secret FROM custom_key_stores WHERE id = $id", ("$id", id));
        }

        return sealedSecret is not null && _sealer.TryUnseal(sealedSecret, SecretContext(id), out byte[]? secret)
            ? Encoding.ASCII.GetString(secret)
            : null;
    }

    /// <summary>The KMS key of the key store that uses <paramref name="xksKeyId"/>, if any (XksKeyAlreadyInUseException).</summary>
    public KmsKey? FindKeyByXksKeyId(string storeId, string xksKeyId) => QueryKeys(
        $"SELECT {KeyColumns} FROM keys WHERE custom_key_store_id = $store AND xks_key_id = $xks", ("$store", storeId), ("$xks", xksKeyId))
        .FirstOrDefault();

    private List<KmsCustomKeyStore> QueryKeyStores(string sql, params (string Name, object? Value)[] parameters)
    {
        lock (_lock)
        {
            using var command = Sql.Command(_connection, null, sql, parameters);
            using var reader = command.ExecuteReader();
            var stores = new List<KmsCustomKeyStore>();
            while (reader.Read())
            {
                stores.Add(new KmsCustomKeyStore(
                    reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)), reader.GetString(5), reader.GetString(6), reader.GetString(7),
                    reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9), reader.GetInt64(10)));
            }

            return stores;
        }
    }
}
