namespace Hyok.Storage.PostgreSql;

/// <summary>
/// <c>Hyok:Storage:PostgreSql</c>: where the fleet's shared state lives (docs/configuration.md, docs/deployment.md).
/// The connection string names host, port, database and user; the password never sits in it (or in any configuration
/// file): it comes from <see cref="PasswordFile"/> or the environment variable <see cref="PasswordEnvironmentVariable"/>.
/// </summary>
public sealed partial class PostgreSqlStorageOptions
{
    /// <summary>The environment variable holding the database password; takes precedence over <see cref="PasswordFile"/> when set.</summary>
    public const string PasswordEnvironmentVariable = "HYOK_DB_PASSWORD";

    /// <summary>Connect timeout (seconds) when the connection string sets none: an unreachable server fails fast.</summary>
    public const int DefaultTimeoutSeconds = 10;

    /// <summary>An Npgsql connection string without a password, e.g. <c>Host=db.example;Database=hyok;Username=hyok</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>A file holding the password (one line, mode 0600 or stricter); used when the environment variable is not set.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>
    /// TLS to the database: <c>Disable</c>, <c>Require</c> (encrypted, server not verified), <c>VerifyCA</c> or <c>VerifyFull</c>
    /// (chain and host name). Default: <c>VerifyFull</c>, or <c>Prefer</c> when every host is loopback or a Unix socket.
    /// </summary>
    public string? SslMode { get; set; }

    /// <summary>The CA certificate (PEM) that verifies the server's certificate; default: the system's trusted roots.</summary>
    public string? RootCertificateFile { get; set; }
}
