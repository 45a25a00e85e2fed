using System.CommandLine;
using Hyok.Cli.Targets;

namespace Hyok.Cli.Commands;

/// <summary>The options that say as whom and with which key to call a key store, shared by <c>hyok bench</c> and <c>hyok test</c>.</summary>
internal sealed class TargetOptions
{
    public Option<string?> Region { get; } = new("--region") { Description = "SigV4 Region. Default: us-east-1, or the key store's Region from the configuration." };

    public Option<string?> AccessKeyId { get; } = new("--access-key-id") { Description = "SigV4 access key id. Default: the key store's first credential." };

    public Option<string?> SecretFile { get; } = new("--secret-file") { Description = "File holding the secret access key. Default: credentials/STORE.secret beside the configuration." };

    public Option<string?> KeyId { get; } = new("--key-id") { Description = "External key id (enabled, encrypt and decrypt). Default: demo-key." };

    public Option<string?> CaCert { get; } = new("--cacert") { Description = "Trust exactly the certificate(s) in this PEM file. Default: the configuration's server certificate when the target comes from the configuration, else the system's trust." };

    public Option<string?> Config { get; } = CommonOptions.Config();

    public Option<string> KeyStore { get; } = CommonOptions.KeyStore();

    public IEnumerable<Option> All => [Region, AccessKeyId, SecretFile, KeyId, CaCert, KeyStore, Config];

    /// <summary>The target as given; <paramref name="url"/> is the key store's API base, null to take it from the configuration.</summary>
    public XksTargetOptions Target(ParseResult result, string? url) => new(
        url, result.GetValue(Region), result.GetValue(AccessKeyId), result.GetValue(SecretFile),
        result.GetValue(KeyId), result.GetValue(CaCert), result.GetValue(Config), result.GetValue(KeyStore)!);
}
