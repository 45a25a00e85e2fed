using Hyok.Server.Configuration;
using Hyok.Server.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Hyok.Server.Tests.Hosting;

/// <summary>Every value the validator accepts is one Kestrel accepts too (its setters throw otherwise, at start-up).</summary>
public sealed class ConnectionLimitsKestrelTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ApplyConnectionLimits_ValidatorBounds_KestrelAcceptsThem(bool highest)
    {
        var limits = new ConnectionLimitsOptions
        {
            MaxRequestHeaderBytes = highest ? 256 * 1024 : 4096,
            MaxRequestHeaderCount = highest ? 1000 : 16,
            MaxRequestLineBytes = highest ? 64 * 1024 : 1024,
            RequestHeadersTimeoutMilliseconds = highest ? 300000 : 1000,
            KeepAliveTimeoutSeconds = highest ? 3600 : 1,
            TlsHandshakeTimeoutMilliseconds = highest ? 300000 : 1000,
            MaxConcurrentConnections = highest ? 1000000 : 1,
            MinRequestBodyBytesPerSecond = highest ? 1024 * 1024 : 0,
            MinResponseBytesPerSecond = highest ? 1024 * 1024 : 0,
            DataRateGracePeriodSeconds = highest ? 300 : 2,
            Http2 = new Http2LimitsOptions
            {
                MaxStreamsPerConnection = highest ? 10000 : 1,
                HeaderTableSize = highest ? 64 * 1024 : 0,
                MaxFrameSize = highest ? 16777215 : 16384,
                InitialConnectionWindowSize = highest ? 16 * 1024 * 1024 : 65535,
                InitialStreamWindowSize = highest ? 16 * 1024 * 1024 : 65535,
            },
        };
        var kestrel = new KestrelServerOptions();

        HyokServer.ApplyConnectionLimits(kestrel, limits);

        Assert.Equal(4 * limits.MaxRequestHeaderBytes, kestrel.Limits.MaxRequestHeadersTotalSize);
        Assert.True(kestrel.Limits.MaxRequestBufferSize >= kestrel.Limits.MaxRequestHeadersTotalSize + kestrel.Limits.MaxRequestLineSize);
        Assert.Equal(limits.Http2.MaxStreamsPerConnection, kestrel.Limits.Http2.MaxStreamsPerConnection);
    }
}
