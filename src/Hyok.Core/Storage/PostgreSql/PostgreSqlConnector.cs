using Npgsql;

namespace Hyok.Storage.PostgreSql;

/// <summary>
/// Connections to Hyok's PostgreSQL database from validated <see cref="PostgreSqlStorageOptions"/>. Every failure to
/// connect becomes one <see cref="HyokStoreException"/> naming the server and user, never the password.
/// </summary>
public sealed class PostgreSqlConnector : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _password;
    private readonly int _timeoutSeconds;

    private PostgreSqlConnector(NpgsqlDataSource dataSource, string password, int timeoutSeconds, string target)
    {
        _dataSource = dataSource;
        _password = password;
        _timeoutSeconds = timeoutSeconds;
        Target = target;
    }

    /// <summary>Where this connects, for messages: <c>host:port/database as user (TLS mode)</c>.</summary>
    public string Target { get; }

    /// <param name="environment">Reads an environment variable (tests pass their own); default: the process environment.</param>
    /// <exception cref="HyokStoreException">The password cannot be read.</exception>
    public static PostgreSqlConnector Create(PostgreSqlStorageOptions options, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        string password = PostgreSqlPassword.Read(options, environment ?? Environment.GetEnvironmentVariable);
        var builder = options.BuildConnectionString(password);
        string target = $"{builder.Host}:{builder.Port}/{builder.Database} as {builder.Username} (SSL mode {builder.SslMode})";
        return new PostgreSqlConnector(NpgsqlDataSource.Create(builder), password, builder.Timeout, target);
    }

    /// <summary>An open connection.</summary>
    /// <exception cref="HyokStoreException">The server is unreachable, refuses the login or the TLS handshake fails.</exception>
    internal async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Security.Authentication.AuthenticationException)
        {
            throw ConnectFailure(e);
        }
    }

    /// <summary>An open connection, synchronously (the store's reads and writes, the watcher thread).</summary>
    /// <exception cref="HyokStoreException">The server is unreachable, refuses the login or the TLS handshake fails.</exception>
    internal NpgsqlConnection Open()
    {
        try
        {
            return _dataSource.OpenConnection();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Security.Authentication.AuthenticationException)
        {
            throw ConnectFailure(e);
        }
    }

    /// <summary>An operator-facing failure "WHAT at TARGET: CAUSE", with the password scrubbed from the cause should a driver ever echo it.</summary>
    internal HyokStoreException Failure(string what, Exception cause)
    {
        var messages = new List<string>();
        for (var e = cause; e is not null && messages.Count < 3; e = e.InnerException)
        {
            if (!messages.Any(m => m.Contains(e.Message.TrimEnd('.'), StringComparison.Ordinal)))
            {
                messages.Add(e.Message);
            }
        }

        string detail = string.Join(": ", messages).Replace(_password, "***", StringComparison.Ordinal);
        return new HyokStoreException($"{what} at {Target}: {detail}");
    }

    private HyokStoreException ConnectFailure(Exception e) =>
        Is<TimeoutException>(e)
            ? new HyokStoreException($"cannot connect to PostgreSQL at {Target}: no answer within {_timeoutSeconds} s (the connection string's Timeout)")
            : Is<System.Security.Authentication.AuthenticationException>(e)
            ? new HyokStoreException($"cannot connect to PostgreSQL at {Target}: the TLS handshake failed, the server's certificate is not trusted "
                + "(check Hyok:Storage:PostgreSql:RootCertificateFile, and that the certificate names the host)")
            : Failure("cannot connect to PostgreSQL", e);

    private static bool Is<T>(Exception? e)
        where T : Exception => e is not null && (e is T || Is<T>(e.InnerException));

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
