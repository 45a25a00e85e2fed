namespace Hyok.Server.Configuration;

/// <summary>Checks of <c>Hyok:Server:Connections</c> (docs/configuration.md, docs/security.md "Limits").</summary>
public static partial class HyokOptionsValidator
{
    private static void ValidateConnections(ConnectionLimitsOptions limits, List<string> problems)
    {
        const string name = "Hyok:Server:Connections";
        Range(limits.MaxRequestHeaderBytes, 4096, 256 * 1024, $"{name}:MaxRequestHeaderBytes", problems);
        Range(limits.MaxRequestHeaderCount, 16, 1000, $"{name}:MaxRequestHeaderCount", problems);
        Range(limits.MaxRequestLineBytes, 1024, 64 * 1024, $"{name}:MaxRequestLineBytes", problems);

        // Kestrel checks its timeouts once a second: shorter ones would not be kept (nor a data rate grace period of 1 s).
        Range(limits.RequestHeadersTimeoutMilliseconds, 1000, 300000, $"{name}:RequestHeadersTimeoutMilliseconds", problems);
        Range(limits.RequestBodyTimeoutMilliseconds, 10, 60000, $"{name}:RequestBodyTimeoutMilliseconds", problems);
        Range(limits.KeepAliveTimeoutSeconds, 1, 3600, $"{name}:KeepAliveTimeoutSeconds", problems);
        Range(limits.TlsHandshakeTimeoutMilliseconds, 1000, 300000, $"{name}:TlsHandshakeTimeoutMilliseconds", problems);
        Range(limits.MaxConcurrentConnections, 1, 1000000, $"{name}:MaxConcurrentConnections", problems);
        Range(limits.MinRequestBodyBytesPerSecond, 0, 1024 * 1024, $"{name}:MinRequestBodyBytesPerSecond", problems);
        Range(limits.MinResponseBytesPerSecond, 0, 1024 * 1024, $"{name}:MinResponseBytesPerSecond", problems);
        Range(limits.DataRateGracePeriodSeconds, 2, 300, $"{name}:DataRateGracePeriodSeconds", problems);

        var http2 = limits.Http2;
        Range(http2.MaxStreamsPerConnection, 1, 10000, $"{name}:Http2:MaxStreamsPerConnection", problems);
        Range(http2.HeaderTableSize, 0, 64 * 1024, $"{name}:Http2:HeaderTableSize", problems);
        Range(http2.MaxFrameSize, 16384, 16777215, $"{name}:Http2:MaxFrameSize", problems);
        Range(http2.InitialConnectionWindowSize, 65535, 16 * 1024 * 1024, $"{name}:Http2:InitialConnectionWindowSize", problems);
        Range(http2.InitialStreamWindowSize, 65535, 16 * 1024 * 1024, $"{name}:Http2:InitialStreamWindowSize", problems);
    }
}
