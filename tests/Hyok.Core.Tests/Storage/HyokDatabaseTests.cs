using System.Runtime.Versioning;
using Microsoft.Data.Sqlite;

namespace Hyok.Storage;

[UnsupportedOSPlatform("windows")]
public sealed class HyokDatabaseTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Open_NewPath_CreatesOwnerOnlyWalDatabaseWithSchema()
    {
        string path = _directory.File("data/hyok.db");
        using var key = MasterKey.Generate();

        using var database = HyokDatabase.Open(path, key);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        using var connection = database.OpenConnection();
        Assert.Equal("wal", Sql.Scalar<string>(connection, null, "PRAGMA journal_mode"));
        Assert.Equal(HyokSchema.CurrentVersion, Sql.Scalar<long>(connection, null, "SELECT max(version) FROM schema_version"));
        Assert.Equal(1, Sql.Scalar<long>(connection, null, "SELECT count(*) FROM keys WHERE id = 'hyok:health'"));
        Assert.Matches("^[0-9a-f]{16}$", database.InstanceId);
    }

    [Fact]
    public void Open_WrongMasterKey_FailsAtOnceWithClearMessage()
    {
        string path = _directory.File("hyok.db");
        using (var key = MasterKey.Generate())
        using (HyokDatabase.Open(path, key))
        {
        }

        using var wrongKey = MasterKey.Generate();
        var error = Assert.Throws<HyokStoreException>(() => HyokDatabase.Open(path, wrongKey));

        Assert.Equal($"The master key does not match the key store at {path}", error.Message);
    }

    [Fact]
    public void Open_Reopened_SameInstanceIdAndHealthKeyKept()
    {
        string path = _directory.File("hyok.db");
        using var key = MasterKey.Generate();
        string first;
        using (var database = HyokDatabase.Open(path, key))
        {
            first = database.InstanceId;
        }

        using var reopened = HyokDatabase.Open(path, key, createIfMissing: false);

        Assert.Equal(first, reopened.InstanceId);
        using var connection = reopened.OpenConnection();
        Assert.Equal(1, Sql.Scalar<long>(connection, null, "SELECT count(*) FROM keys"));
    }

    [Fact]
    public void Open_MissingWithoutCreate_SaysNotFound()
    {
        string path = _directory.File("absent.db");
        using var key = MasterKey.Generate();

        var error = Assert.Throws<HyokStoreException>(() => HyokDatabase.Open(path, key, createIfMissing: false));

        Assert.Equal($"key store database not found: {path}", error.Message);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Open_NotADatabase_ThrowsStoreExceptionNamingThePath()
    {
        string path = _directory.File("hyok.db");
        File.WriteAllBytes(path, System.Security.Cryptography.RandomNumberGenerator.GetBytes(8192));
        using var key = MasterKey.Generate();

        var error = Assert.Throws<HyokStoreException>(() => HyokDatabase.Open(path, key));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NewerSchemaVersion_Refused()
    {
        string path = _directory.File("hyok.db");
        using var key = MasterKey.Generate();
        using (var database = HyokDatabase.Open(path, key))
        using (var connection = database.OpenConnection())
        {
            Sql.Execute(connection, null, "INSERT INTO schema_version (version, applied_at) VALUES (999, 0)");
        }

        var error = Assert.Throws<HyokStoreException>(() => HyokDatabase.Open(path, key));

        Assert.Contains("newer than this Hyok understands", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_CheckValueTampered_ReportedAsMismatch()
    {
        string path = _directory.File("hyok.db");
        using var key = MasterKey.Generate();
        using (var database = HyokDatabase.Open(path, key))
        using (var connection = database.OpenConnection())
        {
            Sql.Execute(connection, null, "UPDATE meta SET value = $v WHERE name = 'check'", ("$v", new byte[45]));
        }

        Assert.Throws<HyokStoreException>(() => HyokDatabase.Open(path, key));
    }

    [Fact]
    public void OpenConnection_FileDeleted_FailsInsteadOfCreatingANewDatabase()
    {
        string path = _directory.File("hyok.db");
        using var key = MasterKey.Generate();
        using var database = HyokDatabase.Open(path, key);
        File.Delete(path);

        Assert.Throws<SqliteException>(() => database.OpenConnection().Dispose());
        Assert.False(File.Exists(path));
    }
}
