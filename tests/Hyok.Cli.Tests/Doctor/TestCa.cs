using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hyok.Cli.Tests.Doctor;

/// <summary>A private CA in a folder (<see cref="CaFile"/>) that issues ECDSA P-256 server certificates as PEM files, with any name and validity.</summary>
internal sealed class TestCa : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly X509Certificate2 _certificate;
    private readonly string _folder;
    private int _issued;

    public TestCa(string folder)
    {
        _folder = folder;
        Directory.CreateDirectory(folder);
        var request = new CertificateRequest("CN=Hyok Doctor Test CA", _key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-365), DateTimeOffset.UtcNow.AddYears(5));
        CaFile = Path.Combine(folder, "ca.pem");
        File.WriteAllText(CaFile, _certificate.ExportCertificatePem());
    }

    /// <summary>The CA certificate (PEM), for <c>--ca-file</c>.</summary>
    public string CaFile { get; }

    /// <summary>A server certificate for <paramref name="dnsName"/> valid from <paramref name="notBefore"/> to <paramref name="notAfter"/>, as PEM files.</summary>
    public (string CertificateFile, string KeyFile) Issue(string dnsName, DateTimeOffset notBefore, DateTimeOffset notAfter, X509Certificate2? issuer = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={dnsName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(dnsName);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        using var certificate = request.Create(issuer ?? _certificate, notBefore, notAfter, [(byte)1, (byte)++_issued, .. RandomNumberGenerator.GetBytes(8)]);
        var stem = Path.Combine(_folder, $"server{_issued}");
        File.WriteAllText(stem + ".crt", certificate.ExportCertificatePem());
        File.WriteAllText(stem + ".key", key.ExportPkcs8PrivateKeyPem());
        return (stem + ".crt", stem + ".key");
    }

    /// <summary>A certificate for <paramref name="dnsName"/> valid from 30 days ago for a year.</summary>
    public (string CertificateFile, string KeyFile) IssueValid(string dnsName) => Issue(dnsName, DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddYears(1));

    /// <summary>A certificate for <paramref name="dnsName"/> issued by an intermediate CA that the files do not contain (an incomplete chain).</summary>
    public (string CertificateFile, string KeyFile) IssueWithoutIntermediate(string dnsName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Hyok Doctor Test Intermediate", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var signed = request.Create(_certificate, DateTimeOffset.UtcNow.AddDays(-60), DateTimeOffset.UtcNow.AddYears(2), [(byte)2, .. RandomNumberGenerator.GetBytes(8)]);
        using var intermediate = signed.CopyWithPrivateKey(key);
        return Issue(dnsName, DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddYears(1), intermediate);
    }

    public void Dispose()
    {
        _certificate.Dispose();
        _key.Dispose();
    }
}
