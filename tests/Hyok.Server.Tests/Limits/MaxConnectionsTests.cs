using System.Net.Sockets;
using System.Security.Authentication;
using Hyok.Server.Tests.Support;
using Hyok.Testing;

namespace Hyok.Server.Tests.Limits;

/// <summary><c>MaxConcurrentConnections</c>: a connection beyond it is closed before TLS, and a slot frees when one closes.</summary>
public sealed class MaxConnectionsTests(MaxConnectionsProxyFixture fixture) : IClassFixture<MaxConnectionsProxyFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Connection_BeyondMaxConcurrentConnections_IsClosedUntilOneCloses()
    {
        var open = new List<RawTlsConnection>();
        try
        {
            for (var i = 0; i < MaxConnectionsProxyFixture.MaxConnections; i++)
            {
                open.Add(await RawTlsConnection.OpenAsync(fixture.Proxy));
                Assert.True(await PingAsync(open[^1]), $"connection {i + 1} was not served");
            }

            Assert.False(await ServesNewConnectionAsync(), "a connection beyond the limit was served");

            await open[0].DisposeAsync();
            open.RemoveAt(0);
            Assert.True(await Eventually.WithinAsync(TimeSpan.FromSeconds(10), () => new ValueTask<bool>(ServesNewConnectionAsync())), "no connection was served after one closed");
        }
        finally
        {
            foreach (var connection in open)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private async Task<bool> ServesNewConnectionAsync()
    {
        try
        {
            await using var connection = await RawTlsConnection.OpenAsync(fixture.Proxy);
            return await PingAsync(connection);
        }
        catch (Exception e) when (e is IOException or AuthenticationException or SocketException)
        {
            return false;
        }
    }

    private static async Task<bool> PingAsync(RawTlsConnection connection)
    {
        const string pong = "{\"status\":\"ok\"}";
        await connection.SendAsync("GET /ping HTTP/1.1\r\nHost: localhost\r\n\r\n");
        var (text, _) = await connection.ReadAsync(Bound, pong);
        return text.Contains(pong, StringComparison.Ordinal);
    }
}
