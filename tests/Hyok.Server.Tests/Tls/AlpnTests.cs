using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Tls;

/// <summary>xks-spec.md §1: HTTP/2 by ALPN, with fallback to HTTP/1.1 for clients that only offer it.</summary>
[Collection(ChainedProxyGroup.Name)]
public sealed class AlpnTests(ChainedCertificateProxy server)
{
    [Theory]
    [InlineData("h2", "h2")]
    [InlineData("http/1.1", "http/1.1")]
    [InlineData("h2,http/1.1", "h2")]
    public async Task Handshake_OfferedProtocols_ServerSelects(string offered, string selected)
    {
        var result = await OpenSsl.SClientAsync(server.Port, "-alpn", offered);

        Assert.True(result.HandshakeCompleted, result.ToString());
        Assert.Contains($"ALPN protocol: {selected}\n", result.Output, StringComparison.Ordinal);
    }
}
