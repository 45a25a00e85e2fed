using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hyok.Cli.Commands;

namespace Hyok.Cli.Targets;

/// <summary>
/// <c>--cacert FILE</c>: trusts exactly the certificates in a PEM file, either as the server's own certificate
/// (a self-signed one, as the embedded default makes) or as the root its chain must end in. The host name is still checked.
/// </summary>
internal sealed class PinnedTrust(X509Certificate2Collection trusted)
{
    public static PinnedTrust Load(string pemFile)
    {
        var trusted = new X509Certificate2Collection();
        try
        {
            trusted.ImportFromPemFile(pemFile);
        }
        catch (CryptographicException e)
        {
            throw new CliException($"--cacert {pemFile}: not a PEM certificate file ({e.Message}).");
        }

        return trusted.Count > 0 ? new PinnedTrust(trusted) : throw new CliException($"--cacert {pemFile}: no certificate in the file.");
    }

    public bool Validate(object sender, X509Certificate? presented, X509Chain? chain, SslPolicyErrors errors)
    {
        if (presented is not X509Certificate2 leaf || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }

        if (trusted.Any(t => t.RawDataMemory.Span.SequenceEqual(leaf.RawDataMemory.Span)))
        {
            return true;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.CustomTrustStore.AddRange(trusted);
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return custom.Build(leaf);
    }
}
