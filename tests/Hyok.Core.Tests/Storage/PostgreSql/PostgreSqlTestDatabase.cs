namespace Hyok.Storage.PostgreSql;

/// <summary>A fresh database on the shared test cluster and Hyok's options for it (password given through the environment function).</summary>
internal sealed class PostgreSqlTestDatabase
{
    private PostgreSqlTestDatabase(PostgresDatabase database) => Database = database;

    public PostgresDatabase Database { get; }

    public PostgreSqlStorageOptions Options => new() { ConnectionString = Database.ConnectionString };

    public static async Task<PostgreSqlTestDatabase> CreateAsync(string? encoding = null) => new(await PostgresServer.Shared.CreateDatabaseAsync(encoding));

    /// <summary>An environment with only <c>HYOK_DB_PASSWORD</c> set, to <paramref name="password"/>.</summary>
    public static Func<string, string?> PasswordEnvironment(string password) =>
        name => name == PostgreSqlStorageOptions.PasswordEnvironmentVariable ? password : null;

    public PostgreSqlConnector Connector(PostgreSqlStorageOptions? options = null) =>
        PostgreSqlConnector.Create(options ?? Options, PasswordEnvironment(Database.Password));

    public PostgreSqlMigrator Migrator(PostgreSqlConnector connector) => new(connector, TimeProvider.System);

    /// <summary>The tables of the public schema, sorted.</summary>
    public async Task<List<string>> TablesAsync()
    {
        await using var connection = await Database.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
