using System.Text;
using Hyok.Server.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Hyok.Server.Tests.Xks;

/// <summary>xks-spec.md §12 items 22 and 25: skew, service, tampering after signing, two live credentials, removal without restart.</summary>
public abstract class AuthenticationTests(ProxyFixture proxy)
{
    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public async Task Request_TimestampSkewedOverFiveMinutes_IsAuthenticationFailed(int minutes)
    {
        var skewed = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(minutes));

        using var response = await proxy.Client(proxy.AlphaCredential, skewed).SendAsync("health", XksBodies.Health(), default);

        await XksAssert.ErrorAsync(response, 401, "AuthenticationFailedException");
    }

    [Fact]
    public async Task Request_TimestampSkewedFourMinutes_IsAccepted()
    {
        var skewed = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-4));

        using var response = await proxy.Client(proxy.AlphaCredential, skewed).SendAsync("health", XksBodies.Health(), default);

        await XksAssert.OkAsync(response);
    }

    [Fact]
    public async Task Request_WrongServiceInScope_IsAuthenticationFailed()
    {
        using var response = await proxy.AlphaClient.SendAsync("health", XksBodies.Health(), request =>
        {
            var authorization = request.Headers.GetValues("Authorization").Single().Replace("/kms-xks-proxy/", "/kms/", StringComparison.Ordinal);
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            return Task.CompletedTask;
        }, default);

        await XksAssert.ErrorAsync(response, 401, "AuthenticationFailedException");
    }

    [Fact]
    public async Task Request_WrongRegion_IsAuthenticationFailed()
    {
        using var response = await proxy.Client(proxy.AlphaCredential, region: "eu-west-1").SendAsync("health", XksBodies.Health(), default);

        await XksAssert.ErrorAsync(response, 401, "AuthenticationFailedException");
    }

    [Fact]
    public async Task Request_BodyModifiedAfterSigning_IsAuthenticationFailed()
    {
        using var response = await proxy.AlphaClient.SendAsync("health", XksBodies.Health(), request =>
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"requestMetadata\":{\"kmsRequestId\":\"x\",\"kmsOperation\":\"KmsHealthCheck\"}}"));
            return Task.CompletedTask;
        }, default);

        await XksAssert.ErrorAsync(response, 401, "AuthenticationFailedException");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("AWS4-HMAC-SHA256 garbage")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Request_MissingOrGarbageAuthorization_IsAuthenticationFailed(string? authorization)
    {
        using var response = await proxy.AlphaClient.SendAsync("health", XksBodies.Health(), request =>
        {
            request.Headers.Remove("Authorization");
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            return Task.CompletedTask;
        }, default);

        await XksAssert.ErrorAsync(response, 401, "AuthenticationFailedException");
    }

    [Fact]
    public async Task TwoLiveCredentials_BothVerify_AndRemovalTakesEffectWithoutRestart()
    {
        var first = proxy.AddCredential(ProxyFixture.Alpha);
        var second = proxy.AddCredential(ProxyFixture.Alpha);
        await StoreChanges.WaitAsync(async () => await HealthStatusAsync(first) == 200 && await HealthStatusAsync(second) == 200);

        using (var admin = new SeparateAdmin(proxy.Options))
        {
            admin.Store.RemoveCredential(ProxyFixture.Alpha, first.AccessKeyId);
        }

        await StoreChanges.WaitAsync(async () => await HealthStatusAsync(first) == 401);
        Assert.Equal(200, await HealthStatusAsync(second));
    }

    private async Task<int> HealthStatusAsync(TestCredential credential)
    {
        using var response = await proxy.Client(credential).SendAsync("health", XksBodies.Health(), default);
        return (int)response.StatusCode;
    }

    [Collection(SoftwareProxyGroup.Name)]
    public sealed class Software(SoftwareProxyFixture proxy) : AuthenticationTests(proxy);

    [Collection(Pkcs11ProxyGroup.Name)]
    public sealed class Pkcs11(Pkcs11ProxyFixture proxy) : AuthenticationTests(proxy);

    [Collection(PostgreSqlProxyGroup.Name)]
    public sealed class PostgreSql(PostgreSqlProxyFixture proxy) : AuthenticationTests(proxy);
}
