using System.Security.Cryptography.X509Certificates;

namespace Hyok.Server.Tls;

/// <summary>
/// The TLS server certificate from PEM files (xks-spec.md §8): the first certificate in the file is the
/// leaf and must match the key; the rest are intermediates served as the chain.
/// </summary>
public sealed class ServerCertificate(X509Certificate2 leaf, X509Certificate2Collection chain) : IDisposable
{
    public X509Certificate2 Leaf { get; } = leaf;

    public X509Certificate2Collection Chain { get; } = chain;

    public static ServerCertificate Load(string certificateFile, string keyFile)
    {
        var leaf = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
        var all = new X509Certificate2Collection();
        all.ImportFromPemFile(certificateFile);
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

    public void Dispose()
    {
        Leaf.Dispose();
        foreach (var certificate in Chain)
        {
            certificate.Dispose();
        }
    }
}
