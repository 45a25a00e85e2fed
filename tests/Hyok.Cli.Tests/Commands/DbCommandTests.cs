using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.Commands;

/// <summary><c>hyok db migrate|status</c> as a user runs them, against a real PostgreSQL server (<see cref="PostgresServer"/>).</summary>
public sealed class DbCommandTests(EmbeddedDataFolder data) : IClassFixture<EmbeddedDataFolder>
{
    [Fact]
    public async Task Migrate_PasswordFromFile_AppliesThenSecondRunAppliesNothing()
    {
        var db = await PostgresServer.Shared.CreateDatabaseAsync();
        string config = WriteConfig(db.ConnectionString, passwordFile: db.Password);

        var first = await data.Cli.RunAsync("db", "migrate", "--config", config);
        var second = await data.Cli.RunAsync("db", "migrate", "--config", config);

        CliAssert.Succeeded(first);
        Assert.Contains("Provider:   postgresql\n", first.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Database:   127.0.0.1:{db.Port}/{db.Name} as {db.User} (SSL mode Prefer)\n", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("Applied migration 1 (fleet_tables).\n", first.Stdout, StringComparison.Ordinal);
        CliAssert.Succeeded(second);
        Assert.Contains("Nothing to apply: the schema is at version 4, the latest this Hyok knows.", second.Stdout, StringComparison.Ordinal);
        Assert.Equal(4L, await db.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task Status_PasswordFromEnvironment_ListsAppliedAndPending()
    {
        var db = await PostgresServer.Shared.CreateDatabaseAsync();
        string config = WriteConfig(db.ConnectionString, passwordFile: null);
        var cli = data.Cli.With("HYOK_DB_PASSWORD", db.Password);

        var before = await cli.RunAsync("db", "status", "--config", config);
        CliAssert.Succeeded(await cli.RunAsync("db", "migrate", "--config", config));
        var after = await cli.RunAsync("db", "status", "--config", config);

        CliAssert.Succeeded(before);
        Assert.Matches(@"Server:     PostgreSQL \d+\.\d+", before.Stdout);
        Assert.Contains("Applied:    none\nPending:\n     1  fleet_tables\n     2  store_changes\n     3  instance_heartbeats\n     4  key_managers\n", before.Stdout, StringComparison.Ordinal);
        CliAssert.Succeeded(after);
        Assert.Matches(@"Applied:\n     1  fleet_tables +\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ  sha256:[0-9a-f]{12}\n     2  store_changes +\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ  sha256:[0-9a-f]{12}\n     3  instance_heartbeats +\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ  sha256:[0-9a-f]{12}\n     4  key_managers +\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ  sha256:[0-9a-f]{12}\nPending:    none\n", after.Stdout);
    }

    [Fact]
    public async Task Migrate_ThreeProcessesAtOnce_EachMigrationAppliedExactlyOnce()
    {
        var db = await PostgresServer.Shared.CreateDatabaseAsync();
        string config = WriteConfig(db.ConnectionString, passwordFile: db.Password);

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => data.Cli.RunAsync("db", "migrate", "--config", config)));

        Assert.All(results, CliAssert.Succeeded);
        // Each migration is its own transaction: one process may apply migration 1 and another migration 2.
        Assert.Single(results, r => r.Stdout.Contains("Applied migration 1 (fleet_tables).", StringComparison.Ordinal));
        Assert.Single(results, r => r.Stdout.Contains("Applied migration 2 (store_changes).", StringComparison.Ordinal));
        Assert.Single(results, r => r.Stdout.Contains("Applied migration 3 (instance_heartbeats).", StringComparison.Ordinal));
        Assert.Single(results, r => r.Stdout.Contains("Applied migration 4 (key_managers).", StringComparison.Ordinal));
        Assert.Equal(4L, await db.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task Migrate_WrongPassword_ClearErrorWithoutThePassword()
    {
        var db = await PostgresServer.Shared.CreateDatabaseAsync();
        const string wrong = "sentinel-wrong-db-password-41c9";
        string config = WriteConfig(db.ConnectionString, passwordFile: wrong);

        var result = await data.Cli.RunAsync("db", "migrate", "--config", config);

        CliAssert.UserError(result, $"cannot connect to PostgreSQL at 127.0.0.1:{db.Port}/{db.Name} as {db.User} (SSL mode Prefer): 28P01: password authentication failed");
        Assert.DoesNotContain(wrong, result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_PasswordInConnectionString_RefusedWithoutEchoingIt()
    {
        var db = await PostgresServer.Shared.CreateDatabaseAsync();
        string config = WriteConfig($"{db.ConnectionString};Password={db.Password}", passwordFile: db.Password);

        var result = await data.Cli.RunAsync("db", "migrate", "--config", config);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("  - Hyok:Storage:PostgreSql:ConnectionString must not contain a password: put it in PasswordFile or the environment variable HYOK_DB_PASSWORD.",
            result.StderrLines);
        Assert.DoesNotContain(db.Password, result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_TamperedChecksum_ExitOneNamingTheMigration()
    {
        var db = await PostgresServer.Shared.CreateDatabaseAsync();
        string config = WriteConfig(db.ConnectionString, passwordFile: db.Password);
        CliAssert.Succeeded(await data.Cli.RunAsync("db", "migrate", "--config", config));
        await db.ExecuteAsync("UPDATE schema_migrations SET checksum = repeat('f', 64) WHERE version = 1");

        var status = await data.Cli.RunAsync("db", "status", "--config", config);
        var migrate = await data.Cli.RunAsync("db", "migrate", "--config", config);

        CliAssert.UserError(status, "migration 1 (fleet_tables) was applied with checksum ffff");
        CliAssert.UserError(migrate, "refusing to migrate");
    }

    [Theory]
    [InlineData("migrate")]
    [InlineData("status")]
    public async Task Db_SqliteProvider_SaysSqliteMigratesItself(string command)
    {
        var result = await data.Cli.RunAsync("db", command);

        CliAssert.Succeeded(result);
        Assert.StartsWith($"Provider:   sqlite ({Path.Combine(data.Root, "hyok.db")})\nNothing to do: Hyok creates the SQLite database and applies its schema migrations itself",
            result.Stdout, StringComparison.Ordinal);
    }

    private string WriteConfig(string connectionString, string? passwordFile) => PostgresConfig.Write(data, connectionString, passwordFile);
}
