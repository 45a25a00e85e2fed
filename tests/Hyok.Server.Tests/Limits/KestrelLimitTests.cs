using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Limits;

/// <summary>
/// What lies beyond Hyok's own limits (production defaults) and is answered by Kestrel before any handler runs: a
/// status without a body, then the connection is closed (docs/security.md "Limits").
/// </summary>
[Collection(SoftwareProxyGroup.Name)]
public sealed class KestrelLimitTests(SoftwareProxyFixture proxy)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Request_HeadersOverKestrelLimit_Is431AndClosed()
    {
        var (text, closed) = await SendRawAsync($"POST /alpha/kms/xks/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Padding: {new string('p', 33 * 1024)}\r\nContent-Length: 0\r\n\r\n");

        Assert.True(closed, "the connection stayed open");
        Assert.StartsWith("HTTP/1.1 431 ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_LineOverLimit_Is414AndClosed()
    {
        var (text, closed) = await SendRawAsync($"POST /alpha/kms/xks/v1/keys/{new string('k', 9000)}/encrypt HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n");

        Assert.True(closed, "the connection stayed open");
        Assert.StartsWith("HTTP/1.1 414 ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_LongPathUnderLineLimit_IsInvalidUriPath()
    {
        using var content = new ByteArrayContent(XksBodies.Health());

        using var response = await proxy.Http.PostAsync(new Uri(proxy.BaseUri, $"/alpha/kms/xks/v1/keys/{new string('k', 6000)}/encrypt"), content);

        await XksAssert.ErrorAsync(response, 404, "InvalidUriPathException");
    }

    private async Task<(string Text, bool Closed)> SendRawAsync(string request)
    {
        await using var connection = await RawTlsConnection.OpenAsync(proxy);
        await connection.SendAsync(request);
        return await connection.ReadAsync(Bound);
    }
}
