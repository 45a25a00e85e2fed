using System.Text;
using Hyok.Keys;
using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Xks;

/// <summary>xks-spec.md §12 items 18-19, and CLI-style changes reaching the running server without restart.</summary>
public abstract class KeyUsageAndStateTests(ProxyFixture proxy)
{
    private static readonly byte[] Plaintext = Encoding.ASCII.GetBytes("Hello World!");

    [Fact]
    public async Task EncryptOnlyKey_EncryptWorks_DecryptAndCdivAreInvalidKeyUsage()
    {
        var encrypted = await proxy.AlphaClient.EncryptAsync("k-enc", XksBodies.Encrypt(Plaintext));

        await proxy.AlphaClient.ExpectErrorAsync("keys/k-enc/decrypt", XksBodies.Decrypt(encrypted), 400, "InvalidKeyUsageException");
        await proxy.AlphaClient.ExpectErrorAsync("keys/k-enc/encrypt", XksBodies.Encrypt(Plaintext, cdiv: true), 400, "InvalidKeyUsageException");
    }

    [Theory]
    [InlineData("k-dec", false)]
    [InlineData("k-dec", true)]
    [InlineData("k-none", false)]
    [InlineData("k-none", true)]
    public async Task KeyWithoutEncrypt_EveryEncrypt_IsInvalidKeyUsage(string keyId, bool cdiv)
    {
        await proxy.AlphaClient.ExpectErrorAsync($"keys/{keyId}/encrypt", XksBodies.Encrypt(Plaintext, cdiv: cdiv), 400, "InvalidKeyUsageException");
    }

    [Fact]
    public async Task NoUsageKey_Decrypt_IsInvalidKeyUsage()
    {
        var encrypted = await proxy.AlphaClient.EncryptAsync("k-both", XksBodies.Encrypt(Plaintext));

        await proxy.AlphaClient.ExpectErrorAsync("keys/k-none/decrypt", XksBodies.Decrypt(encrypted), 400, "InvalidKeyUsageException");
    }

    [Fact]
    public async Task DisabledKey_EncryptAndDecrypt_AreInvalidState()
    {
        var encrypted = await proxy.AlphaClient.EncryptAsync("k-both", XksBodies.Encrypt(Plaintext));

        await proxy.AlphaClient.ExpectErrorAsync("keys/k-disabled/encrypt", XksBodies.Encrypt(Plaintext), 400, "InvalidStateException");
        await proxy.AlphaClient.ExpectErrorAsync("keys/k-disabled/decrypt", XksBodies.Decrypt(encrypted), 400, "InvalidStateException");
    }

    [Fact]
    public async Task KeyCreatedDisabledAndEnabledWhileRunning_TakesEffectWithoutRestart()
    {
        proxy.CreateKey("k-live", ProxyFixture.Alpha, KeyUsage.EncryptDecrypt);
        await StoreChanges.WaitAsync(async () => await StatusAsync("keys/k-live/encrypt") == 200);
        var encrypted = await proxy.AlphaClient.EncryptAsync("k-live", XksBodies.Encrypt(Plaintext));

        proxy.SetKeyState("k-live", KeyState.Disabled);
        await StoreChanges.WaitAsync(async () => await StatusAsync("keys/k-live/encrypt") == 400);
        await proxy.AlphaClient.ExpectErrorAsync("keys/k-live/decrypt", XksBodies.Decrypt(encrypted), 400, "InvalidStateException");

        proxy.SetKeyState("k-live", KeyState.Enabled);
        await StoreChanges.WaitAsync(async () => await StatusAsync("keys/k-live/encrypt") == 200);
        await proxy.AlphaClient.DecryptAsync("k-live", XksBodies.Decrypt(encrypted));
    }

    private async Task<int> StatusAsync(string operationPath)
    {
        using var response = await proxy.AlphaClient.SendAsync(operationPath, XksBodies.Bytes(XksBodies.Encrypt(Plaintext)), default);
        return (int)response.StatusCode;
    }

    [Collection(SoftwareProxyGroup.Name)]
    public sealed class Software(SoftwareProxyFixture proxy) : KeyUsageAndStateTests(proxy);

    [Collection(Pkcs11ProxyGroup.Name)]
    public sealed class Pkcs11(Pkcs11ProxyFixture proxy) : KeyUsageAndStateTests(proxy);

    [Collection(PostgreSqlProxyGroup.Name)]
    public sealed class PostgreSql(PostgreSqlProxyFixture proxy) : KeyUsageAndStateTests(proxy);

    [Collection(Pkcs11PostgreSqlProxyGroup.Name)]
    public sealed class Pkcs11PostgreSql(Pkcs11PostgreSqlProxyFixture proxy) : KeyUsageAndStateTests(proxy);
}
