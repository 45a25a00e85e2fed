using Hyok.Keys;
using Hyok.Server.Configuration;
using Hyok.Storage;
using Hyok.Testing;

namespace Hyok.Server.Tests.Support;

/// <summary>
/// The proxy on the software backend with its state and its audit trail in PostgreSQL (a fresh database on the real test
/// cluster, <see cref="PostgresServer"/>), as each instance of a fleet runs (docs/deployment.md). The password comes from a
/// 0600 file, as in production.
/// </summary>
public sealed class PostgreSqlProxyFixture : ProxyFixture
{
    public const string InstanceId = "test-instance-1";

    public PostgresDatabase Database { get; private set; } = null!;

    public override void CreateKey(string id, string keyStore, KeyUsage usage) => Admin.CreateKey(id, keyStore, usage);

    public override void SetKeyState(string id, KeyState state)
    {
        using var admin = new SeparateAdmin(Options);
        admin.Store.SetState(id, state);
    }

    protected override void ConfigureBackend(HyokOptions options)
    {
        options.Backend.Type = "Software";
        Database = UsePostgreSql(options, Folder, InstanceId);
    }

    /// <summary>
    /// Points <paramref name="options"/> at a fresh database of the test cluster (password in a 0600 file in
    /// <paramref name="folder"/>) and creates the master key file every instance of a fleet shares.
    /// </summary>
    public static PostgresDatabase UsePostgreSql(HyokOptions options, string folder, string instanceId)
    {
        var database = PostgresServer.Shared.CreateDatabaseAsync().GetAwaiter().GetResult();
        string passwordFile = Path.Combine(folder, "db-password");
        StorageFiles.WritePrivateText(passwordFile, database.Password);
        MasterKey.CreateFile(options.Backend.MasterKeyFile!).Dispose();
        options.Storage.Provider = StorageOptions.PostgreSqlProvider;
        options.Storage.InstanceId = instanceId;
        options.Storage.PostgreSql.ConnectionString = database.ConnectionString;
        options.Storage.PostgreSql.PasswordFile = passwordFile;
        return database;
    }
}
