using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hyok.Testing;

/// <summary>TLS of the test cluster: a server certificate for 127.0.0.1 and localhost from a test CA (<see cref="CaCertificateFile"/>).</summary>
public sealed partial class PostgresServer
{
    /// <summary>The PEM of the CA that issued the server's certificate: a client's RootCertificateFile.</summary>
    public string CaCertificateFile => Path.Combine(Root, "ca.crt");

    private string ServerCertificateFile => Path.Combine(Root, "server.crt");

    private string ServerKeyFile => Path.Combine(Root, "server.key");

    /// <summary>Writes CA, server certificate and key (0600: PostgreSQL refuses a key others can read) before the folder goes to the postgres user.</summary>
    private void WriteTlsFiles()
    {
        using var authority = TestClientAuthority.Create("Hyok test PostgreSQL CA");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(TestClientAuthority.ServerAuthentication)], false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.Create(authority.Root, now.AddDays(-1), now.AddDays(30), RandomNumberGenerator.GetBytes(16));
        File.WriteAllText(CaCertificateFile, authority.Root.ExportCertificatePem() + "\n");
        File.WriteAllText(ServerCertificateFile, certificate.ExportCertificatePem() + "\n");
        File.WriteAllText(ServerKeyFile, key.ExportPkcs8PrivateKeyPem() + "\n");
        File.SetUnixFileMode(ServerKeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private string TlsSettings => $"-c ssl=on -c ssl_cert_file={ServerCertificateFile} -c ssl_key_file={ServerKeyFile}";
}
