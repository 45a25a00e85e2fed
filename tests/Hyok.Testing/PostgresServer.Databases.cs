using System.Security.Cryptography;
using Npgsql;

namespace Hyok.Testing;

/// <summary>A database of its own per test: a new login role with a generated password, owning a new database.</summary>
public sealed partial class PostgresServer
{
    private int _databases;

    /// <summary>Connection string of the superuser to the <c>postgres</c> database (password included; tests only).</summary>
    public string SuperuserConnectionString =>
        $"Host=127.0.0.1;Port={Port};Database=postgres;Username={Superuser};Password={SuperuserPassword};Pooling=false;Timeout=30";

    /// <summary>Creates role and database <c>hyok_N_RANDOM</c>; the role owns the database and has no other rights.</summary>
    /// <param name="encoding">The database's encoding (default: the cluster's, UTF8), e.g. <c>SQL_ASCII</c>.</param>
    public async Task<PostgresDatabase> CreateDatabaseAsync(string? encoding = null)
    {
        string name = $"hyok_{Interlocked.Increment(ref _databases)}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        string password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using var connection = new NpgsqlConnection(SuperuserConnectionString);
        await connection.OpenAsync();

        // Names and password are generated hex, the encoding a test's constant: nothing to quote.
        foreach (var sql in new[] { $"CREATE ROLE {name} LOGIN PASSWORD '{password}'", $"CREATE DATABASE {name} OWNER {name}" + (encoding is null ? "" : $" ENCODING '{encoding}' TEMPLATE template0") })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }

        return new PostgresDatabase(name, name, password, Port) { Server = this };
    }
}
