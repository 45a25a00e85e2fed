using Hyok.Protocol;

namespace Hyok.Kms.ExternalKeyStores;

/// <summary>
/// A failed proxy call, as a value: what happened, and for a proxy error its HTTP status and <c>errorName</c>.
/// <see cref="Detail"/> is for the emulator's log only (KMS logs the proxy's errorMessage, never returns it, xks-spec.md
/// §6.1); it never holds secrets, plaintext or key material. <see cref="XksFailureMapping"/> turns it into a KMS error.
/// </summary>
/// <param name="Kind">The failure class.</param>
/// <param name="Detail">A short description for logs.</param>
/// <param name="HttpStatus">The proxy's HTTP status, when it answered.</param>
/// <param name="ErrorName">The proxy's <c>errorName</c>, when it answered with a catalogue error.</param>
public sealed record XksProxyFailure(XksFailureKind Kind, string Detail, int? HttpStatus = null, string? ErrorName = null)
{
    /// <summary>The catalogue code of a <see cref="XksFailureKind.ProxyError"/>; null for every other kind.</summary>
    public XksErrorCode? ErrorCode =>
        Kind == XksFailureKind.ProxyError && Enum.TryParse<XksErrorCode>(ErrorName, ignoreCase: false, out var code) ? code : null;

    /// <summary>A proxy error with a known <c>errorName</c>.</summary>
    public static XksProxyFailure Proxy(int status, XksErrorCode code, string? proxyMessage) =>
        new(XksFailureKind.ProxyError, $"the proxy answered {status} {code}: {proxyMessage}", status, XksErrors.NameOf(code));

    public static XksProxyFailure Invalid(string detail, int? status = null) => new(XksFailureKind.InvalidResponse, detail, status);
}
