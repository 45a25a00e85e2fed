using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hyok.Kms.ExternalKeyStores;

/// <summary>
/// Which server certificates the emulator accepts from a proxy (xks-spec.md §8). Real KMS accepts only chains to the
/// public CAs of the XKS trust list; the emulator accepts chains to the system roots (unless turned off) or to the
/// certificates of a PEM bundle (e.g. a self-signed proxy certificate, or a private root). The host name must always
/// match, and the certificate must be valid now.
/// </summary>
internal sealed class XksProxyTrust
{
    private readonly X509Certificate2Collection _bundle;
    private readonly bool _trustSystemRoots;
    private readonly TimeProvider _time;

    private XksProxyTrust(X509Certificate2Collection bundle, bool trustSystemRoots, TimeProvider time)
    {
        _bundle = bundle;
        _trustSystemRoots = trustSystemRoots;
        _time = time;
    }

    /// <summary>Reads the bundle of <paramref name="settings"/>, failing now (not on the first call) when it cannot be read.</summary>
    /// <exception cref="InvalidOperationException">The bundle is missing, unreadable or holds no certificate.</exception>
    public static XksProxyTrust Load(XksProxySettings settings, TimeProvider time)
    {
        var bundle = new X509Certificate2Collection();
        if (settings.CaBundleFile is { } file)
        {
            try
            {
                bundle.ImportFromPemFile(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
            {
                throw new InvalidOperationException($"Cannot read the CA bundle '{file}': {e.Message}", e);
            }

            if (bundle.Count == 0)
            {
                throw new InvalidOperationException($"The CA bundle '{file}' holds no PEM certificate.");
            }
        }

        return new XksProxyTrust(bundle, settings.TrustSystemRoots, time);
    }

    /// <summary>The TLS validation callback.</summary>
    public bool Accepts(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        if (errors == SslPolicyErrors.None && _trustSystemRoots)
        {
            return true;
        }

        return _bundle.Count > 0 && ChainsToBundle(certificate, chain);
    }

    private bool ChainsToBundle(X509Certificate certificate, X509Chain? presented)
    {
        using var leaf = new X509Certificate2(certificate);
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_bundle);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.VerificationTime = _time.GetUtcNow().UtcDateTime;
        if (presented is not null)
        {
            custom.ChainPolicy.ExtraStore.AddRange(presented.ChainPolicy.ExtraStore);
            foreach (var element in presented.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return custom.Build(leaf);
    }
}
