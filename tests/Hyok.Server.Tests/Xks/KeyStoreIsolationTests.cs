using System.Text;
using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Xks;

/// <summary>Several logical key stores on one proxy: keys and credentials of one store are invisible through another.</summary>
public abstract class KeyStoreIsolationTests(ProxyFixture proxy)
{
    [Fact]
    public async Task BetaKey_ThroughAlphaPrefix_IsKeyNotFound()
    {
        await proxy.AlphaClient.ExpectErrorAsync("keys/b-key/encrypt", XksBodies.Encrypt([1, 2, 3]), 404, "KeyNotFoundException");
        using var response = await proxy.AlphaClient.SendAsync("keys/b-key/metadata", XksBodies.Metadata(), default);
        await XksAssert.ErrorAsync(response, 404, "KeyNotFoundException");
    }

    [Fact]
    public async Task BetaKey_ThroughBetaPrefix_RoundTrips()
    {
        var beta = proxy.Client(proxy.BetaCredential);
        var encrypted = await beta.EncryptAsync("b-key", XksBodies.Encrypt(Encoding.ASCII.GetBytes("beta")));

        var decrypted = await beta.DecryptAsync("b-key", XksBodies.Decrypt(encrypted));

        Assert.Equal("YmV0YQ==", decrypted["plaintext"]!.GetValue<string>());
    }

    [Fact]
    public async Task AlphaCredential_OnBetaPrefix_IsAuthenticationFailed()
    {
        var misplaced = proxy.AlphaCredential with { KeyStore = ProxyFixture.Beta };

        using var response = await proxy.Client(misplaced).SendAsync("health", XksBodies.Health(), default);

        await XksAssert.ErrorAsync(response, 401, "AuthenticationFailedException");
    }

    [Collection(SoftwareProxyGroup.Name)]
    public sealed class Software(SoftwareProxyFixture proxy) : KeyStoreIsolationTests(proxy);

    [Collection(Pkcs11ProxyGroup.Name)]
    public sealed class Pkcs11(Pkcs11ProxyFixture proxy) : KeyStoreIsolationTests(proxy);

    [Collection(PostgreSqlProxyGroup.Name)]
    public sealed class PostgreSql(PostgreSqlProxyFixture proxy) : KeyStoreIsolationTests(proxy);
}
