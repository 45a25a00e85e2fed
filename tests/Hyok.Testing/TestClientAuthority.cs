using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hyok.Testing;

/// <summary>A test root CA (ECDSA P-256) that issues client certificates, as Amazon Trust Services does for KMS (xks-spec.md §7.5).</summary>
public sealed class TestClientAuthority : IDisposable
{
    public const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";
    public const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

    private TestClientAuthority(X509Certificate2 root) => Root = root;

    public X509Certificate2 Root { get; }

    public static TestClientAuthority Create(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        return new TestClientAuthority(request.CreateSelfSigned(now.AddDays(-60), now.AddYears(2)));
    }

    /// <summary>A client certificate (with its key) for <paramref name="commonName"/> and an optional DNS SAN, valid over the given days from now.</summary>
    public X509Certificate2 Issue(string commonName, string? dnsName = null, int fromDays = -1, int toDays = 30, string usage = ClientAuthentication)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = ClientRequest(commonName, dnsName, key, usage);
        var now = DateTimeOffset.UtcNow;
        using var issued = request.Create(Root, now.AddDays(fromDays), now.AddDays(toDays), RandomNumberGenerator.GetBytes(16));
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>A self-signed certificate with the right name: no CA vouches for it.</summary>
    public static X509Certificate2 SelfSigned(string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var now = DateTimeOffset.UtcNow;
        return ClientRequest(commonName, null, key, ClientAuthentication).CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
    }

    /// <summary>Writes a certificate and its key as PEM, for <c>openssl s_client -cert -key</c>.</summary>
    public static void WritePem(X509Certificate2 certificate, string certificateFile, string keyFile)
    {
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem() + "\n");
        File.WriteAllText(keyFile, certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem() + "\n");
    }

    public void Dispose() => Root.Dispose();

    private static CertificateRequest ClientRequest(string commonName, string? dnsName, ECDsa key, string usage)
    {
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        if (dnsName is not null)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName(dnsName);
            request.CertificateExtensions.Add(names.Build());
        }

        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        return request;
    }
}
