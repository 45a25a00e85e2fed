using Hyok.Kms.Tests.ExternalKeyStores.Support;

namespace Hyok.Kms.Tests.ExternalKeys;

/// <summary>The proxy goes away after the key was created (this class's proxy is stopped: one test only).</summary>
public sealed class ProxyStoppedTests(HyokProxy proxy) : ExternalKeyTest(proxy)
{
    [Fact]
    public async Task EncryptDecrypt_ProxyStopped_ThrowsInvalidStateCannotCommunicate()
    {
        var (_, key, _) = await CreateStoreAndKeyAsync();
        var encrypted = await EncryptAsync(key.KeyId, Sentinel());

        await Proxy.StopAsync();

        await AssertInvalidStateAsync("cannot communicate with the external key store proxy", () => EncryptAsync(key.KeyId, Sentinel()));
        await AssertInvalidStateAsync("cannot communicate with the external key store proxy", () => DecryptAsync(encrypted.CiphertextBlob));
    }
}
