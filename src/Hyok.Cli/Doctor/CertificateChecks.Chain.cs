using System.Security.Cryptography.X509Certificates;

namespace Hyok.Cli.Doctor;

/// <summary>
/// The chain: built from the certificates the server sent only (no downloads, so a missing intermediate shows), to the
/// system's roots — this machine's stand-in for the public CAs KMS trusts (xks-spec.md §8) — or else to <c>--ca-file</c>.
/// A chain to <c>--ca-file</c> is a warning, not a pass: it proves the deployment but KMS will not trust a private CA.
/// Expiry is left to the validity check.
/// </summary>
internal static partial class CertificateChecks
{
    private static DoctorFinding Chain(X509Certificate2 leaf, X509Certificate2Collection sent, string? caFile, TimeProvider time)
    {
        using var publicChain = NewChain(sent, time);
        if (publicChain.Build(leaf))
        {
            return DoctorFinding.Pass("certificate-chain", $"chains to the public root {RootOf(publicChain)}");
        }

        var problem = string.Join("; ", publicChain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct());
        if (caFile is not null)
        {
            using var privateChain = NewChain(sent, time);
            privateChain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            privateChain.ChainPolicy.CustomTrustStore.ImportFromPemFile(caFile);
            if (privateChain.Build(leaf))
            {
                return DoctorFinding.Warn("certificate-chain", $"chains to {RootOf(privateChain)} from --ca-file, a private CA",
                    "Fine for a staging run; before ConnectCustomKeyStore serve a certificate from a public CA on the XKS trust list (xks-spec.md §8).", TlsError);
            }
        }

        return DoctorFinding.Fail("certificate-chain", $"no trusted chain: {(problem.Length > 0 ? problem : "unknown reason")}",
            "Serve a certificate from a public CA, followed by its intermediates in the same PEM file (KMS downloads nothing).", TlsError);
    }

    private static X509Chain NewChain(X509Certificate2Collection sent, TimeProvider time)
    {
        var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        chain.ChainPolicy.VerificationTime = time.GetUtcNow().UtcDateTime;
        chain.ChainPolicy.ExtraStore.AddRange(sent);
        return chain;
    }

    private static string RootOf(X509Chain chain) => chain.ChainElements[^1].Certificate.Subject;
}
