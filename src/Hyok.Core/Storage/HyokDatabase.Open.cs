using System.Security.Cryptography;
using Hyok.Keys;
using Microsoft.Data.Sqlite;

namespace Hyok.Storage;

/// <summary>Opening, creating and migrating the database, and checking the master key.</summary>
public sealed partial class HyokDatabase
{
    private static readonly byte[] CheckPlaintext = "hyok master key check v1"u8.ToArray();

    /// <summary>
    /// Opens (or, when <paramref name="createIfMissing"/>, creates with mode 0600) the database at
    /// <paramref name="databasePath"/>, applies migrations, and verifies <paramref name="masterKey"/>.
    /// The database keeps its own copy of the key; the caller may dispose <paramref name="masterKey"/> afterwards.
    /// </summary>
    /// <exception cref="HyokStoreException">
    /// The file is missing, not a Hyok database, newer than this build, or sealed under another master key
    /// ("The master key does not match the key store at PATH").
    /// </exception>
    public static HyokDatabase Open(string databasePath, MasterKey masterKey, bool createIfMissing = true, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ArgumentNullException.ThrowIfNull(masterKey);
        timeProvider ??= TimeProvider.System;
        string fullPath = System.IO.Path.GetFullPath(databasePath);
        CreateFileIfMissing(fullPath, createIfMissing);
        var sealer = new Sealer(masterKey);
        try
        {
            string instanceId = Initialize(fullPath, sealer, timeProvider);
            return new HyokDatabase(fullPath, sealer, instanceId, timeProvider);
        }
        catch (SqliteException e)
        {
            sealer.Dispose();
            throw new HyokStoreException($"cannot open the key store database {fullPath}: {e.Message}", e);
        }
        catch
        {
            sealer.Dispose();
            throw;
        }
    }

    private static void CreateFileIfMissing(string fullPath, bool createIfMissing)
    {
        if (File.Exists(fullPath))
        {
            return;
        }

        if (!createIfMissing)
        {
            throw new HyokStoreException($"key store database not found: {fullPath}");
        }

        try
        {
            StorageFiles.CreatePrivateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);

            // SQLite gives the -wal and -shm files the mode of the database file.
            new FileStream(fullPath, StorageFiles.NewPrivateFile(FileAccess.Write)).Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (!File.Exists(fullPath))
            {
                throw new HyokStoreException($"cannot create the key store database {fullPath}: {e.Message}", e);
            }
        }
    }

    private static string Initialize(string fullPath, Sealer sealer, TimeProvider timeProvider)
    {
        long now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        using var connection = Connect(ConnectionString(fullPath, SqliteOpenMode.ReadWrite));
        string journal = Sql.Scalar<string>(connection, null, "PRAGMA journal_mode = WAL") ?? "";
        if (!journal.Equals("wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new HyokStoreException($"the key store database {fullPath} cannot use WAL journaling (got '{journal}')");
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        HyokSchema.Migrate(connection, transaction, fullPath, now);
        VerifyOrWriteCheck(connection, transaction, sealer, fullPath, now);
        string instanceId = Sql.Scalar<string>(connection, transaction, "SELECT value FROM meta WHERE name = 'instance_id'")
            ?? throw new HyokStoreException($"the key store database {fullPath} has no instance id; it is damaged");
        EnsureHealthKey(connection, transaction, sealer, now);
        transaction.Commit();
        return instanceId;
    }

    private static void VerifyOrWriteCheck(SqliteConnection connection, SqliteTransaction transaction, Sealer sealer, string fullPath, long now)
    {
        byte[]? check = Sql.Scalar<byte[]>(connection, transaction, "SELECT value FROM meta WHERE name = 'check'");
        if (check is null)
        {
            long rows = Sql.Scalar<long>(connection, transaction, "SELECT (SELECT count(*) FROM keys) + (SELECT count(*) FROM credentials)");
            if (rows > 0)
            {
                throw new HyokStoreException($"the key store database {fullPath} holds keys but no master key check value; it is damaged");
            }

            const string insert = "INSERT INTO meta (name, value) VALUES ($name, $value)";
            Sql.Execute(connection, transaction, insert, ("$name", "check"), ("$value", sealer.Seal(CheckPlaintext, SealContexts.MasterKeyCheck)));
            Sql.Execute(connection, transaction, insert, ("$name", "instance_id"), ("$value", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))));
            Sql.Execute(connection, transaction, insert, ("$name", "created_at"), ("$value", now));
            return;
        }

        if (!sealer.TryUnseal(check, SealContexts.MasterKeyCheck, out byte[]? plaintext))
        {
            throw new HyokStoreException($"The master key does not match the key store at {fullPath}");
        }

        bool matches = plaintext.AsSpan().SequenceEqual(CheckPlaintext);
        CryptographicOperations.ZeroMemory(plaintext);
        if (!matches)
        {
            throw new HyokStoreException($"The master key does not match the key store at {fullPath}");
        }
    }

    private static void EnsureHealthKey(SqliteConnection connection, SqliteTransaction transaction, Sealer sealer, long now)
    {
        long present = Sql.Scalar<long>(connection, transaction, "SELECT count(*) FROM keys WHERE id = $id", ("$id", HealthKeyId));
        if (present == 0)
        {
            var descriptor = new KeyDescriptor(HealthKeyId, InternalKeyStore, KeyUsage.EncryptDecrypt, KeyState.Enabled, DateTimeOffset.FromUnixTimeMilliseconds(now));
            KeyRows.InsertNew(connection, transaction, sealer, descriptor);
        }
    }
}
