using Hyok.Server.Configuration;
using Hyok.Server.Limits;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Hyok.Server.Hosting;

/// <summary>
/// Kestrel's limits against oversized and slow clients (<c>Hyok:Server:Connections</c>, docs/security.md "Limits").
/// Header size and count are Hyok's own lower limits (<see cref="RequestIntake"/>, answered with spec JSON and
/// audited); Kestrel's hard ones are <see cref="KestrelHeaderLimitFactor"/> times higher and answered by Kestrel
/// itself (431 without a body, or an HTTP/2 connection error).
/// </summary>
public static partial class HyokServer
{
    /// <summary>Kestrel's own header size and count limits are this many times Hyok's.</summary>
    internal const int KestrelHeaderLimitFactor = 4;

    internal static void ApplyConnectionLimits(KestrelServerOptions kestrel, ConnectionLimitsOptions connections)
    {
        var limits = kestrel.Limits;
        var hardHeaderBytes = KestrelHeaderLimitFactor * connections.MaxRequestHeaderBytes;
        limits.MaxRequestHeadersTotalSize = hardHeaderBytes;
        limits.MaxRequestHeaderCount = KestrelHeaderLimitFactor * connections.MaxRequestHeaderCount;
        limits.MaxRequestLineSize = connections.MaxRequestLineBytes;
        limits.MaxRequestBufferSize = Math.Max(64 * 1024, hardHeaderBytes + connections.MaxRequestLineBytes);
        limits.RequestHeadersTimeout = TimeSpan.FromMilliseconds(connections.RequestHeadersTimeoutMilliseconds);
        limits.KeepAliveTimeout = TimeSpan.FromSeconds(connections.KeepAliveTimeoutSeconds);
        limits.MaxConcurrentConnections = connections.MaxConcurrentConnections;
        limits.MaxConcurrentUpgradedConnections = 0; // XKS never upgrades a connection (no WebSockets).
        var grace = TimeSpan.FromSeconds(connections.DataRateGracePeriodSeconds);
        limits.MinRequestBodyDataRate = Rate(connections.MinRequestBodyBytesPerSecond, grace);
        limits.MinResponseDataRate = Rate(connections.MinResponseBytesPerSecond, grace);

        var http2 = limits.Http2;
        http2.MaxStreamsPerConnection = connections.Http2.MaxStreamsPerConnection;
        http2.HeaderTableSize = connections.Http2.HeaderTableSize;
        http2.MaxFrameSize = connections.Http2.MaxFrameSize;
        http2.MaxRequestHeaderFieldSize = hardHeaderBytes;
        http2.InitialConnectionWindowSize = connections.Http2.InitialConnectionWindowSize;
        http2.InitialStreamWindowSize = connections.Http2.InitialStreamWindowSize;
    }

    private static RequestIntake CreateIntake(ConnectionLimitsOptions connections, TimeProvider timeProvider) => new(
        connections.MaxRequestHeaderBytes,
        connections.MaxRequestHeaderCount,
        TimeSpan.FromMilliseconds(connections.RequestBodyTimeoutMilliseconds),
        timeProvider);

    private static MinDataRate? Rate(int bytesPerSecond, TimeSpan grace) => bytesPerSecond > 0 ? new MinDataRate(bytesPerSecond, grace) : null;
}
