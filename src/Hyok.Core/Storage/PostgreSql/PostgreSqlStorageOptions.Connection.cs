using System.Net;
using Npgsql;

namespace Hyok.Storage.PostgreSql;

/// <summary>The effective connection settings of valid options: password, TLS mode, root certificate, timeout.</summary>
public sealed partial class PostgreSqlStorageOptions
{
    /// <summary>
    /// The connection string Hyok connects with: <see cref="ConnectionString"/> plus the password, the TLS mode
    /// (<see cref="EffectiveSslMode"/>), the root certificate and a connect timeout unless it sets one.
    /// </summary>
    internal NpgsqlConnectionStringBuilder BuildConnectionString(string password)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Password = password };
        builder.SslMode = EffectiveSslMode(builder.Host);
        if (!string.IsNullOrWhiteSpace(RootCertificateFile))
        {
            builder.RootCertificate = RootCertificateFile;
        }

        if (!new System.Data.Common.DbConnectionStringBuilder { ConnectionString = ConnectionString }.ContainsKey("Timeout"))
        {
            builder.Timeout = DefaultTimeoutSeconds;
        }

        builder.ApplicationName ??= "hyok";
        return builder;
    }

    /// <summary><see cref="SslMode"/> when set; else VerifyFull, or Prefer when every host is loopback or a Unix socket.</summary>
    internal Npgsql.SslMode EffectiveSslMode(string? hosts) =>
        SslMode is not null ? ParseSslMode(SslMode) ?? throw new InvalidOperationException("SslMode was not validated")
        : AllLocal(hosts) ? Npgsql.SslMode.Prefer
        : Npgsql.SslMode.VerifyFull;

    /// <summary>True when every host of a (comma-separated) Host value is a Unix socket folder, localhost or a loopback address.</summary>
    internal static bool AllLocal(string? hosts) =>
        !string.IsNullOrWhiteSpace(hosts) && hosts.Split(',').All(h => IsLocal(h.Trim()));

    private static bool IsLocal(string host)
    {
        if (host.StartsWith('/') || host.StartsWith('@'))
        {
            return true;
        }

        // "[::1]:5432", "127.0.0.1:5432", "localhost".
        string name = host.StartsWith('[') ? host[1..Math.Max(1, host.IndexOf(']', StringComparison.Ordinal))]
            : host.Count(c => c == ':') == 1 ? host[..host.IndexOf(':', StringComparison.Ordinal)]
            : host;
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address));
    }
}
