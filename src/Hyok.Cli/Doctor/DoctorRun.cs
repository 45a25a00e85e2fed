using System.Security.Authentication;

namespace Hyok.Cli.Doctor;

/// <summary>
/// All checks in order: the parameters (no network), then TCP, one TLS handshake and its certificate, TLS versions and
/// suites, and the signed calls. When a step fails that the next ones need, those are listed as skipped, so a dead or
/// silent endpoint costs at most one timeout per step tried, never a hang.
/// </summary>
internal sealed class DoctorRun(DoctorTarget target, TimeProvider time, Action<DoctorFinding> report)
{
    /// <summary>Every check, in the order of the report.</summary>
    public static readonly string[] Checks =
    [
        "endpoint-uri", "endpoint-dns-name", "endpoint-port", "uri-path", "uri-length", "credentials",
        ConnectionCheck.Name, "tls-handshake", "certificate-chain", "certificate-name", "certificate-validity", "certificate-key",
        "tls13", "tls12", "tls10-refused", "tls11-refused", "tls12-other-suites", "health", "clock-skew", "latency", "key-metadata",
    ];

    private readonly List<DoctorFinding> _findings = [];

    public async Task<IReadOnlyList<DoctorFinding>> RunAsync(CancellationToken cancellationToken)
    {
        Add(EndpointChecks.All(target));
        Add([CredentialCheck.Run(target)]);
        if (target.EndpointUri is null)
        {
            return SkipRest("no https endpoint to connect to");
        }

        var connection = await ConnectionCheck.RunAsync(target, cancellationToken).ConfigureAwait(false);
        Add([connection]);
        if (connection.Outcome == DoctorOutcome.Fail)
        {
            return SkipRest("no TCP connection");
        }

        var handshake = await DoctorTls.HandshakeAsync(target, SslProtocols.Tls12 | SslProtocols.Tls13, null, cancellationToken).ConfigureAwait(false);
        Add([handshake.Succeeded && handshake.Leaf is not null
            ? DoctorFinding.Pass("tls-handshake", $"{handshake.Protocol} with {handshake.Suite}, SNI {target.ServerName}")
            : DoctorFinding.Fail("tls-handshake", handshake.Failure ?? "the server sent no certificate",
                handshake.TimedOut ? "Something accepts TCP but does not speak TLS in time: is the proxy (not a plain HTTP port) behind this address?"
                    : "Serve TLS 1.2/1.3 on this port with a certificate for the endpoint's name (xks-spec.md §8).",
                handshake.TimedOut ? "XKS_PROXY_TIMED_OUT" : CertificateChecks.TlsError)]);
        if (!handshake.Succeeded || handshake.Leaf is null)
        {
            return SkipRest("no TLS handshake");
        }

        Add(CertificateChecks.All(handshake, target, time));
        Add(await TlsVersionChecks.RunAsync(target, cancellationToken).ConfigureAwait(false));
        Add(await ProxyCallChecks.RunAsync(target, time, cancellationToken).ConfigureAwait(false));
        return _findings;
    }

    private void Add(IEnumerable<DoctorFinding> findings)
    {
        foreach (var finding in findings)
        {
            _findings.Add(finding);
            report(finding);
        }
    }

    private List<DoctorFinding> SkipRest(string reason)
    {
        Add([.. Checks.Where(c => _findings.All(f => f.Check != c)).Select(c => DoctorFinding.Skip(c, reason))]);
        return _findings;
    }
}
