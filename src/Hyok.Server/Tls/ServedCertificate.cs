using System.Net.Security;
using System.Security.Cryptography;
using System.Text;

namespace Hyok.Server.Tls;

/// <summary>
/// One immutable certificate snapshot as handshakes use it: the leaf and chain, their <see cref="SslStreamCertificateContext"/>
/// (built once, offline: the intermediates come from the file, never from a download) and the fingerprint of the PEM texts.
/// </summary>
internal sealed class ServedCertificate
{
    public ServedCertificate(ServerCertificate certificate, byte[] fingerprint)
    {
        Certificate = certificate;
        Fingerprint = fingerprint;
        Context = SslStreamCertificateContext.Create(certificate.Leaf, certificate.Chain, offline: true);
    }

    public ServerCertificate Certificate { get; }

    public SslStreamCertificateContext Context { get; }

    /// <summary>SHA-256 of both PEM texts: a poll that reads the same bytes changes nothing.</summary>
    public byte[] Fingerprint { get; }

    public DateTimeOffset NotAfter => Certificate.NotAfter;

    public static byte[] FingerprintOf(string certificatePem, string keyPem) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(certificatePem + "\0" + keyPem));
}
