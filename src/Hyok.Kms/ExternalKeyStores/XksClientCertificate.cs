using Hyok.Server.Tls;

namespace Hyok.Kms.ExternalKeyStores;

/// <summary>
/// The client certificate the emulator presents to a proxy that requires mutual TLS (xks-spec.md §7.5), read from PEM
/// files with the proxy's own <see cref="ServerCertificate"/> loader (leaf first, then intermediates; key must match).
/// </summary>
internal static class XksClientCertificate
{
    /// <summary>The certificate of <paramref name="settings"/>, or null when none is configured; read once per caller.</summary>
    /// <exception cref="InvalidOperationException">A file is unreadable or malformed, or the key does not match (message names files, never key material).</exception>
    public static ServerCertificate? Load(XksProxySettings settings)
    {
        if (settings.ClientCertificateFile is not { } certificateFile)
        {
            return null;
        }

        string keyFile = settings.ClientCertificateKeyFile
            ?? throw new InvalidOperationException($"The client certificate '{certificateFile}' has no key file.");
        try
        {
            return ServerCertificate.Load(certificateFile, keyFile);
        }
        catch (ServerCertificateException e)
        {
            throw new InvalidOperationException($"Cannot use the XKS client certificate: {e.Message}", e);
        }
    }
}
