using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hyok.Server.Tls;

/// <summary>The checks, in order; the first failing one is the reason.</summary>
internal sealed partial class ClientCertificateValidator
{
    private const string CommonNameOid = "2.5.4.3";
    private const string SubjectAlternativeNameOid = "2.5.29.17";
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    private (string? Kind, string Reason) Refusal(X509Certificate2? certificate, X509Chain? presentedChain)
    {
        if (certificate is null)
        {
            return ("missing", "no client certificate");
        }

        var now = _time.GetUtcNow();
        if (now < certificate.NotBefore.ToUniversalTime())
        {
            return ("not_yet_valid", $"not valid before {new DateTimeOffset(certificate.NotBefore.ToUniversalTime()):u}");
        }

        if (now > certificate.NotAfter.ToUniversalTime())
        {
            return ("expired", $"expired on {new DateTimeOffset(certificate.NotAfter.ToUniversalTime()):u}");
        }

        if (ChainProblem(certificate, presentedChain, now) is { } problem)
        {
            return ("untrusted", problem);
        }

        return Names(certificate).Any(_names.Contains)
            ? (null, "")
            : ("name", "neither its CN nor a DNS name is in Hyok:Server:Tls:AllowedClientNames");
    }

    private string? ChainProblem(X509Certificate2 certificate, X509Chain? presentedChain, DateTimeOffset now)
    {
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        var authority = _authority.Current;
        policy.CustomTrustStore.AddRange(authority.Roots);
        policy.ExtraStore.AddRange(authority.Intermediates);
        if (presentedChain is not null)
        {
            // Intermediates the client sent: they only help build the path; trust still ends at a configured root.
            policy.ExtraStore.AddRange(presentedChain.ChainPolicy.ExtraStore);
        }

        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = now.UtcDateTime;
        policy.ApplicationPolicy.Add(ClientAuthentication);
        if (chain.Build(certificate))
        {
            return null;
        }

        var statuses = string.Join(", ", chain.ChainStatus.Select(s => s.Status).Distinct());
        return $"not issued for client authentication under a root of Hyok:Server:Tls:ClientCertificateAuthorityFile ({statuses})";
    }

    private static IEnumerable<string> Names(X509Certificate2 certificate)
    {
        foreach (var name in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (name.HasMultipleElements || name.GetSingleElementType().Value != CommonNameOid)
            {
                continue;
            }

            if (name.GetSingleElementValue() is { } commonName)
            {
                yield return commonName;
            }
        }

        foreach (var extension in certificate.Extensions.Where(e => e.Oid?.Value == SubjectAlternativeNameOid))
        {
            foreach (var dnsName in DnsNames(extension))
            {
                yield return dnsName;
            }
        }
    }

    private static IReadOnlyList<string> DnsNames(X509Extension extension)
    {
        try
        {
            return [.. new X509SubjectAlternativeNameExtension(extension.RawData, extension.Critical).EnumerateDnsNames()];
        }
        catch (CryptographicException)
        {
            return [];
        }
    }
}
