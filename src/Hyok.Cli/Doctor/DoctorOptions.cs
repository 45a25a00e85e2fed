using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hyok.Cli.Commands;
using Hyok.Cli.EmbeddedDefault;
using Hyok.Cli.Targets;

namespace Hyok.Cli.Doctor;

/// <summary>The options of <c>hyok doctor</c>: the key store as it will be configured in KMS, and how to reach it from here.</summary>
internal sealed class DoctorOptions
{
    public Option<string> Endpoint { get; } = new("--endpoint") { Required = true, Description = "XksProxyUriEndpoint as it will be given to KMS, e.g. https://xks.example.com." };

    public Option<string?> Prefix { get; } = new("--prefix") { Description = "The path prefix before /kms/xks/v1 (XksProxyUriPath without it), e.g. /keystores/default. Default: none." };

    public Option<string> AccessKeyId { get; } = new("--access-key-id") { Required = true, Description = "The access key id of the credential KMS will sign with." };

    public Option<string> SecretFile { get; } = new("--secret-file") { Required = true, Description = "File holding that credential's secret access key." };

    public Option<string?> Region { get; } = new("--region") { Description = "The key store's AWS Region (SigV4 scope). Default: us-east-1." };

    public Option<string?> KeyId { get; } = new("--key-id") { Description = "An external key to check as CreateKey would (AES_256, ENCRYPT and DECRYPT, ENABLED). Default: not checked." };

    public Option<string?> Connect { get; } = new("--connect") { Description = "HOST:PORT to connect to instead of the endpoint (like curl --connect-to); name, SNI and certificate checks stay the endpoint's." };

    public Option<string?> CaFile { get; } = new("--ca-file") { Description = "PEM file of a private CA to trust besides the system roots (the chain check then warns: KMS needs a public CA)." };

    public Option<double> Timeout { get; } = new("--timeout") { DefaultValueFactory = _ => 5, Description = "Seconds to wait for any one connect, handshake or call." };

    public Option<bool> Json { get; } = new("--json") { Description = "Print a JSON report instead of the table." };

    public IEnumerable<Option> All => [Endpoint, Prefix, AccessKeyId, SecretFile, Region, KeyId, Connect, CaFile, Timeout, Json];

    /// <exception cref="CliException">An option cannot be used (unreadable file, malformed --connect, timeout out of range).</exception>
    public DoctorTarget Target(ParseResult parsed)
    {
        var prefix = parsed.GetValue(Prefix) ?? string.Empty;
        var timeout = parsed.GetValue(Timeout);
        return new DoctorTarget
        {
            Endpoint = parsed.GetValue(Endpoint)!,
            UriPath = prefix.EndsWith("/kms/xks/v1", StringComparison.Ordinal) ? prefix : prefix.TrimEnd('/') + "/kms/xks/v1",
            Region = parsed.GetValue(Region) ?? DataFolder.DefaultRegion,
            AccessKeyId = parsed.GetValue(AccessKeyId)!,
            Secret = XksTargets.ReadSecret(parsed.GetValue(SecretFile)!),
            KeyId = parsed.GetValue(KeyId),
            CaFile = parsed.GetValue(CaFile) is { } ca ? CheckCaFile(ca) : null,
            ConnectTo = parsed.GetValue(Connect) is { } connect ? ParseConnect(connect) : null,
            Timeout = timeout is > 0 and <= 300 ? TimeSpan.FromSeconds(timeout) : throw new CliException("--timeout must be between 0 and 300 seconds."),
        };
    }

    private static DnsEndPoint ParseConnect(string value) =>
        Uri.TryCreate($"tcp://{value}", UriKind.Absolute, out var uri) && uri.Port > 0 && uri.PathAndQuery == "/" && uri.UserInfo.Length == 0
            ? new DnsEndPoint(uri.IdnHost.Trim('[', ']'), uri.Port)
            : throw new CliException($"--connect {value} is not HOST:PORT (e.g. 127.0.0.1:8443).");

    private static string CheckCaFile(string file)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPemFile(file);
        }
        catch (CryptographicException e)
        {
            throw new CliException($"--ca-file {file}: not a PEM certificate file ({e.Message}).");
        }

        return certificates.Count > 0 ? file : throw new CliException(string.Create(CultureInfo.InvariantCulture, $"--ca-file {file}: no certificate in the file."));
    }
}
