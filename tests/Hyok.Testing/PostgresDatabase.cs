using Npgsql;

namespace Hyok.Testing;

/// <summary>A test's own database on <see cref="PostgresServer"/>, owned by a role of the same name.</summary>
public sealed record PostgresDatabase(string Name, string User, string Password, int Port)
{
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
}
