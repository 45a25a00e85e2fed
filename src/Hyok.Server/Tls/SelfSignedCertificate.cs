using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hyok.Storage;

namespace Hyok.Server.Tls;

/// <summary>
/// Makes a self-signed certificate (ECDSA P-256 for two years unless told otherwise) for the embedded default,
/// <c>hyok cert self-signed</c> and tests. KMS will not trust it (xks-spec.md §8 requires a public CA); it is
/// for local use, the KMS emulator and tests. Its names: the DNS names and 127.0.0.1.
/// </summary>
public static class SelfSignedCertificate
{
    public const int DefaultDays = 730;

    public static void WritePemFiles(string certificateFile, string keyFile, TimeProvider timeProvider, params string[] dnsNames) =>
        WritePemFiles(certificateFile, keyFile, timeProvider, CertificateKeySpec.EcdsaP256, DefaultDays, dnsNames);

    /// <summary>
    /// Writes the certificate (valid from a day ago, for clock skew, until <paramref name="days"/> days from now) and its
    /// key as PKCS#8 PEM, mode 0600; fails if the key file exists.
    /// </summary>
    public static void WritePemFiles(
        string certificateFile, string keyFile, TimeProvider timeProvider, CertificateKeySpec keySpec, int days, IReadOnlyList<string> dnsNames)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(keySpec);
        ArgumentNullException.ThrowIfNull(dnsNames);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        using var key = keySpec.CreateKey();
        var request = keySpec.NewRequest(new X500DistinguishedName($"CN={(dnsNames.Count > 0 ? dnsNames[0] : "localhost")}"), key);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in dnsNames)
        {
            names.AddDnsName(name);
        }

        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        var usage = keySpec.IsRsa ? X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment : X509KeyUsageFlags.DigitalSignature;
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = timeProvider.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(days));
        StorageFiles.WritePrivateText(keyFile, key.ExportPkcs8PrivateKeyPem() + "\n");
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem() + "\n");
    }
}
