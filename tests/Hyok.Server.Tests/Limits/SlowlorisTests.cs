using System.Net;
using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Limits;

/// <summary>
/// Slowloris: 200 TLS connections trickle header bytes while signed XKS requests (HTTP/1.1 and HTTP/2) still succeed;
/// the header timeout then closes every trickling connection (a generous upper bound, no lower bound).
/// </summary>
public sealed class SlowlorisTests(SlowlorisProxyFixture fixture) : IClassFixture<SlowlorisProxyFixture>
{
    private const int SlowConnections = 200;

    [Fact]
    public async Task SignedRequests_DuringTricklingConnections_SucceedAndTricklersAreClosed()
    {
        var slow = new List<RawTlsConnection>();
        for (var batch = 0; batch < SlowConnections / 20; batch++)
        {
            slow.AddRange(await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => OpenSlowAsync())));
        }

        using var trickler = new Trickler(slow);
        using var http2 = fixture.Proxy.NewHttpClient(HttpVersion.Version20);
        foreach (var client in new[] { fixture.Proxy.AlphaClient, fixture.Proxy.Client(fixture.Proxy.AlphaCredential, http: http2) })
        {
            for (var i = 0; i < 10; i++)
            {
                var encrypted = await client.EncryptAsync("k-both", XksBodies.Encrypt([1, 2, 3]));
                Assert.NotNull(encrypted["ciphertext"]);
            }
        }

        Assert.Equal(0, trickler.Closed);
        await trickler.StopAsync();
        var ends = await Task.WhenAll(slow.Select(c => c.ReadAsync(TimeSpan.FromSeconds(60))));
        Assert.All(ends, end => Assert.True(end.Closed, "a trickling connection was not closed by the header timeout"));
        foreach (var connection in slow)
        {
            await connection.DisposeAsync();
        }
    }

    private async Task<RawTlsConnection> OpenSlowAsync()
    {
        var connection = await RawTlsConnection.OpenAsync(fixture.Proxy);
        await connection.SendAsync("POST /alpha/kms/xks/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
        return connection;
    }
}
