using System.Security.Cryptography;
using Hyok.Keys;
using System.Data.Common;

namespace Hyok.Storage;

/// <summary>Writes key rows: new random AES-256 material, sealed to its row and version before it touches the database.</summary>
internal static class KeyRows
{
    /// <summary>AES-256 key material length.</summary>
    public const int MaterialLength = 32;

    /// <summary>Inserts a key and its version 1 with fresh random material. Fails with a constraint error when the id exists.</summary>
    public static void InsertNew(DbConnection connection, DbTransaction transaction, Sealer sealer, KeyDescriptor key)
    {
        Sql.Execute(connection, transaction,
            "INSERT INTO keys (id, key_store, usage, state, created_at) VALUES (@id, @store, @usage, @state, @created)",
            ("@id", key.Id),
            ("@store", key.KeyStore),
            ("@usage", KeyColumns.UsageText(key.Usage)),
            ("@state", KeyColumns.StateText(key.State)),
            ("@created", key.CreatedAt.ToUnixTimeMilliseconds()));
        InsertVersion(connection, transaction, sealer, key.KeyStore, key.Id, 1, key.CreatedAt);
    }

    /// <summary>Inserts <paramref name="version"/> of a key with fresh random material.</summary>
    public static void InsertVersion(DbConnection connection, DbTransaction transaction, Sealer sealer, string keyStore, string id, int version, DateTimeOffset createdAt)
    {
        byte[] material = GC.AllocateArray<byte>(MaterialLength, pinned: true);
        try
        {
            RandomNumberGenerator.Fill(material);
            byte[] sealedMaterial = sealer.Seal(material, SealContexts.KeyVersion(keyStore, id, version));
            Sql.Execute(connection, transaction,
                "INSERT INTO key_versions (key_id, version, created_at, material) VALUES (@id, @version, @created, @material)",
                ("@id", id), ("@version", version), ("@created", createdAt.ToUnixTimeMilliseconds()), ("@material", sealedMaterial));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }
}
