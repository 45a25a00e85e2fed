using Hyok.Storage.PostgreSql;

namespace Hyok.Cli.Tests.Support;

/// <summary>A configuration whose <c>Hyok:Storage</c> is a fresh (optionally migrated) database of <see cref="PostgresServer"/>,
/// and a connector for the test's own writes (audit chains, heartbeats) to it.</summary>
internal sealed class PostgresConfig : IAsyncDisposable
{
    private PostgresConfig(PostgresDatabase database, string configFile, PostgreSqlConnector connector) =>
        (Database, ConfigFile, Connector) = (database, configFile, connector);

    public PostgresDatabase Database { get; }

    public string ConfigFile { get; }

    public PostgreSqlConnector Connector { get; }

    public static async Task<PostgresConfig> CreateMigratedAsync(EmbeddedDataFolder data)
    {
        var database = await PostgresServer.Shared.CreateDatabaseAsync();
        string config = Write(data, database.ConnectionString, database.Password);
        var connector = PostgreSqlConnector.Create(new PostgreSqlStorageOptions { ConnectionString = database.ConnectionString },
            name => name == PostgreSqlStorageOptions.PasswordEnvironmentVariable ? database.Password : null);
        await new PostgreSqlMigrator(connector, TimeProvider.System).MigrateAsync();
        return new PostgresConfig(database, config, connector);
    }

    /// <summary>A configuration with only <c>Hyok:Storage</c> (postgresql); the password, when given, in a 0600 file beside it (relative path).</summary>
    public static string Write(EmbeddedDataFolder data, string connectionString, string? passwordFile)
    {
        string folder = Directory.CreateDirectory(data.Scratch("db-" + Guid.NewGuid().ToString("N"))).FullName;
        string passwordLine = "";
        if (passwordFile is not null)
        {
            string file = Path.Combine(folder, "db-password");
            File.WriteAllText(file, passwordFile + "\n");
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            passwordLine = """, "PasswordFile": "db-password" """;
        }

        string config = Path.Combine(folder, "hyok.json");
        File.WriteAllText(config, $$"""
            { "Hyok": { "Storage": { "Provider": "postgresql", "PostgreSql": { "ConnectionString": "{{connectionString}}"{{passwordLine}} } } } }
            """);
        return config;
    }

    public ValueTask DisposeAsync() => Connector.DisposeAsync();
}
