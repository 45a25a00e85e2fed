using Hyok.Kms.Keys;
using Hyok.Storage;
using Microsoft.Data.Sqlite;

namespace Hyok.Kms.Storage;

/// <summary>Key rows.</summary>
internal sealed partial class KmsDatabase
{
    private const string KeyColumns = "id, arn, origin, state, description, created_at, deletion_at, custom_key_store_id, xks_key_id";

    /// <summary>Inserts a key; <paramref name="material"/> (AWS_KMS keys) is sealed to the key id.</summary>
    public void InsertKey(KmsKey key, ReadOnlySpan<byte> material)
    {
        byte[]? sealedMaterial = material.IsEmpty ? null : _sealer.Seal(material, MaterialContext(key.Id));
        lock (_lock)
        {
            Sql.Execute(
                _connection, null,
                $"INSERT INTO keys ({KeyColumns}, material) VALUES ($id, $arn, $origin, $state, $description, $created, $deletion, $store, $xks, $material)",
                ("$id", key.KeyId), ("$arn", key.Arn), ("$origin", key.Origin), ("$state", key.State.ToString()),
                ("$description", key.Description), ("$created", key.CreationDate.ToUnixTimeMilliseconds()),
                ("$deletion", key.DeletionDate?.ToUnixTimeMilliseconds()), ("$store", key.CustomKeyStoreId), ("$xks", key.XksKeyId),
                ("$material", sealedMaterial));
        }
    }

    public KmsKey? FindKey(Guid id) => QueryKeys($"SELECT {KeyColumns} FROM keys WHERE id = $id", ("$id", id.ToString("D"))).FirstOrDefault();

    /// <summary>Up to <paramref name="limit"/> keys in id order, starting at <paramref name="from"/> (inclusive) if given.</summary>
    public IReadOnlyList<KmsKey> ListKeys(string? from, int limit) =>
        QueryKeys($"SELECT {KeyColumns} FROM keys WHERE $from IS NULL OR id >= $from ORDER BY id LIMIT $limit", ("$from", from), ("$limit", limit));

    public void UpdateKeyState(Guid id, KmsKeyState state, DateTimeOffset? deletionDate)
    {
        lock (_lock)
        {
            Sql.Execute(
                _connection, null, "UPDATE keys SET state = $state, deletion_at = $deletion WHERE id = $id",
                ("$id", id.ToString("D")), ("$state", state.ToString()), ("$deletion", deletionDate?.ToUnixTimeMilliseconds()));
        }
    }

    /// <summary>Deletes a key and its aliases (a key whose waiting period has passed).</summary>
    public void DeleteKey(Guid id)
    {
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            Sql.Execute(_connection, transaction, "DELETE FROM aliases WHERE key_id = $id", ("$id", id.ToString("D")));
            Sql.Execute(_connection, transaction, "DELETE FROM keys WHERE id = $id", ("$id", id.ToString("D")));
            transaction.Commit();
        }
    }

    /// <summary>The key's material in a new pinned array (zero it when done), or null if it has none or does not open.</summary>
    public byte[]? OpenMaterial(Guid id)
    {
        byte[]? sealedMaterial;
        lock (_lock)
        {
            sealedMaterial = Sql.Scalar<byte[]>(_connection, null, "SELECT material FROM keys WHERE id = $id", ("$id", id.ToString("D")));
        }

        return sealedMaterial is not null && _sealer.TryUnseal(sealedMaterial, MaterialContext(id), out byte[]? material) ? material : null;
    }

    private static string MaterialContext(Guid id) => $"kms-key:{id:D}";

    private List<KmsKey> QueryKeys(string sql, params (string Name, object? Value)[] parameters)
    {
        lock (_lock)
        {
            using var command = Sql.Command(_connection, null, sql, parameters);
            using var reader = command.ExecuteReader();
            var keys = new List<KmsKey>();
            while (reader.Read())
            {
                keys.Add(new KmsKey(
                    Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), Enum.Parse<KmsKeyState>(reader.GetString(3)),
                    reader.GetString(4), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                    reader.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
                    reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8)));
            }

            return keys;
        }
    }
}
