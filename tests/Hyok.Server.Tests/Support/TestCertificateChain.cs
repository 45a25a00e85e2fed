using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hyok.Server.Tests.Support;

/// <summary>
/// A root CA → intermediate CA → leaf chain as a public CA issues it: the leaf is RSA 2048 for
/// <c>localhost</c> and 127.0.0.1; the CAs are ECDSA P-256. Only the root is a trust anchor.
/// </summary>
public sealed class TestCertificateChain : IDisposable
{
    private readonly RSA _leafKey;

    private TestCertificateChain(X509Certificate2 root, X509Certificate2 intermediate, X509Certificate2 leaf, RSA leafKey)
    {
        Root = root;
        Intermediate = intermediate;
        Leaf = leaf;
        _leafKey = leafKey;
    }

    public X509Certificate2 Root { get; }

    public X509Certificate2 Intermediate { get; }

    public X509Certificate2 Leaf { get; }

    public static TestCertificateChain Create()
    {
        var now = DateTimeOffset.UtcNow;
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rootRequest = CaRequest("CN=Hyok Test Root CA", rootKey, pathLength: 1);
        var root = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));

        using var intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var intermediateRequest = CaRequest("CN=Hyok Test Intermediate CA", intermediateKey, pathLength: 0);
        intermediateRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
        using var intermediatePublic = intermediateRequest.Create(root, now.AddDays(-1), now.AddYears(3), RandomNumberGenerator.GetBytes(16));
        var intermediate = intermediatePublic.CopyWithPrivateKey(intermediateKey);

        var leafKey = RSA.Create(2048);
        var leafRequest = new CertificateRequest("CN=localhost", leafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        leafRequest.CertificateExtensions.Add(names.Build());
        leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        leafRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        leafRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        leafRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(leafRequest.PublicKey, false));
        leafRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(intermediate, true, false));
        var signer = X509SignatureGenerator.CreateForECDsa(intermediateKey);
        var leaf = leafRequest.Create(intermediate.SubjectName, signer, now.AddDays(-1), now.AddYears(1), RandomNumberGenerator.GetBytes(16));
        return new TestCertificateChain(root, intermediate, leaf, leafKey);
    }

    /// <summary>Writes what a CA delivers: <c>fullchain.pem</c> (leaf, then intermediate) and the leaf's key.</summary>
    public void WriteServerFiles(string certificateFile, string keyFile)
    {
        File.WriteAllText(certificateFile, Leaf.ExportCertificatePem() + "\n" + Intermediate.ExportCertificatePem() + "\n");
        File.WriteAllText(keyFile, _leafKey.ExportPkcs8PrivateKeyPem() + "\n");
    }

    public void WriteRoot(string file) => File.WriteAllText(file, Root.ExportCertificatePem() + "\n");

    public void Dispose()
    {
        Leaf.Dispose();
        Intermediate.Dispose();
        Root.Dispose();
        _leafKey.Dispose();
    }

    private static CertificateRequest CaRequest(string subject, ECDsa key, int pathLength)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, pathLength, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }
}
