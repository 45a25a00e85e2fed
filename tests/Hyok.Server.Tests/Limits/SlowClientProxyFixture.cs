namespace Hyok.Server.Tests.Limits;

/// <summary>Short header (1 s) and body (500 ms) timeouts and two HTTP/2 streams per connection.</summary>
public sealed class SlowClientProxyFixture() : ConnectionLimitsFixture(limits =>
{
    limits.RequestHeadersTimeoutMilliseconds = 1000;
    limits.RequestBodyTimeoutMilliseconds = 500;
    limits.Http2.MaxStreamsPerConnection = MaxStreams;
})
{
    public const int MaxStreams = 2;
}
