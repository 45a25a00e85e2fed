using System.Net;
using Hyok.Authentication;
using Hyok.Cli.Commands;
using Hyok.Cli.EmbeddedDefault;
using Hyok.Server.Configuration;

namespace Hyok.Cli.Targets;

/// <summary>
/// Resolves the target: with <c>--url</c>, from the options alone; without, from a configuration (the embedded
/// default unless <c>--config</c>): its first listen address, the key store's path and Region, its first
/// credential with the secret in <c>credentials/STORE.secret</c>, and its server certificate. Options given override.
/// </summary>
internal static class XksTargets
{
    public static XksTarget Resolve(XksTargetOptions given)
    {
        var target = given.Url is null ? FromConfiguration(given) : Explicit(given);
        return CredentialFormat.IsValidAccessKeyId(target.AccessKeyId)
            ? target
            : throw new CliException("--access-key-id must be 20-30 characters of A-Z and 2-7 (xks-spec.md §7.2).");
    }

    private static XksTarget Explicit(XksTargetOptions given)
    {
        if (!Uri.TryCreate(given.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            throw new CliException($"{given.Url} is not an absolute https:// URL (the key store's API base, e.g. https://localhost:8443/keystores/default/kms/xks/v1).");
        }

        return new XksTarget
        {
            ApiUri = url,
            Region = given.Region ?? DataFolder.DefaultRegion,
            AccessKeyId = given.AccessKeyId ?? throw new CliException("An explicit target (--url, --endpoint) needs --access-key-id and --secret-file."),
            Secret = ReadSecret(given.SecretFile ?? throw new CliException("An explicit target (--url, --endpoint) needs --access-key-id and --secret-file.")),
            KeyId = given.KeyId ?? DataFolder.DemoKeyId,
            CaCertificateFile = given.CaCertificateFile,
        };
    }

    private static XksTarget FromConfiguration(XksTargetOptions given)
    {
        using var access = StoreAccess.Open(given.Config);
        var store = access.Options.KeyStores.FirstOrDefault(s => s.Name == access.RequireKeyStore(given.KeyStore))!;
        var folder = new DataFolder(Path.GetDirectoryName(Path.GetFullPath(ConfigLocator.Locate(given.Config)))!);
        var accessKeyId = given.AccessKeyId ?? (access.Store.ListCredentials(store.Name) is [var first, ..] ? first.AccessKeyId : null)
            ?? throw new CliException($"Key store '{store.Name}' has no credential: run `hyok credentials add --key-store {store.Name}`, or pass --access-key-id and --secret-file.");
        return new XksTarget
        {
            ApiUri = new Uri($"https://{Host(access.Options.Server.Listen[0])}{store.PathPrefix}/kms/xks/v1"),
            Region = given.Region ?? store.Region,
            AccessKeyId = accessKeyId,
            Secret = ReadSecret(given.SecretFile ?? folder.SecretFile(store.Name)),
            KeyId = given.KeyId ?? DataFolder.DemoKeyId,
            CaCertificateFile = given.CaCertificateFile ?? access.Options.Server.CertificateFile,
        };
    }

    /// <summary><c>host:port</c> to call for a listen address; a wildcard address is reached as localhost.</summary>
    private static string Host(string listen)
    {
        var endpoint = HyokOptionsValidator.ParseListenAddress(listen);
        if (endpoint is null || endpoint.Port == 0)
        {
            throw new CliException($"Cannot call the listen address '{listen}' of the configuration; pass --url.");
        }

        var address = endpoint.Address;
        return address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) ? $"localhost:{endpoint.Port}" : endpoint.ToString();
    }

    /// <summary>The secret in <paramref name="file"/>, trimmed; a missing or empty file is a <see cref="CliException"/>.</summary>
    internal static string ReadSecret(string file)
    {
        var secret = File.Exists(file)
            ? File.ReadAllText(file).Trim()
            : throw new CliException($"No secret file at {file}; pass --secret-file FILE.");
        return secret.Length > 0 ? secret : throw new CliException($"The secret file {file} is empty.");
    }
}
