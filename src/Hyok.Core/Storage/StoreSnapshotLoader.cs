using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Hyok.Keys;
using Microsoft.Data.Sqlite;

namespace Hyok.Storage;

/// <summary>
/// Reads every key, credential and block in one read transaction and unseals them into a <see cref="StoreSnapshot"/>.
/// A row that does not unseal (tampered, moved to another key store, other master key) is left out and
/// reported in <see cref="StoreSnapshot.Problems"/>: the rest of the store keeps working.
/// </summary>
internal static class StoreSnapshotLoader
{
    public static StoreSnapshot Load(SqliteConnection connection, Sealer sealer)
    {
        var keys = new Dictionary<string, StoredKey>(StringComparer.Ordinal);
        StoredKey? healthKey = null;
        var problems = new List<string>();
        try
        {
            using var transaction = connection.BeginTransaction(deferred: true);
            using (var command = Sql.Command(connection, transaction, "SELECT id, key_store, usage, state, created_at, material FROM keys"))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    var key = ReadKey(reader, sealer, problems);
                    if (key is null)
                    {
                        continue;
                    }

                    if (key.Descriptor.Id == HyokDatabase.HealthKeyId && key.Descriptor.KeyStore == HyokDatabase.InternalKeyStore)
                    {
                        healthKey = key;
                    }
                    else if (key.Descriptor.Id.Contains(':', StringComparison.Ordinal))
                    {
                        problems.Add($"key '{key.Descriptor.Id}' has a reserved id and is ignored");
                        CryptographicOperations.ZeroMemory(key.Material);
                    }
                    else
                    {
                        keys.Add(key.Descriptor.Id, key);
                    }
                }
            }

            var secrets = ReadSecrets(connection, transaction, sealer, problems);
            var hardwareKeys = HardwareKeyRows.ReadAll(connection, transaction, sealer, problems);
            var blocks = BlockRows.ReadAll(connection, transaction, problems);
            return new StoreSnapshot(keys.ToFrozenDictionary(StringComparer.Ordinal), healthKey, secrets, hardwareKeys, blocks, problems);
        }
        catch
        {
            StoreSnapshot.ZeroMaterial(keys.Values, healthKey);
            throw;
        }
    }

    private static StoredKey? ReadKey(SqliteDataReader reader, Sealer sealer, List<string> problems)
    {
        string id = reader.GetString(0);
        string keyStore = reader.GetString(1);
        KeyUsage? usage = KeyColumns.ParseUsage(reader.GetString(2));
        KeyState? state = KeyColumns.ParseState(reader.GetString(3));
        if (usage is null || state is null)
        {
            problems.Add($"key '{id}' has an unknown usage or state and is unavailable");
            return null;
        }

        byte[] sealedMaterial = (byte[])reader.GetValue(5);
        if (!sealer.TryUnseal(sealedMaterial, SealContexts.Key(keyStore, id), out byte[]? material) || material.Length != KeyRows.MaterialLength)
        {
            if (material is not null)
            {
                CryptographicOperations.ZeroMemory(material);
            }

            problems.Add($"key '{id}' in key store '{keyStore}' cannot be unsealed (the row was modified or moved) and is unavailable");
            return null;
        }

        var created = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4));
        return new StoredKey(new KeyDescriptor(id, keyStore, usage.Value, state.Value, created), material);
    }

    private static FrozenDictionary<(string KeyStore, string AccessKeyId), string> ReadSecrets(
        SqliteConnection connection, SqliteTransaction transaction, Sealer sealer, List<string> problems)
    {
        var secrets = new Dictionary<(string KeyStore, string AccessKeyId), string>();
        using var command = Sql.Command(connection, transaction, "SELECT key_store, access_key_id, secret FROM credentials");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            string keyStore = reader.GetString(0);
            string accessKeyId = reader.GetString(1);
            if (!sealer.TryUnseal((byte[])reader.GetValue(2), SealContexts.Credential(keyStore, accessKeyId), out byte[]? secret))
            {
                problems.Add($"credential '{accessKeyId}' of key store '{keyStore}' cannot be unsealed (the row was modified or moved) and is unavailable");
                continue;
            }

            secrets[(keyStore, accessKeyId)] = Encoding.UTF8.GetString(secret);
            CryptographicOperations.ZeroMemory(secret);
        }

        return secrets.ToFrozenDictionary();
    }
}
