namespace Hyok.Server.Configuration;

/// <summary>
/// TLS settings (<c>Hyok:Server:Tls</c>): how often the certificate files are checked for a renewal, when to warn
/// of expiry, and optional mutual TLS (xks-spec.md §7.5): a client CA bundle and the allowed client names.
/// </summary>
public sealed class TlsOptions
{
    /// <summary>Seconds between checks of the certificate and key files; a changed, usable pair is served without restart.</summary>
    public int ReloadIntervalSeconds { get; set; } = 5;

    /// <summary>Warn (at start, on reload, then daily) when the certificate expires within this many days; 0 turns the warning off.</summary>
    public int ExpiryWarningDays { get; set; } = 30;

    /// <summary>PEM bundle of the CA certificates a client certificate must chain to; set, it turns mutual TLS on.</summary>
    public string? ClientCertificateAuthorityFile { get; set; }

    /// <summary>Client names accepted with mutual TLS, matched exactly (any case) against the certificate's CN or a DNS SAN.</summary>
    public IList<string> AllowedClientNames { get; } = [];

    /// <summary>Mutual TLS is on: every connection must present a certificate the CA bundle and names accept.</summary>
    public bool RequiresClientCertificates => !string.IsNullOrWhiteSpace(ClientCertificateAuthorityFile);
}
