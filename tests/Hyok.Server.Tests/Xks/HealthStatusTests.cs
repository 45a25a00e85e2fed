using System.Text;
using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Xks;

/// <summary>xks-spec.md §12 items 1-5 over real HTTPS.</summary>
public abstract class HealthStatusTests(ProxyFixture proxy)
{
    [Theory]
    [InlineData("KmsHealthCheck")]
    [InlineData("CreateCustomKeyStore")]
    [InlineData("SomeFutureOperation")]
    public async Task Health_ValidRequest_ReportsDeepCheckedFleet(string operation)
    {
        using var response = await proxy.AlphaClient.SendAsync("health", XksBodies.Health(operation), default);

        var body = await XksAssert.OkAsync(response);
        Assert.True(body["xksProxyFleetSize"]!.GetValue<int>() > 0);
        Assert.Equal("Hyok", body["xksProxyVendor"]!.GetValue<string>());
        Assert.StartsWith("Hyok XKS Proxy", body["xksProxyModel"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(body["ekmVendor"]!.GetValue<string>()));
        var fleet = body["ekmFleetDetails"]!.AsArray();
        Assert.InRange(fleet.Count, 1, 10);
        Assert.All(fleet, e => Assert.Equal("ACTIVE", e!["healthStatus"]!.GetValue<string>()));
        Assert.All(fleet, e => Assert.False(string.IsNullOrEmpty(e!["id"]!.GetValue<string>())));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"requestMetadata\":{}}")]
    public async Task Health_EmptyMetadata_IsValidationException(string body)
    {
        using var response = await proxy.AlphaClient.SendAsync("health", Encoding.UTF8.GetBytes(body), default);

        await XksAssert.ErrorAsync(response, 400, "ValidationException");
    }

    [Fact]
    public async Task Health_UnknownAccessKeyId_IsAuthenticationFailed()
    {
        var stranger = new TestCredential(ProxyFixture.Alpha, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", proxy.AlphaCredential.Secret);

        using var response = await proxy.Client(stranger).SendAsync("health", XksBodies.Health(), default);

        await XksAssert.ErrorAsync(response, 401, "AuthenticationFailedException");
    }

    [Fact]
    public async Task Health_WrongSecret_IsAuthenticationFailed()
    {
        var wrong = proxy.AlphaCredential with { Secret = Convert.ToBase64String(new byte[32]) };

        using var response = await proxy.Client(wrong).SendAsync("health", XksBodies.Health(), default);

        await XksAssert.ErrorAsync(response, 401, "AuthenticationFailedException");
    }

    [Theory]
    [InlineData("/nope/kms/xks/v1/health")]
    [InlineData("/alpha/kms/xks/v2/health")]
    [InlineData("/alpha/kms/xks/v1/healthz")]
    [InlineData("/alpha/kms/xks/v1/keys/k-both/rotate")]
    [InlineData("/alpha/kms/xks/v1/keys/bad%20id/encrypt")]
    [InlineData("/")]
    public async Task AnyOperation_UnknownPath_IsInvalidUriPath(string path)
    {
        using var response = await proxy.Http.PostAsync(new Uri(proxy.BaseUri, path), new ByteArrayContent(XksBodies.Health()));

        await XksAssert.ErrorAsync(response, 404, "InvalidUriPathException");
    }

    [Theory]
    [InlineData("health")]
    [InlineData("keys/k-both/metadata")]
    [InlineData("keys/k-both/encrypt")]
    [InlineData("keys/k-both/decrypt")]
    public async Task AnyOperation_Get_Is405(string operation)
    {
        using var response = await proxy.Http.GetAsync(new Uri(proxy.BaseUri, "/alpha/kms/xks/v1/" + operation));

        await XksAssert.ErrorAsync(response, 405, "UnsupportedOperationException");
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Ping_Unauthenticated_Answers()
    {
        using var response = await proxy.Http.GetAsync(new Uri(proxy.BaseUri, "/ping"));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Collection(SoftwareProxyGroup.Name)]
    public sealed class Software(SoftwareProxyFixture proxy) : HealthStatusTests(proxy);

    [Collection(Pkcs11ProxyGroup.Name)]
    public sealed class Pkcs11(Pkcs11ProxyFixture proxy) : HealthStatusTests(proxy);

    [Collection(PostgreSqlProxyGroup.Name)]
    public sealed class PostgreSql(PostgreSqlProxyFixture proxy) : HealthStatusTests(proxy);

    [Collection(Pkcs11PostgreSqlProxyGroup.Name)]
    public sealed class Pkcs11PostgreSql(Pkcs11PostgreSqlProxyFixture proxy) : HealthStatusTests(proxy);
}
