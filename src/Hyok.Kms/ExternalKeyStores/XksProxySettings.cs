using System.Text;

namespace Hyok.Kms.ExternalKeyStores;

/// <summary>
/// How the emulator reaches one external key store's proxy: the key store's <c>XksProxyUriEndpoint</c> and
/// <c>XksProxyUriPath</c> (xks-spec.md §2.1), its authentication credential (§7.2), the Region KMS signs with, and
/// which certificates it trusts (§8). Real KMS trusts only the public CAs of the XKS trust list; the emulator trusts a
/// configurable PEM bundle, in addition to the system roots or instead of them.
/// <see cref="object.ToString"/> redacts the secret.
/// </summary>
/// <param name="UriEndpoint"><c>https://host[:port]</c>; the port is an emulator extension (KMS always uses 443).</param>
/// <param name="UriPath"><c>[/prefix]/kms/xks/v1</c>.</param>
/// <param name="AccessKeyId">The credential's access key id.</param>
/// <param name="Secret">The credential's raw secret access key.</param>
/// <param name="Region">The Region of the key store, used in the SigV4 scope.</param>
/// <param name="CaBundleFile">A PEM file of certificates to trust as roots; null: the system roots only.</param>
/// <param name="TrustSystemRoots">Whether the system roots are trusted too (the default), or only the bundle.</param>
/// <param name="ClientCertificateFile">PEM client certificate (leaf, then intermediates) presented to a proxy requiring mutual TLS (§7.5); null: none.</param>
/// <param name="ClientCertificateKeyFile">PEM private key of <paramref name="ClientCertificateFile"/>.</param>
public sealed record XksProxySettings(
    string UriEndpoint,
    string UriPath,
    string AccessKeyId,
    string Secret,
    string Region,
    string? CaBundleFile = null,
    bool TrustSystemRoots = true,
    string? ClientCertificateFile = null,
    string? ClientCertificateKeyFile = null)
{
    /// <summary>The endpoint as a URI.</summary>
    public Uri EndpointUri => new(UriEndpoint, UriKind.Absolute);

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("UriEndpoint = ").Append(UriEndpoint)
            .Append(", UriPath = ").Append(UriPath)
            .Append(", AccessKeyId = ").Append(AccessKeyId)
            .Append(", Secret = (redacted), Region = ").Append(Region)
            .Append(", CaBundleFile = ").Append(CaBundleFile)
            .Append(", TrustSystemRoots = ").Append(TrustSystemRoots)
            .Append(", ClientCertificateFile = ").Append(ClientCertificateFile)
            .Append(", ClientCertificateKeyFile = ").Append(ClientCertificateKeyFile);
        return true;
    }
}
