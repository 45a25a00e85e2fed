using System.Globalization;
using System.Security.Cryptography.X509Certificates;

namespace Hyok.Cli.Doctor;

/// <summary>
/// The server certificate as KMS judges it (xks-spec.md §8): chained to a public CA with the chain served, naming the
/// endpoint's host, valid now (a warning under 30 days left), and an RSA ≥ 2048 or ECDSA P-256/P-384 key.
/// Every failure here makes ConnectCustomKeyStore fail with <see cref="TlsError"/>.
/// </summary>
internal static partial class CertificateChecks
{
    public const string TlsError = "XKS_PROXY_INVALID_TLS_CONFIGURATION";

    public static IEnumerable<DoctorFinding> All(TlsHandshake handshake, DoctorTarget target, TimeProvider time)
    {
        var leaf = handshake.Leaf!;
        yield return Chain(leaf, handshake.Sent, target.CaFile, time);
        yield return Name(leaf, target.ServerName);
        yield return Validity(leaf, time);
        yield return Key(leaf);
    }

    private static DoctorFinding Name(X509Certificate2 leaf, string host)
    {
        var names = DnsNamesOf(leaf);
        var listed = names.Count == 0 ? $"no subject alternative names (subject {leaf.Subject})" : string.Join(", ", names);
        return leaf.MatchesHostname(host)
            ? DoctorFinding.Pass("certificate-name", $"{host} matches {listed}")
            : DoctorFinding.Fail("certificate-name", $"{host} is not among {listed}",
                $"Serve a certificate whose subject alternative names include {host} (or *.{string.Join('.', host.Split('.').Skip(1))}); `hyok cert csr --dns {host}` makes the request.", TlsError);
    }

    private static DoctorFinding Validity(X509Certificate2 leaf, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var notAfter = new DateTimeOffset(leaf.NotAfter.ToUniversalTime());
        var notBefore = new DateTimeOffset(leaf.NotBefore.ToUniversalTime());
        var daysLeft = (int)Math.Floor((notAfter - now).TotalDays);
        var until = notAfter.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        const string renew = "Renew the certificate (xks-spec.md §8; KMS's XksProxyCertificateDaysToExpire metric tracks it) and restart or reload the proxy.";
        return now > notAfter ? DoctorFinding.Fail("certificate-validity", $"expired {until}", renew, TlsError)
            : now < notBefore ? DoctorFinding.Fail("certificate-validity",
                $"not valid before {notBefore.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}", "Check the clock of the machine that issued it, or wait.", TlsError)
            : daysLeft < 30 ? DoctorFinding.Warn("certificate-validity", $"expires {until}, in {daysLeft} days", renew)
            : DoctorFinding.Pass("certificate-validity", $"valid until {until} ({daysLeft} days)");
    }

    private static DoctorFinding Key(X509Certificate2 leaf)
    {
        const string fix = "Use an RSA key of 2048 bits or more, or an ECDSA key on P-256 or P-384 (`hyok cert csr --key ...`).";
        using var rsa = leaf.GetRSAPublicKey();
        if (rsa is not null)
        {
            return rsa.KeySize >= 2048 ? DoctorFinding.Pass("certificate-key", $"RSA {rsa.KeySize}")
                : DoctorFinding.Fail("certificate-key", $"RSA {rsa.KeySize}: fewer than 2048 bits", fix, TlsError);
        }

        using var ecdsa = leaf.GetECDsaPublicKey();
        var curve = ecdsa?.ExportParameters(false).Curve.Oid.Value switch
        {
            "1.2.840.10045.3.1.7" => "P-256",
            "1.3.132.0.34" => "P-384",
            var other => other,
        };
        return curve is "P-256" or "P-384" ? DoctorFinding.Pass("certificate-key", $"ECDSA {curve}")
            : DoctorFinding.Fail("certificate-key", ecdsa is null ? $"a {leaf.PublicKey.Oid.FriendlyName ?? leaf.PublicKey.Oid.Value} key" : $"ECDSA on curve {curve}", fix, TlsError);
    }

    private static List<string> DnsNamesOf(X509Certificate2 leaf) =>
        [.. leaf.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(e => e.EnumerateDnsNames().Concat(e.EnumerateIPAddresses().Select(a => a.ToString())))];
}
