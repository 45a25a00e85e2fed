namespace Hyok.Server.Tests.Limits;

/// <summary>
/// Short TLS handshake (1 s), header (1 s), body (500 ms) and keep-alive (2 s) timeouts and two HTTP/2 streams per connection. Kestrel's minimum body data
/// rate is off, so that only Hyok's body timeout can answer a trickled body.
/// </summary>
public sealed class SlowClientProxyFixture() : ConnectionLimitsFixture(limits =>
{
    limits.TlsHandshakeTimeoutMilliseconds = 1000;
    limits.RequestHeadersTimeoutMilliseconds = 1000;
    limits.KeepAliveTimeoutSeconds = 2;
    limits.RequestBodyTimeoutMilliseconds = 500;
    limits.MinRequestBodyBytesPerSecond = 0;
    limits.Http2.MaxStreamsPerConnection = MaxStreams;
})
{
    public const int MaxStreams = 2;
}
