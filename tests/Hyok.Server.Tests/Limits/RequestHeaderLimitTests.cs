using Hyok.Server.Tests.Control;
using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Limits;

/// <summary>Hyok's own header limits (production defaults) over HTTP/1.1 and HTTP/2: spec JSON, audited.</summary>
[Collection(SoftwareProxyGroup.Name)]
public sealed class RequestHeaderLimitTests(SoftwareProxyFixture proxy)
{
    [Theory]
    [InlineData("1.1")]
    [InlineData("2.0")]
    public async Task Request_HeadersOverLimit_IsValidationExceptionAndAudited(string version)
    {
        var keyId = $"headers-{Guid.NewGuid():N}";

        using var response = await SendAsync(version, $"keys/{keyId}/encrypt", request => request.Headers.Add("X-Padding", new string('p', 10_000)));

        await XksAssert.ErrorAsync(response, 400, "ValidationException");
        var record = AuditLookup.OfKeyId(proxy.AuditFolder, keyId);
        Assert.Equal(("ValidationException", 400), (record.Outcome, record.Status));
    }

    [Theory]
    [InlineData("1.1")]
    [InlineData("2.0")]
    public async Task Request_TooManyHeaders_IsValidationException(string version)
    {
        using var response = await SendAsync(version, "health", request =>
        {
            for (var i = 0; i < 40; i++)
            {
                request.Headers.Add($"X-Extra-{i}", "1");
            }
        });

        await XksAssert.ErrorAsync(response, 400, "ValidationException");
    }

    [Theory]
    [InlineData("1.1")]
    [InlineData("2.0")]
    public async Task Request_HeadersJustUnderLimit_Succeeds(string version)
    {
        using var response = await SendAsync(version, "health", request => request.Headers.Add("X-Padding", new string('p', 6_000)));

        await XksAssert.OkAsync(response);
    }

    private async Task<HttpResponseMessage> SendAsync(string version, string operation, Action<HttpRequestMessage> tamper)
    {
        using var http = proxy.NewHttpClient(Version.Parse(version));
        return await proxy.Client(proxy.AlphaCredential, http: http).SendAsync(operation, XksBodies.Health(), request =>
        {
            tamper(request);
            return Task.CompletedTask;
        }, default);
    }
}
