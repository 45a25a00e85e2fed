using Npgsql;

namespace Hyok.Testing;

/// <summary>A test's own database on <see cref="PostgresServer"/>, owned by a role of the same name.</summary>
public sealed record PostgresDatabase(string Name, string User, string Password, int Port)
{
    /// <summary>The cluster the database is on (<see cref="PostgresServer.Shared"/> or a private one).</summary>
    public PostgresServer Server { get; init; } = null!;

    /// <summary>The connection string as Hyok's configuration holds it: no password.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Database={Name};Username={User}";

    /// <summary>An open connection as the owner, for the test's own checks.</summary>
    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection($"{ConnectionString};Password={Password};Pooling=false");
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The first column of the first row of <paramref name="sql"/>.</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Runs <paramref name="sql"/> as the owner.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>As the cluster's superuser: lets this database's role log in or not, and ends its sessions (the database "goes away").</summary>
    public async Task SetReachableAsync(bool reachable)
    {
        await using var connection = new NpgsqlConnection(Server.SuperuserConnectionString);
        await connection.OpenAsync();
        foreach (var sql in reachable
            ? new[] { $"ALTER ROLE {User} LOGIN" }
            : [$"ALTER ROLE {User} NOLOGIN", $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{User}'"])
        {
            // The role is a generated hex name: nothing to quote.
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
