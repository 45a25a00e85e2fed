using System.Security.Cryptography;
using Hyok.Storage;
using Microsoft.Data.Sqlite;

namespace Hyok.Kms.Storage;

/// <summary>
/// The emulator's state in one SQLite file: one connection, every call under one lock (the emulator is not a
/// throughput target). Key material is sealed with Hyok.Core's <see cref="Sealer"/> under the emulator's master key,
/// bound to the key id (context <c>kms-key:ID</c>).
/// </summary>
internal sealed partial class KmsDatabase : IDisposable
{
    private static readonly byte[] CheckPlaintext = "hyok kms emulator master key check v1"u8.ToArray();

    private readonly SqliteConnection _connection;
    private readonly Sealer _sealer;
    private readonly Lock _lock = new();

    private KmsDatabase(SqliteConnection connection, Sealer sealer)
    {
        _connection = connection;
        _sealer = sealer;
    }

    public string Path => _connection.DataSource;

    /// <summary>Opens or creates (mode 0600) the database and checks the master key.</summary>
    /// <exception cref="HyokStoreException">Unreadable, newer schema, or sealed under another master key.</exception>
    public static KmsDatabase Open(string path, MasterKey masterKey)
    {
        string fullPath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            StorageFiles.CreatePrivateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
            new FileStream(fullPath, StorageFiles.NewPrivateFile(FileAccess.Write)).Dispose();
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = fullPath, Pooling = false }.ToString());
        var sealer = new Sealer(masterKey);
        try
        {
            connection.Open();
            Sql.Execute(connection, null, "PRAGMA foreign_keys = ON");
            using var transaction = connection.BeginTransaction(deferred: false);
            KmsSchema.Migrate(connection, transaction, fullPath);
            VerifyOrWriteCheck(connection, transaction, sealer, fullPath);
            transaction.Commit();
            return new KmsDatabase(connection, sealer);
        }
        catch (Exception e)
        {
            connection.Dispose();
            sealer.Dispose();
            throw e is SqliteException ? new HyokStoreException($"cannot open the KMS emulator database {fullPath}: {e.Message}", e) : e;
        }
    }

    public void Dispose()
    {
        _connection.Dispose();
        _sealer.Dispose();
    }

    private static void VerifyOrWriteCheck(SqliteConnection connection, SqliteTransaction transaction, Sealer sealer, string path)
    {
        const string context = "kms-meta:check";
        byte[]? check = Sql.Scalar<byte[]>(connection, transaction, "SELECT value FROM meta WHERE name = 'check'");
        if (check is null)
        {
            Sql.Execute(connection, transaction, "INSERT INTO meta (name, value) VALUES ('check', $value)", ("$value", sealer.Seal(CheckPlaintext, context)));
            return;
        }

        bool matches = sealer.TryUnseal(check, context, out byte[]? plaintext) && plaintext.AsSpan().SequenceEqual(CheckPlaintext);
        if (plaintext is not null)
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }

        if (!matches)
        {
            throw new HyokStoreException($"The master key does not match the KMS emulator database at {path}");
        }
    }
}
