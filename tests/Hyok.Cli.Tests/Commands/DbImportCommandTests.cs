using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.Commands;

/// <summary><c>hyok db import-sqlite</c>: the embedded default's store moved into PostgreSQL, as a user moves to a fleet.</summary>
public sealed class DbImportCommandTests
{
    [Fact]
    public async Task ImportSqlite_EmbeddedDefaultIntoNewDatabase_KeysAndCredentialsServedFromPostgreSql()
    {
        using var data = new EmbeddedDataFolder();
        var db = await PostgresServer.Shared.CreateDatabaseAsync();
        var onPostgreSql = data.Cli
            .With("Hyok__Storage__Provider", "postgresql")
            .With("Hyok__Storage__PostgreSql__ConnectionString", db.ConnectionString)
            .With("HYOK_DB_PASSWORD", db.Password);
        var sqliteKeys = await data.Cli.RunAsync("keys", "list");

        var import = await onPostgreSql.RunAsync("db", "import-sqlite");
        var again = await onPostgreSql.RunAsync("db", "import-sqlite");
        var postgreSqlKeys = await onPostgreSql.RunAsync("keys", "list");
        var credentials = await onPostgreSql.RunAsync("credentials", "list");

        CliAssert.Succeeded(import);
        Assert.Contains($"From:       {Path.Combine(data.Root, "hyok.db")}\n", import.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Into:       127.0.0.1:{db.Port}/{db.Name} as {db.User}", import.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"  credentials +1 rows\n", import.Stdout);
        CliAssert.UserError(again, "is not empty");
        CliAssert.Succeeded(postgreSqlKeys);
        Assert.Equal(sqliteKeys.Stdout, postgreSqlKeys.Stdout);
        Assert.Contains(data.DefaultCredential.AccessKeyId, credentials.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(db.Password, import.Stdout + import.Stderr + again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportSqlite_SqliteStorageConfigured_UsageErrorNamingTheProvider()
    {
        using var data = new EmbeddedDataFolder();

        var result = await data.Cli.RunAsync("db", "import-sqlite");

        CliAssert.UserError(result, "import-sqlite copies a SQLite store INTO PostgreSQL storage");
    }
}
