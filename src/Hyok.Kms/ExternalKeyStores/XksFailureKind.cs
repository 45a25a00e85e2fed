namespace Hyok.Kms.ExternalKeyStores;

/// <summary>What went wrong on a call to an XKS proxy, as KMS distinguishes it (xks-spec.md §6.4, §10.3).</summary>
public enum XksFailureKind
{
    /// <summary>The proxy answered with an error of the spec's catalogue (xks-spec.md §6.2): see <see cref="XksProxyFailure.ErrorName"/>.</summary>
    ProxyError,

    /// <summary>No complete answer within the per-call timeout (250 ms, xks-spec.md §9).</summary>
    TimedOut,

    /// <summary>The TCP connection could not be made (refused, unknown host, network down).</summary>
    NotReachable,

    /// <summary>The TLS handshake failed: untrusted or expired certificate, host name mismatch, protocol.</summary>
    TlsFailure,

    /// <summary>The answer could not be interpreted: not JSON, missing or malformed fields, an error outside the catalogue.</summary>
    InvalidResponse,

    /// <summary>The Encrypt answer's ciphertextDataIntegrityValue did not match what KMS recomputes (xks-spec.md §5.4).</summary>
    IntegrityMismatch,

    /// <summary>GetHealthStatus reported every external key manager UNAVAILABLE (xks-spec.md §4.4).</summary>
    AllKeyManagersUnavailable,
}
