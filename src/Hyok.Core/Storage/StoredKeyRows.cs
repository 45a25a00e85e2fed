using System.Collections.Frozen;
using System.Security.Cryptography;
using Hyok.Keys;
using System.Data.Common;

namespace Hyok.Storage;

/// <summary>
/// Reads every key with the material of its live versions for a <see cref="StoreSnapshot"/>. The current version is the
/// highest live one. An older version that does not unseal is left out (its ciphertexts fail as InvalidCiphertext);
/// when the current one does not unseal the whole key is unavailable, so Encrypt never silently falls back to an old version.
/// </summary>
internal static class StoredKeyRows
{
    private const string Select = """
        SELECT k.id, k.key_store, k.usage, k.state, k.created_at, v.version, v.material FROM keys k
        JOIN key_versions v ON v.key_id = k.id WHERE v.material IS NOT NULL ORDER BY k.id, v.version DESC
        """;

    public static List<StoredKey> ReadAll(DbConnection connection, DbTransaction transaction, Sealer sealer, List<string> problems)
    {
        var keys = new List<StoredKey>();
        using var command = Sql.Command(connection, transaction, Select);
        using var reader = command.ExecuteReader();
        (KeyDescriptor Key, Dictionary<int, byte[]> Versions, bool Broken)? pending = null;
        while (reader.Read())
        {
            string id = reader.GetString(0);
            if (pending is not { } open || open.Key.Id != id)
            {
                Finish(pending, keys);
                pending = Start(reader, id, problems);
            }

            if (pending is { Broken: false } current && !Unseal(reader, sealer, current.Key, current.Versions, problems))
            {
                pending = current with { Broken = current.Versions.Count == 0 };
            }
        }

        Finish(pending, keys);
        return keys;
    }

    private static (KeyDescriptor, Dictionary<int, byte[]>, bool)? Start(DbDataReader reader, string id, List<string> problems)
    {
        KeyUsage? usage = KeyColumns.ParseUsage(reader.GetString(2));
        KeyState? state = KeyColumns.ParseState(reader.GetString(3));
        if (usage is null || state is null)
        {
            problems.Add($"key '{id}' has an unknown usage or state and is unavailable");
            return (new KeyDescriptor(id, reader.GetString(1), KeyUsage.None, KeyState.Disabled, default), [], true);
        }

        var created = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4));
        var current = checked((int)reader.GetInt64(5));
        return (new KeyDescriptor(id, reader.GetString(1), usage.Value, state.Value, created, current), [], false);
    }

    private static bool Unseal(DbDataReader reader, Sealer sealer, KeyDescriptor key, Dictionary<int, byte[]> versions, List<string> problems)
    {
        var version = checked((int)reader.GetInt64(5));
        if (sealer.TryUnseal((byte[])reader.GetValue(6), SealContexts.KeyVersion(key.KeyStore, key.Id, version), out byte[]? material)
            && material.Length == KeyRows.MaterialLength)
        {
            versions[version] = material;
            return true;
        }

        if (material is not null)
        {
            CryptographicOperations.ZeroMemory(material);
        }

        problems.Add(version == key.CurrentVersion
            ? $"key '{key.Id}' in key store '{key.KeyStore}': its current version {version} cannot be unsealed (the row was modified or moved); the key is unavailable"
            : $"key '{key.Id}' in key store '{key.KeyStore}': version {version} cannot be unsealed (the row was modified or moved) and is unavailable");
        return false;
    }

    private static void Finish((KeyDescriptor Key, Dictionary<int, byte[]> Versions, bool Broken)? pending, List<StoredKey> keys)
    {
        if (pending is not { } done)
        {
            return;
        }

        if (done.Broken || !done.Versions.ContainsKey(done.Key.CurrentVersion))
        {
            foreach (var material in done.Versions.Values)
            {
                CryptographicOperations.ZeroMemory(material);
            }

            return;
        }

        keys.Add(new StoredKey(done.Key, done.Versions.ToFrozenDictionary()));
    }
}
