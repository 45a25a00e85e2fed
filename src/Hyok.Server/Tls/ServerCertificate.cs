using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hyok.Server.Tls;

/// <summary>
/// The TLS server certificate from PEM files (xks-spec.md §8): the first certificate in the file is the
/// leaf and must match the key; the rest are intermediates served as the chain.
/// </summary>
public sealed partial class ServerCertificate(X509Certificate2 leaf, X509Certificate2Collection chain) : IDisposable
{
    public X509Certificate2 Leaf { get; } = leaf;

    public X509Certificate2Collection Chain { get; } = chain;

    /// <exception cref="ServerCertificateException">A file is unreadable or malformed, or the key does not match the leaf.</exception>
    public static ServerCertificate Load(string certificateFile, string keyFile) =>
        Parse(certificateFile, ReadFile(certificateFile), keyFile, ReadFile(keyFile));

    /// <summary>The certificate from PEM texts already read from <paramref name="certificateFile"/> and <paramref name="keyFile"/> (named in errors).</summary>
    /// <exception cref="ServerCertificateException">A text is malformed, or the key does not match the leaf.</exception>
    internal static ServerCertificate Parse(string certificateFile, string certificatePem, string keyFile, string keyPem)
    {
        var all = ReadCertificates(certificateFile, certificatePem);
        X509Certificate2 leaf;
        try
        {
            leaf = X509Certificate2.CreateFromPem(certificatePem, keyPem);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            Dispose(all);
            throw new ServerCertificateException(DescribeKeyProblem(certificateFile, keyFile, keyPem), e);
        }

        var chain = new X509Certificate2Collection();
        foreach (var certificate in all)
        {
            if (certificate.Thumbprint != leaf.Thumbprint)
            {
                chain.Add(certificate);
            }
            else
            {
                certificate.Dispose();
            }
        }

        return new ServerCertificate(leaf, chain);
    }

    /// <summary>The problem <see cref="Load"/> would report, or null when the files are usable (for <c>hyok config check</c>).</summary>
    public static string? Check(string certificateFile, string keyFile)
    {
        try
        {
            Load(certificateFile, keyFile).Dispose();
            return null;
        }
        catch (ServerCertificateException e)
        {
            return e.Message;
        }
    }

    public void Dispose()
    {
        Leaf.Dispose();
        Dispose(Chain);
    }

    private static void Dispose(X509Certificate2Collection certificates)
    {
        foreach (var certificate in certificates)
        {
            certificate.Dispose();
        }
    }
}
