using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hyok.Storage;

namespace Hyok.Server.Tls;

/// <summary>
/// Makes a self-signed ECDSA P-256 certificate for the embedded default and for tests. KMS will not
/// trust it (xks-spec.md §8 requires a public CA); it is for local use, the KMS emulator and tests.
/// </summary>
public static class SelfSignedCertificate
{
    public static void WritePemFiles(string certificateFile, string keyFile, TimeProvider timeProvider, params string[] dnsNames)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={dnsNames.FirstOrDefault() ?? "localhost"}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in dnsNames)
        {
            names.AddDnsName(name);
        }

        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = timeProvider.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(2));
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem() + "\n");
        StorageFiles.WritePrivateText(keyFile, key.ExportPkcs8PrivateKeyPem() + "\n");
    }
}
