using System.Net;
using System.Text;
using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Xks;

/// <summary>HTTP/1.1 and HTTP/2 over TLS, the body cap and size limits (answered with spec errors).</summary>
public abstract class TransportAndLimitsTests(ProxyFixture proxy)
{
    [Theory]
    [InlineData("1.1")]
    [InlineData("2.0")]
    public async Task Health_OverHttpVersion_Works(string version)
    {
        using var http = proxy.NewHttpClient(Version.Parse(version));

        using var response = await proxy.Client(proxy.AlphaCredential, http: http).SendAsync("health", XksBodies.Health(), default);

        await XksAssert.OkAsync(response);
        Assert.Equal(Version.Parse(version), response.Version);
    }

    [Fact]
    public async Task Request_BodyOverCap_IsUnsupportedOperation()
    {
        var body = XksBodies.Encrypt(new byte[70_000]);

        await proxy.AlphaClient.ExpectErrorAsync("keys/k-both/encrypt", body, 501, "UnsupportedOperationException");
    }

    [Fact]
    public async Task Request_BodyOverCapOverHttp11_AnnouncesConnectionClose()
    {
        using var response = await proxy.AlphaClient.SendAsync("keys/k-both/encrypt", XksBodies.Bytes(XksBodies.Encrypt(new byte[70_000])), default);

        await XksAssert.ErrorAsync(response, 501, "UnsupportedOperationException");
        Assert.True(response.Headers.ConnectionClose, "the unread body makes Kestrel close the connection; the reply must say so");
    }

    [Fact]
    public async Task Request_WrongContentType_IsValidationException()
    {
        using var response = await proxy.AlphaClient.SendAsync("health", XksBodies.Health(), request =>
        {
            request.Content!.Headers.ContentType = new("text/plain");
            return Task.CompletedTask;
        }, default);

        await XksAssert.ErrorAsync(response, 400, "ValidationException");
    }

    [Fact]
    public async Task Encrypt_PlaintextOverLimit_IsUnsupportedOperation()
    {
        await proxy.AlphaClient.ExpectErrorAsync("keys/k-both/encrypt", XksBodies.Encrypt(new byte[8193]), 501, "UnsupportedOperationException");
    }

    [Fact]
    public async Task Request_ChunkedBodyOverCap_IsUnsupportedOperation()
    {
        var content = new StreamContent(new MemoryStream(new byte[200_000]));
        content.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(proxy.BaseUri, "/alpha/kms/xks/v1/health")) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await proxy.Http.SendAsync(request);

        await XksAssert.ErrorAsync(response, 501, "UnsupportedOperationException");
    }

    [Fact]
    public async Task Request_NotJson_IsValidationException()
    {
        using var response = await proxy.AlphaClient.SendAsync("keys/k-both/encrypt", Encoding.UTF8.GetBytes("plaintext=abc"), default);

        await XksAssert.ErrorAsync(response, 400, "ValidationException");
    }

    [Fact]
    public async Task Request_QueryString_IsInvalidUriPath()
    {
        using var response = await proxy.Http.PostAsync(new Uri(proxy.BaseUri, "/alpha/kms/xks/v1/health?x=1"), new ByteArrayContent(XksBodies.Health()));

        await XksAssert.ErrorAsync(response, 404, "InvalidUriPathException");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Collection(SoftwareProxyGroup.Name)]
    public sealed class Software(SoftwareProxyFixture proxy) : TransportAndLimitsTests(proxy);

    [Collection(Pkcs11ProxyGroup.Name)]
    public sealed class Pkcs11(Pkcs11ProxyFixture proxy) : TransportAndLimitsTests(proxy);

    [Collection(PostgreSqlProxyGroup.Name)]
    public sealed class PostgreSql(PostgreSqlProxyFixture proxy) : TransportAndLimitsTests(proxy);
}
