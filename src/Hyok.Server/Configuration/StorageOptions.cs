using Hyok.Storage.PostgreSql;

namespace Hyok.Server.Configuration;

/// <summary>
/// Where Hyok's shared state lives (<c>Hyok:Storage</c>): <c>sqlite</c> (default; the file <c>Hyok:Backend:DatabaseFile</c>)
/// or <c>postgresql</c> (<c>Hyok:Storage:PostgreSql</c>), the shared store of a fleet of instances (docs/deployment.md).
/// </summary>
public sealed class StorageOptions
{
    public const string Sqlite = "sqlite";
    public const string PostgreSqlProvider = "postgresql";

    /// <summary><c>sqlite</c> or <c>postgresql</c> (case-insensitive).</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>The PostgreSQL connection, used when <see cref="Provider"/> is <c>postgresql</c>.</summary>
    public PostgreSqlStorageOptions PostgreSql { get; set; } = new();

    /// <summary>
    /// This instance's name in the shared database (PostgreSQL only): its audit hash chain and its heartbeat row. Stable across
    /// restarts (the chain continues), unique in the fleet. Default: the host name, plus <c>-PORT</c> of the first listen address.
    /// </summary>
    public string? InstanceId { get; set; }

    public bool IsPostgreSql => string.Equals(Provider, PostgreSqlProvider, StringComparison.OrdinalIgnoreCase);

    public bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);

    /// <summary><see cref="InstanceId"/>, or the default for a server listening on <paramref name="listen"/>.</summary>
    public string ResolveInstanceId(IEnumerable<string> listen)
    {
        if (!string.IsNullOrWhiteSpace(InstanceId))
        {
            return InstanceId;
        }

        string host = System.Net.Dns.GetHostName();
        string? port = listen.Select(HyokOptionsValidator.ParseListenAddress).FirstOrDefault(a => a is { Port: > 0 })?.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return port is null ? host : $"{host}-{port}";
    }
}
