using System.Collections.Frozen;
using System.Diagnostics.Metrics;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Hyok.Server.Tls;

/// <summary>
/// Mutual TLS (xks-spec.md §7.5): decides in the handshake whether a client certificate is accepted. It must be valid
/// now, chain to a root of the configured bundle only (custom root trust, no downloads), allow client authentication,
/// and carry an allowed name as its CN or a DNS SAN (exact, any case; no wildcards). Revocation is not checked (see
/// docs/security.md). Every refusal is logged with the subject, issuer and reason, and counted by reason.
/// </summary>
internal sealed partial class ClientCertificateValidator
{
    public const string RefusedName = "hyok.tls.client_certificates.refused";

    private readonly ClientCertificateAuthorityProvider _authority;
    private readonly FrozenSet<string> _names;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Counter<long> _refused;

    public ClientCertificateValidator(ClientCertificateAuthorityProvider authority, IEnumerable<string> allowedNames, TimeProvider timeProvider, Meter meter, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(meter);
        (_authority, _time, _logger) = (authority, timeProvider, logger);
        _names = allowedNames.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _refused = meter.CreateCounter<long>(RefusedName, "{connection}", "TLS handshakes refused by mutual TLS, by reason (missing, expired, not_yet_valid, untrusted, name).");
    }

    /// <summary>The handshake's certificate validation: true accepts the client; false aborts the handshake.</summary>
    public bool Validate(X509Certificate? presented, X509Chain? presentedChain, EndPoint? remote)
    {
        using var certificate = presented is null ? null : X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        var (kind, reason) = Refusal(certificate, presentedChain);
        if (kind is null)
        {
            return true;
        }

        _refused.Add(1, new KeyValuePair<string, object?>("reason", kind));
        TlsLog.ClientRefused(_logger, remote?.ToString(), reason, certificate?.Subject, certificate?.Issuer, certificate?.Thumbprint);
        return false;
    }
}
