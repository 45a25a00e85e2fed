using System.Security.Cryptography;
using Hyok.Keys;
using Microsoft.Data.Sqlite;

namespace Hyok.Storage;

/// <summary>Writes key rows: new random AES-256 material, sealed to its row before it touches the database.</summary>
internal static class KeyRows
{
    /// <summary>AES-256 key material length.</summary>
    public const int MaterialLength = 32;

    /// <summary>Inserts a key with fresh random material. Fails with a constraint error when the id exists.</summary>
    public static void InsertNew(SqliteConnection connection, SqliteTransaction transaction, Sealer sealer, KeyDescriptor key)
    {
        byte[] material = GC.AllocateArray<byte>(MaterialLength, pinned: true);
        try
        {
            RandomNumberGenerator.Fill(material);
            byte[] sealedMaterial = sealer.Seal(material, SealContexts.Key(key.KeyStore, key.Id));
            Sql.Execute(connection, transaction,
                "INSERT INTO keys (id, key_store, usage, state, created_at, material) VALUES ($id, $store, $usage, $state, $created, $material)",
                ("$id", key.Id),
                ("$store", key.KeyStore),
                ("$usage", KeyColumns.UsageText(key.Usage)),
                ("$state", KeyColumns.StateText(key.State)),
                ("$created", key.CreatedAt.ToUnixTimeMilliseconds()),
                ("$material", sealedMaterial));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }
}
