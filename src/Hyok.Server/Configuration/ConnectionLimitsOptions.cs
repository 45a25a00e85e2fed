namespace Hyok.Server.Configuration;

/// <summary>
/// Limits against oversized and slow clients (<c>Hyok:Server:Connections</c>, docs/security.md "Limits"). KMS sends
/// small JSON requests over keep-alive connections and gives the proxy 250 ms per call (xks-spec.md §9).
/// </summary>
public sealed class ConnectionLimitsOptions
{
    /// <summary>Largest total of request header names and values; above it Hyok answers 400 ValidationException (Kestrel closes above 4 times this).</summary>
    public int MaxRequestHeaderBytes { get; set; } = 8192;

    /// <summary>Most request header lines; above it Hyok answers 400 ValidationException (Kestrel closes above 4 times this).</summary>
    public int MaxRequestHeaderCount { get; set; } = 32;

    /// <summary>Longest HTTP/1.1 request line (method, target, version); above it Kestrel answers 414 and closes.</summary>
    public int MaxRequestLineBytes { get; set; } = 8192;

    /// <summary>Time for a request's headers to arrive once its first byte has; then the connection is closed.</summary>
    public int RequestHeadersTimeoutMilliseconds { get; set; } = 5000;

    /// <summary>Time for a request's body to arrive once its headers have; then Hyok answers 400 ValidationException.</summary>
    public int RequestBodyTimeoutMilliseconds { get; set; } = 1000;

    /// <summary>How long an idle keep-alive connection stays open.</summary>
    public int KeepAliveTimeoutSeconds { get; set; } = 120;

    /// <summary>Time allowed for the TLS handshake of a new connection.</summary>
    public int TlsHandshakeTimeoutMilliseconds { get; set; } = 5000;

    /// <summary>Most open connections (all listeners together); a connection beyond it is closed at once.</summary>
    public int MaxConcurrentConnections { get; set; } = 4096;

    /// <summary>Slowest accepted request body upload, averaged after <see cref="DataRateGracePeriodSeconds"/>; 0 disables.</summary>
    public int MinRequestBodyBytesPerSecond { get; set; } = 240;

    /// <summary>Slowest accepted response download by the client, averaged after the grace period; 0 disables.</summary>
    public int MinResponseBytesPerSecond { get; set; } = 240;

    /// <summary>Time before the minimum data rates are enforced.</summary>
    public int DataRateGracePeriodSeconds { get; set; } = 5;

    /// <summary>HTTP/2 limits (<c>Hyok:Server:Connections:Http2</c>).</summary>
    public Http2LimitsOptions Http2 { get; set; } = new();
}
