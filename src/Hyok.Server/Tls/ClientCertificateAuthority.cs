using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hyok.Server.Tls;

/// <summary>
/// The CA bundle of mutual TLS (<c>Hyok:Server:Tls:ClientCertificateAuthorityFile</c>, xks-spec.md §7.5): its
/// self-signed certificates are the only trust anchors of client certificates (never the system store); any other
/// certificate in it is an intermediate that helps build a chain. Re-read on change by
/// <see cref="ClientCertificateAuthorityProvider"/>.
/// </summary>
internal sealed class ClientCertificateAuthority(X509Certificate2Collection roots, X509Certificate2Collection intermediates)
{
    public X509Certificate2Collection Roots { get; } = roots;

    public X509Certificate2Collection Intermediates { get; } = intermediates;

    /// <exception cref="ServerCertificateException">The file is unreadable, malformed, empty or has no root certificate.</exception>
    public static ClientCertificateAuthority Load(string file) => Parse(file, ServerCertificate.ReadFile(file));

    /// <summary>The bundle in <paramref name="pem"/>, the text of <paramref name="file"/> (named in errors).</summary>
    /// <exception cref="ServerCertificateException">Malformed, empty or without a root certificate.</exception>
    public static ClientCertificateAuthority Parse(string file, string pem)
    {
        var all = new X509Certificate2Collection();
        try
        {
            all.ImportFromPem(pem);
        }
        catch (CryptographicException e)
        {
            throw new ServerCertificateException($"{file} holds a malformed PEM certificate: {e.Message}", e);
        }

        if (pem.AsSpan().Count("-----BEGIN") != all.Count)
        {
            // ImportFromPem skips a block cut off before its END line: a half-written bundle would load as fewer roots.
            throw new ServerCertificateException($"{file} holds a PEM block that is not a complete certificate (half-written, or not a certificate); every block must be one.");
        }

        if (all.Count == 0)
        {
            throw new ServerCertificateException($"{file} holds no PEM certificate (-----BEGIN CERTIFICATE-----); it must hold the client CA's root certificate.");
        }

        var roots = new X509Certificate2Collection();
        var intermediates = new X509Certificate2Collection();
        foreach (var certificate in all)
        {
            (certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData) ? roots : intermediates).Add(certificate);
        }

        return roots.Count > 0
            ? new ClientCertificateAuthority(roots, intermediates)
            : throw new ServerCertificateException($"{file} holds no root (self-signed) CA certificate; client certificates are trusted only up to a root in this file.");
    }

    /// <summary>The problem <see cref="Load"/> would report, or null (for start-up validation).</summary>
    public static string? Check(string file)
    {
        try
        {
            Load(file);
            return null;
        }
        catch (ServerCertificateException e)
        {
            return e.Message;
        }
    }
}
