using System.Buffers.Binary;
using System.Net.Security;
using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Limits;

/// <summary>
/// HTTP/2 streams beyond <c>Http2:MaxStreamsPerConnection</c>, sent as raw frames (HttpClient would queue them
/// itself): the server announces the limit and refuses the stream beyond it with REFUSED_STREAM (RFC 9113 §5.1.2).
/// </summary>
public sealed class Http2StreamLimitTests(SlowClientProxyFixture fixture) : IClassFixture<SlowClientProxyFixture>
{
    [Fact]
    public async Task Http2_StreamBeyondLimit_IsRefused()
    {
        await using var connection = await RawTlsConnection.OpenAsync(fixture.Proxy, "h2");
        Assert.Equal(SslApplicationProtocol.Http2, connection.Stream.NegotiatedApplicationProtocol);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stream = connection.Stream;
        await stream.WriteAsync((byte[])[.. Http2Frame.Preface, .. new Http2Frame(Http2Frame.Settings, 0, 0, []).Encode()], timeout.Token);

        var settings = await ReadUntilAsync(stream, f => f.Type == Http2Frame.Settings && (f.Flags & 1) == 0, timeout.Token);
        Assert.Equal((uint)SlowClientProxyFixture.MaxStreams, settings.Setting(Http2Frame.MaxConcurrentStreamsSetting));
        await stream.WriteAsync(new Http2Frame(Http2Frame.Settings, 1, 0, []).Encode(), timeout.Token);

        // Streams 1 and 3 fill the limit (their bodies never come); stream 5 is one too many.
        int[] streams = [1, 3, 5];
        foreach (var id in streams)
        {
            var headers = Http2Frame.HeadersFrame(id, false, (":method", "POST"), (":scheme", "https"), (":authority", "localhost"),
                (":path", "/alpha/kms/xks/v1/health"), ("content-type", "application/json"), ("content-length", "10"));
            await stream.WriteAsync(headers.Encode(), timeout.Token);
        }

        var reset = await ReadUntilAsync(stream, f => f.Type == Http2Frame.RstStream && f.StreamId == 5, timeout.Token);
        Assert.Equal(Http2Frame.RefusedStream, BinaryPrimitives.ReadUInt32BigEndian(reset.Payload));
    }

    /// <summary>Reads frames until one matches; a GOAWAY or a refused stream other than 5 fails the test.</summary>
    private static async Task<Http2Frame> ReadUntilAsync(Stream stream, Func<Http2Frame, bool> wanted, CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await Http2Frame.ReadAsync(stream, cancellationToken);
            if (wanted(frame))
            {
                return frame;
            }

            Assert.NotEqual(Http2Frame.GoAway, frame.Type);
            Assert.False(frame.Type == Http2Frame.RstStream && BinaryPrimitives.ReadUInt32BigEndian(frame.Payload) == Http2Frame.RefusedStream, $"stream {frame.StreamId} was refused within the limit");
        }
    }
}
