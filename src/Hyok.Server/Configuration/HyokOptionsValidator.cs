using System.Net;
using System.Text.RegularExpressions;
using Hyok.Server.Tls;

namespace Hyok.Server.Configuration;

/// <summary>Checks a whole configuration and reports every problem at once (ARCHITECTURE.md §3.6).</summary>
public static partial class HyokOptionsValidator
{
    public static IReadOnlyList<string> Validate(HyokOptions options)
    {
        var problems = new List<string>();
        ValidateServer(options.Server, problems);
        ValidateConnections(options.Server.Connections, problems);
        ValidateLimits(options, problems);
        ValidateOverload(options.Limits, problems);
        ValidateBackend(options.Backend, problems);
        ValidateStorageForServer(options.Storage, options.KeyStores, problems);
        ValidateKeyStores(options.KeyStores, problems);
        ValidateAudit(options.Audit, problems);
        ValidateObservability(options, problems);
        return problems;
    }

    /// <summary>Parses <c>IP:port</c> or <c>localhost:port</c>; null when malformed.</summary>
    public static IPEndPoint? ParseListenAddress(string value)
    {
        const string localhost = "localhost:";
        if (value.StartsWith(localhost, StringComparison.OrdinalIgnoreCase))
        {
            return int.TryParse(value.AsSpan(localhost.Length), out var port) && port is >= 0 and <= 65535
                ? new IPEndPoint(IPAddress.Loopback, port)
                : null;
        }

        // Port 0 asks for any free port (tests); a port must be written out.
        var hasPort = value.LastIndexOf(':') > value.LastIndexOf(']') && !value.EndsWith(':') && (value.StartsWith('[') || value.Count(c => c == ':') == 1);
        return hasPort && IPEndPoint.TryParse(value, out var endpoint) ? endpoint : null;
    }

    private static void ValidateServer(ServerOptions server, List<string> problems)
    {
        foreach (var address in server.Listen.Where(a => ParseListenAddress(a) is null))
        {
            problems.Add($"Hyok:Server:Listen: '{address}' is not IP:port or localhost:port.");
        }

        var certificateFound = RequireFile(server.CertificateFile, "Hyok:Server:CertificateFile", problems);
        var keyFound = RequireFile(server.CertificateKeyFile, "Hyok:Server:CertificateKeyFile", problems);
        if (certificateFound && keyFound && ServerCertificate.Check(server.CertificateFile!, server.CertificateKeyFile!, TimeProvider.System) is { } certificateProblem)
        {
            problems.Add($"Hyok:Server:CertificateFile: {certificateProblem}");
        }

        ValidateTls(server.Tls, problems);

        if (server.PingPath.Length > 0 && !server.PingPath.StartsWith('/'))
        {
            problems.Add("Hyok:Server:PingPath must be empty or start with '/'.");
        }

        Range(server.MaxRequestBodyBytes, 32768, 16 * 1024 * 1024, "Hyok:Server:MaxRequestBodyBytes", problems);
        Range(server.BackendTimeoutMilliseconds, 1, 60000, "Hyok:Server:BackendTimeoutMilliseconds", problems);
    }

    private static void ValidateLimits(HyokOptions options, List<string> problems)
    {
        Range(options.Limits.MaxPlaintextBytes, 4300, 1024 * 1024, "Hyok:Limits:MaxPlaintextBytes", problems);
        Range(options.Limits.MaxAadBytes, 8192, 65535, "Hyok:Limits:MaxAadBytes", problems);
        Range(options.Health.FleetSize, 1, 10000, "Hyok:Health:FleetSize", problems);
        Range(options.Health.CacheSeconds, 1, 60, "Hyok:Health:CacheSeconds", problems);
    }

    private static void ValidateBackend(BackendOptions backend, List<string> problems)
    {
        if (backend.IsPkcs11)
        {
            problems.AddRange(backend.Pkcs11.Validate().Select(p => $"Hyok:Backend:Pkcs11: {p}"));
        }
        else if (!string.Equals(backend.Type, BackendOptions.Software, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"Hyok:Backend:Type '{backend.Type}' is not supported (supported: Software, Pkcs11).");
        }

        if (string.IsNullOrWhiteSpace(backend.DatabaseFile))
        {
            problems.Add("Hyok:Backend:DatabaseFile is required.");
        }

        if (string.IsNullOrWhiteSpace(backend.MasterKeyFile) && Environment.GetEnvironmentVariable(backend.MasterKeyEnvironmentVariable) is null)
        {
            problems.Add($"No master key: set Hyok:Backend:MasterKeyFile or the environment variable {backend.MasterKeyEnvironmentVariable}.");
        }
    }

    private static bool RequireFile(string? path, string name, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            problems.Add($"{name} is required.");
            return false;
        }

        if (!File.Exists(path))
        {
            problems.Add($"{name}: file not found: {path}");
            return false;
        }

        return true;
    }

    private static void Range(int value, int min, int max, string name, List<string> problems)
    {
        if (value < min || value > max)
        {
            problems.Add($"{name} must be between {min} and {max} (is {value}).");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex StoreNamePattern();

    [GeneratedRegex("^(/[A-Za-z0-9_-]+)*$")]
    private static partial Regex PathPrefixPattern();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionPattern();
}
