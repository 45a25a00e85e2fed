using Amazon.KeyManagementService.Model;
using Hyok.Authorization;
using Hyok.Kms.Tests.ExternalKeyStores.Support;
using Hyok.Kms.Tests.Hosting;

namespace Hyok.Kms.Tests.ExternalKeys;

/// <summary>What the key owner does at the proxy after the KMS key was created, and what the KMS caller then sees (xks-spec.md §6.4).</summary>
public sealed class ExternalKeyFailureTests(HyokProxy proxy) : ExternalKeyTest(proxy)
{
    private const string NotEnabledOrBlocked = "not enabled in the external key manager, or the key or key store is blocked";

    [Fact]
    public async Task EncryptDecrypt_ExternalKeyDisabledAtTheProxy_ThrowsInvalidStateUntilEnabled()
    {
        var (_, key, xksKeyId) = await CreateStoreAndKeyAsync();
        var encrypted = await EncryptAsync(key.KeyId, Sentinel());

        Proxy.SetKeyState(xksKeyId, Hyok.Keys.KeyState.Disabled);
        await AssertInvalidStateAsync(NotEnabledOrBlocked, () => EncryptAsync(key.KeyId, Sentinel()));
        await AssertInvalidStateAsync(NotEnabledOrBlocked, () => DecryptAsync(encrypted.CiphertextBlob));
        await AssertInvalidStateAsync(NotEnabledOrBlocked, () => Kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key.KeyId, NumberOfBytes = 32 }));

        Proxy.SetKeyState(xksKeyId, Hyok.Keys.KeyState.Enabled);
        Assert.Equal(Sentinel(), (await DecryptAsync(encrypted.CiphertextBlob)).Plaintext.ToArray());
    }

    [Fact]
    public async Task DescribeAndEncrypt_KeyStoreDisconnected_KeyIsUnavailableUntilReconnected()
    {
        var (storeId, key, _) = await CreateStoreAndKeyAsync();
        var encrypted = await EncryptAsync(key.KeyId, Sentinel());

        await Kms.DisconnectCustomKeyStoreAsync(new DisconnectCustomKeyStoreRequest { CustomKeyStoreId = storeId });
        var unavailable = (await Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = key.KeyId })).KeyMetadata;
        await AssertInvalidStateAsync("not CONNECTED", () => EncryptAsync(key.KeyId, Sentinel()));
        await AssertInvalidStateAsync("not CONNECTED", () => DecryptAsync(encrypted.CiphertextBlob));

        await ConnectAsync(storeId);
        var available = (await Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = key.KeyId })).KeyMetadata;

        Assert.Equal(Amazon.KeyManagementService.KeyState.Unavailable, unavailable.KeyState);
        Assert.False(unavailable.Enabled);
        Assert.Equal(Amazon.KeyManagementService.KeyState.Enabled, available.KeyState);
        Assert.Equal(Sentinel(), (await DecryptAsync(encrypted.CiphertextBlob)).Plaintext.ToArray());
    }

    [Fact]
    public async Task EncryptDecrypt_KeyStoreBlockedByKillSwitch_ThrowsInvalidStateUntilUnblocked()
    {
        var (_, key, _) = await CreateStoreAndKeyAsync();
        var encrypted = await EncryptAsync(key.KeyId, Sentinel());

        using (Proxy.Block(BlockKind.KeyStore, HyokProxy.Alpha))
        {
            await AssertInvalidStateAsync(NotEnabledOrBlocked, () => EncryptAsync(key.KeyId, Sentinel()));
            await AssertInvalidStateAsync(NotEnabledOrBlocked, () => DecryptAsync(encrypted.CiphertextBlob));
            await AssertInvalidStateAsync(NotEnabledOrBlocked, () => Kms.ReEncryptAsync(new ReEncryptRequest
            {
                CiphertextBlob = new MemoryStream(encrypted.CiphertextBlob.ToArray()), SourceEncryptionContext = Context, DestinationKeyId = key.KeyId,
            }));
        }

        Assert.Equal(Sentinel(), (await DecryptAsync(encrypted.CiphertextBlob)).Plaintext.ToArray());
    }

    [Fact]
    public async Task Decrypt_CallerBlockedByKillSwitch_ThrowsInvalidStateAccessDenied()
    {
        var (_, key, _) = await CreateStoreAndKeyAsync();
        var encrypted = await EncryptAsync(key.KeyId, Sentinel());

        using (Proxy.Block(BlockKind.Principal, RunningEmulator.Principal))
        {
            await AssertInvalidStateAsync("denied access", () => DecryptAsync(encrypted.CiphertextBlob));
        }
    }

    [Fact]
    public async Task EncryptDecrypt_CredentialRevokedAfterConnect_ThrowsInvalidStateAuthentication()
    {
        var credential = Proxy.AddAlphaCredential();
        string storeId = await CreateConnectedStoreAsync(Proxy.Settings() with { AccessKeyId = credential.AccessKeyId, Secret = credential.Secret }, "hyok-revoked");
        var key = await CreateXksKeyAsync(storeId, Proxy.CreateKey());
        var encrypted = await EncryptAsync(key.KeyId, Sentinel());

        Proxy.RemoveAlphaCredential(credential.AccessKeyId);

        await AssertInvalidStateAsync("could not authenticate AWS KMS", () => EncryptAsync(key.KeyId, Sentinel()));
        await AssertInvalidStateAsync("could not authenticate AWS KMS", () => DecryptAsync(encrypted.CiphertextBlob));
    }
}
