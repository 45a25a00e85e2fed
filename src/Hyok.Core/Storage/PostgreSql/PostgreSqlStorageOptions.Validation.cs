using System.Data.Common;
using Npgsql;

namespace Hyok.Storage.PostgreSql;

/// <summary>Checks of <c>Hyok:Storage:PostgreSql</c>; every problem at once, each starting with the option it is about.</summary>
public sealed partial class PostgreSqlStorageOptions
{
    /// <summary>The supported <see cref="SslMode"/> values.</summary>
    public static readonly IReadOnlyList<string> SslModes = ["Disable", "Require", "VerifyCA", "VerifyFull"];

    private static readonly string[] PasswordKeys = ["Password", "PWD", "PSW"];
    private static readonly string[] SslModeKeys = ["SSL Mode", "SslMode"];
    private static readonly string[] RootCertificateKeys = ["Root Certificate", "RootCertificate"];

    /// <param name="environment">Reads an environment variable (tests pass their own); default: the process environment.</param>
    public IReadOnlyList<string> Validate(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var problems = new List<string>();
        ValidateConnectionString(problems);
        ValidateHeartbeat(problems);
        if (SslMode is not null && ParseSslMode(SslMode) is null)
        {
            problems.Add($"SslMode '{SslMode}' is not one of {string.Join(", ", SslModes)}.");
        }

        if (!string.IsNullOrWhiteSpace(RootCertificateFile) && !File.Exists(RootCertificateFile))
        {
            problems.Add($"RootCertificateFile: file not found: {RootCertificateFile}");
        }

        if (environment(PasswordEnvironmentVariable) is null)
        {
            if (string.IsNullOrWhiteSpace(PasswordFile))
            {
                problems.Add($"PasswordFile is required when the environment variable {PasswordEnvironmentVariable} is not set.");
            }
            else if (!File.Exists(PasswordFile))
            {
                problems.Add($"PasswordFile: file not found: {PasswordFile}");
            }
        }

        return problems;
    }

    /// <summary>The Npgsql mode of a <see cref="SslModes"/> value (case-insensitive), else null.</summary>
    internal static Npgsql.SslMode? ParseSslMode(string value) =>
        SslModes.FirstOrDefault(m => m.Equals(value, StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<Npgsql.SslMode>(name)
            : null;

    private void ValidateConnectionString(List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            problems.Add("ConnectionString is required when Hyok:Storage:Provider is postgresql.");
            return;
        }

        // Npgsql's messages name keywords and positions, never values.
        NpgsqlConnectionStringBuilder builder;
        var keys = new DbConnectionStringBuilder();
        try
        {
            keys.ConnectionString = ConnectionString;
            builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        }
        catch (ArgumentException e)
        {
            problems.Add($"ConnectionString is not a valid PostgreSQL (Npgsql) connection string: {e.Message}");
            return;
        }

        Refuse(keys, PasswordKeys, $"ConnectionString must not contain a password: put it in PasswordFile or the environment variable {PasswordEnvironmentVariable}.", problems);
        Refuse(keys, SslModeKeys, "ConnectionString must not set SSL Mode: use Hyok:Storage:PostgreSql:SslMode.", problems);
        Refuse(keys, RootCertificateKeys, "ConnectionString must not set Root Certificate: use Hyok:Storage:PostgreSql:RootCertificateFile.", problems);
        foreach (var (value, keyword) in new[] { (builder.Host, "Host"), (builder.Database, "Database"), (builder.Username, "Username") })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"ConnectionString must set {keyword}.");
            }
        }
    }

    private static void Refuse(DbConnectionStringBuilder keys, string[] names, string problem, List<string> problems)
    {
        if (names.Any(keys.ContainsKey))
        {
            problems.Add(problem);
        }
    }
}
