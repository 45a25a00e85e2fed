using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Hyok.Keys;
using System.Data.Common;

namespace Hyok.Storage;

/// <summary>
/// Reads every key, credential and block in one read transaction and unseals them into a <see cref="StoreSnapshot"/>.
/// A row that does not unseal (tampered, moved to another key store, other master key) is left out and
/// reported in <see cref="StoreSnapshot.Problems"/>: the rest of the store keeps working.
/// </summary>
internal static class StoreSnapshotLoader
{
    public static StoreSnapshot Load(DbConnection connection, StoreDialect dialect, Sealer sealer)
    {
        var keys = new Dictionary<string, StoredKey>(StringComparer.Ordinal);
        StoredKey? healthKey = null;
        var problems = new List<string>();
        try
        {
            using var transaction = dialect.BeginSnapshot(connection);
            foreach (var key in StoredKeyRows.ReadAll(connection, transaction, sealer, problems))
            {
                if (key.Descriptor.Id == HyokDatabase.HealthKeyId && key.Descriptor.KeyStore == HyokDatabase.InternalKeyStore)
                {
                    healthKey = key;
                }
                else if (key.Descriptor.Id.Contains(':', StringComparison.Ordinal))
                {
                    problems.Add($"key '{key.Descriptor.Id}' has a reserved id and is ignored");
                    StoreSnapshot.ZeroMaterial([key], null);
                }
                else
                {
                    keys.Add(key.Descriptor.Id, key);
                }
            }

            var secrets = ReadSecrets(connection, transaction, sealer, problems);
            var hardwareKeys = HardwareKeyRows.ReadAll(connection, transaction, sealer, problems);
            var blocks = BlockRows.ReadAll(connection, transaction, problems);
            var policies = PolicyRows.ReadCurrent(connection, transaction, dialect);
            return new StoreSnapshot(keys.ToFrozenDictionary(StringComparer.Ordinal), healthKey, secrets, hardwareKeys, blocks, policies, problems);
        }
        catch
        {
            StoreSnapshot.ZeroMaterial(keys.Values, healthKey);
            throw;
        }
    }

    private static FrozenDictionary<(string KeyStore, string AccessKeyId), string> ReadSecrets(
        DbConnection connection, DbTransaction transaction, Sealer sealer, List<string> problems)
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
