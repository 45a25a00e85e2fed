using Hyok.Storage;
using System.Data.Common;

namespace Hyok.Keys.Software;

/// <summary>Key management: create, list, show, enable/disable.</summary>
public sealed partial class SoftwareKeyStore
{
    private const string SelectKeys =
        "SELECT id, key_store, usage, state, created_at, (SELECT max(version) FROM key_versions v WHERE v.key_id = keys.id AND v.material IS NOT NULL) FROM keys";

    /// <summary>
    /// Creates an enabled AES-256 key with fresh random material. Key ids are unique across the whole
    /// Hyok instance (all key stores), so an id never aliases two keys. <see cref="KeyUsage.None"/> is allowed
    /// (KMS refuses such a key; useful to test InvalidKeyUsageException).
    /// </summary>
    /// <exception cref="KeyManagementException">Invalid id, key store name or usage, or the id exists.</exception>
    public KeyDescriptor CreateKey(string id, string keyStore, KeyUsage usage = KeyUsage.EncryptDecrypt)
    {
        RequireKeyId(id);
        RequireKeyStoreName(keyStore);
        if (usage is not (KeyUsage.Encrypt or KeyUsage.Decrypt or KeyUsage.EncryptDecrypt or KeyUsage.None))
        {
            throw new KeyManagementException($"'{usage}' is not a valid key usage: use Encrypt, Decrypt, EncryptDecrypt or None");
        }

        var key = new KeyDescriptor(id, keyStore, usage, KeyState.Enabled, Now());
        try
        {
            return Write((connection, transaction) =>
            {
                KeyRows.InsertNew(connection, transaction, _database.Sealer, key);
                return key;
            });
        }
        catch (StoreConflictException e)
        {
            throw new KeyManagementException($"a key with id '{id}' already exists", e);
        }
    }

    /// <summary>The keys of <paramref name="keyStore"/>, or of every key store when null, ordered by key store and id.</summary>
    public IReadOnlyList<KeyDescriptor> ListKeys(string? keyStore = null) => Read(connection =>
    {
        using var command = keyStore is null
            ? Sql.Command(connection, null, $"{SelectKeys} WHERE id <> @health ORDER BY key_store, id", ("@health", HyokDatabase.HealthKeyId))
            : Sql.Command(connection, null, $"{SelectKeys} WHERE id <> @health AND key_store = @store ORDER BY id", ("@health", HyokDatabase.HealthKeyId), ("@store", keyStore));
        return ReadKeys(command);
    });

    /// <summary>One key.</summary>
    /// <exception cref="KeyManagementException">The id is invalid or unknown.</exception>
    public KeyDescriptor GetKey(string id)
    {
        RequireKeyId(id);
        return Read(connection => FindKey(connection, null, id)) ?? throw UnknownKey(id);
    }

    /// <summary>Enables or disables a key; returns it as now stored.</summary>
    /// <exception cref="KeyManagementException">The id is invalid or unknown, or the state is not defined.</exception>
    public KeyDescriptor SetState(string id, KeyState state)
    {
        RequireKeyId(id);
        if (!Enum.IsDefined(state))
        {
            throw new KeyManagementException($"'{state}' is not a valid key state: use Enabled or Disabled");
        }

        return Write((connection, transaction) =>
        {
            Sql.Execute(connection, transaction, "UPDATE keys SET state = @state WHERE id = @id",
                ("@state", KeyColumns.StateText(state)), ("@id", id));
            return FindKey(connection, transaction, id);
        }) ?? throw UnknownKey(id);
    }

    private static KeyManagementException UnknownKey(string id) => new($"no key with id '{id}'");

    private static KeyDescriptor? FindKey(DbConnection connection, DbTransaction? transaction, string id)
    {
        using var command = Sql.Command(connection, transaction, $"{SelectKeys} WHERE id = @id", ("@id", id));
        return ReadKeys(command).SingleOrDefault();
    }

    private static List<KeyDescriptor> ReadKeys(DbCommand command)
    {
        var keys = new List<KeyDescriptor>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            string id = reader.GetString(0);
            KeyUsage usage = KeyColumns.ParseUsage(reader.GetString(2))
                ?? throw new HyokStoreException($"key '{id}' has an unknown usage in the database");
            KeyState state = KeyColumns.ParseState(reader.GetString(3))
                ?? throw new HyokStoreException($"key '{id}' has an unknown state in the database");
            int current = reader.IsDBNull(5) ? 0 : checked((int)reader.GetInt64(5));
            keys.Add(new KeyDescriptor(id, reader.GetString(1), usage, state, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)), current));
        }

        return keys;
    }
}
