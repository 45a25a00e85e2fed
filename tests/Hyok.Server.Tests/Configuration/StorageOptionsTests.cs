using Hyok.Server.Configuration;
using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Configuration;

/// <summary><c>Hyok:Storage</c>: binding, paths relative to the file, and the server's checks (docs/configuration.md).</summary>
public sealed class StorageOptionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hyok-storage-options-").FullName;

    [Fact]
    public void Load_NoStorageSection_SqliteAndNoProblems()
    {
        var options = HyokConfiguration.Load(Write("""{ "Hyok": { } }"""));

        Assert.True(options.Storage.IsSqlite);
        Assert.Empty(HyokOptionsValidator.ValidateStorage(options.Storage));
    }

    [Fact]
    public void Load_PostgreSqlSection_BoundWithFilesRelativeToTheConfiguration()
    {
        var options = HyokConfiguration.Load(Write("""
            { "Hyok": { "Storage": { "Provider": "PostgreSQL", "PostgreSql": {
                "ConnectionString": "Host=db.example;Database=hyok;Username=hyok", "PasswordFile": "secrets/db-password",
                "SslMode": "VerifyCA", "RootCertificateFile": "db-ca.pem" } } } }
            """));

        Assert.True(options.Storage.IsPostgreSql);
        Assert.Equal("Host=db.example;Database=hyok;Username=hyok", options.Storage.PostgreSql.ConnectionString);
        Assert.Equal(Path.Combine(_folder, "secrets", "db-password"), options.Storage.PostgreSql.PasswordFile);
        Assert.Equal(Path.Combine(_folder, "db-ca.pem"), options.Storage.PostgreSql.RootCertificateFile);
        Assert.Equal("VerifyCA", options.Storage.PostgreSql.SslMode);
    }

    [Fact]
    public void ValidateStorage_UnknownProvider_Reported()
    {
        var storage = new StorageOptions { Provider = "mysql" };

        Assert.Equal(["Hyok:Storage:Provider 'mysql' is not supported (supported: sqlite, postgresql)."], HyokOptionsValidator.ValidateStorage(storage));
    }

    [Fact]
    public void Validate_PostgreSqlProvider_OptionProblemsPrefixedAndInstanceIdChecked()
    {
        var options = TestConfiguration.Create(_folder);
        options.Storage.Provider = "postgresql";
        options.Storage.InstanceId = "web 1/../x";
        options.Storage.PostgreSql.ConnectionString = "Host=db.example;Database=hyok;Username=hyok;Password=sentinel-pw-2";
        options.Storage.PostgreSql.PasswordFile = Write("x");

        var problems = HyokOptionsValidator.Validate(options);

        Assert.Contains("Hyok:Storage:PostgreSql:ConnectionString must not contain a password: put it in PasswordFile or the environment variable HYOK_DB_PASSWORD.", problems);
        Assert.Contains("Hyok:Storage:InstanceId 'web 1/../x' must be 1-64 characters of A-Z a-z 0-9 . _ -.", problems);
        Assert.DoesNotContain(problems, p => p.Contains("sentinel-pw-2", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_PostgreSqlWithAPolicyFile_RefusedPointingToPolicyPush()
    {
        var options = TestConfiguration.Create(_folder);
        options.Storage.Provider = "postgresql";
        options.Storage.PostgreSql.ConnectionString = "Host=127.0.0.1;Database=hyok;Username=hyok";
        options.Storage.PostgreSql.PasswordFile = Write("x");
        options.KeyStores[0].PolicyFile = "/etc/hyok/alpha.json";

        var problems = HyokOptionsValidator.Validate(options);

        Assert.Contains(problems, p => p.StartsWith("Hyok:KeyStores (alpha): PolicyFile is not used with PostgreSQL storage", StringComparison.Ordinal)
            && p.Contains("hyok policy push --key-store alpha /etc/hyok/alpha.json", StringComparison.Ordinal));
    }

    [Fact]
    public void ResolveInstanceId_NotSet_HostNameAndFirstListenPort()
    {
        var storage = new StorageOptions();

        Assert.Equal($"{System.Net.Dns.GetHostName()}-8443", storage.ResolveInstanceId(["127.0.0.1:0", "0.0.0.0:8443"]));
        Assert.Equal(System.Net.Dns.GetHostName(), storage.ResolveInstanceId(["127.0.0.1:0"]));
        Assert.Equal("web-1", new StorageOptions { InstanceId = "web-1" }.ResolveInstanceId(["0.0.0.0:8443"]));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_folder, "hyok.json");
        File.WriteAllText(path, json);
        return path;
    }
}
