using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Hyok.Keys;
using Hyok.Storage.PostgreSql;
using Hyok.Storage.Sqlite;

namespace Hyok.Storage;

/// <summary>Opening, creating and migrating the database, and checking the master key.</summary>
public sealed partial class HyokDatabase
{
    private static readonly byte[] CheckPlaintext = "hyok master key check v1"u8.ToArray();

    /// <summary>
    /// Opens (or, when <paramref name="createIfMissing"/>, creates with mode 0600) the SQLite database at
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
        string fullPath = System.IO.Path.GetFullPath(databasePath);
        SqliteDialect.CreateFileIfMissing(fullPath, createIfMissing);
        return Open(new SqliteDialect(fullPath), masterKey, timeProvider ?? TimeProvider.System);
    }

    /// <summary>
    /// Opens the PostgreSQL database of <paramref name="options"/> (validated by the caller): applies the migrations it
    /// lacks (safe with several instances starting at once), then verifies <paramref name="masterKey"/>, or on an empty
    /// database records its check value. Every instance of a fleet must use the same master key.
    /// </summary>
    /// <param name="environment">Reads an environment variable (the password); default: the process environment.</param>
    /// <exception cref="HyokStoreException">Cannot connect, a newer or tampered schema, or another master key.</exception>
    public static HyokDatabase OpenPostgreSql(
        PostgreSqlStorageOptions options, MasterKey masterKey, TimeProvider? timeProvider = null, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(masterKey);
        timeProvider ??= TimeProvider.System;
        return Open(new PostgreSqlDialect(PostgreSqlConnector.Create(options, environment), timeProvider), masterKey, timeProvider);
    }

    private static HyokDatabase Open(StoreDialect dialect, MasterKey masterKey, TimeProvider timeProvider)
    {
        var sealer = new Sealer(masterKey);
        try
        {
            string instanceId = Initialize(dialect, sealer, timeProvider);
            return new HyokDatabase(dialect, sealer, instanceId, timeProvider);
        }
        catch (DbException e)
        {
            sealer.Dispose();
            dialect.Dispose();
            throw new HyokStoreException($"cannot open the key store database {dialect.Location}: {dialect.Failure(e).Message}", e);
        }
        catch
        {
            sealer.Dispose();
            dialect.Dispose();
            throw;
        }
    }

    private static string Initialize(StoreDialect dialect, Sealer sealer, TimeProvider timeProvider)
    {
        long now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        dialect.PrepareSchema(now);
        using var connection = dialect.Open();
        using var transaction = dialect.BeginWrite(connection);
        VerifyOrWriteCheck(connection, transaction, dialect, sealer, now);
        string instanceId = MetaText(Sql.Scalar<object>(connection, transaction, "SELECT value FROM meta WHERE name = 'instance_id'"))
            ?? throw new HyokStoreException($"the key store database {dialect.Location} has no instance id; it is damaged");
        EnsureHealthKey(connection, transaction, sealer, now);
        transaction.Commit();
        return instanceId;
    }

    private static void VerifyOrWriteCheck(DbConnection connection, DbTransaction transaction, StoreDialect dialect, Sealer sealer, long now)
    {
        byte[]? check = Sql.Scalar<byte[]>(connection, transaction, "SELECT value FROM meta WHERE name = 'check'");
        if (check is null)
        {
            long rows = Sql.Scalar<long>(connection, transaction, "SELECT (SELECT count(*) FROM keys) + (SELECT count(*) FROM credentials)");
            if (rows > 0)
            {
                throw new HyokStoreException($"the key store database {dialect.Location} holds keys but no master key check value; it is damaged");
            }

            const string insert = "INSERT INTO meta (name, value) VALUES (@name, @value)";
            Sql.Execute(connection, transaction, insert, ("@name", "check"), ("@value", sealer.Seal(CheckPlaintext, SealContexts.MasterKeyCheck)));
            Sql.Execute(connection, transaction, insert, ("@name", "instance_id"), ("@value", dialect.MetaValue(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)))));
            Sql.Execute(connection, transaction, insert, ("@name", "created_at"), ("@value", dialect.MetaValue(now)));
            return;
        }

        if (!sealer.TryUnseal(check, SealContexts.MasterKeyCheck, out byte[]? plaintext))
        {
            throw new HyokStoreException($"The master key does not match the key store at {dialect.Location}");
        }

        bool matches = plaintext.AsSpan().SequenceEqual(CheckPlaintext);
        CryptographicOperations.ZeroMemory(plaintext);
        if (!matches)
        {
            throw new HyokStoreException($"The master key does not match the key store at {dialect.Location}");
        }
    }

    /// <summary>A <c>meta</c> value as text: SQLite returns the text, PostgreSQL the UTF-8 bytes.</summary>
    private static string? MetaText(object? value) => value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : value?.ToString();

    private static void EnsureHealthKey(DbConnection connection, DbTransaction transaction, Sealer sealer, long now)
    {
        long present = Sql.Scalar<long>(connection, transaction, "SELECT count(*) FROM keys WHERE id = @id", ("@id", HealthKeyId));
        if (present == 0)
        {
            var descriptor = new KeyDescriptor(HealthKeyId, InternalKeyStore, KeyUsage.EncryptDecrypt, KeyState.Enabled, DateTimeOffset.FromUnixTimeMilliseconds(now));
            KeyRows.InsertNew(connection, transaction, sealer, descriptor);
        }
    }
}
