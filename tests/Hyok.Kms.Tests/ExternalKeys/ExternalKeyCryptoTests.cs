using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;
using Hyok.Auditing;
using Hyok.Kms.Tests.ExternalKeyStores.Support;
using Hyok.Kms.Tests.Hosting;
using Hyok.Testing;

namespace Hyok.Kms.Tests.ExternalKeys;

public sealed class ExternalKeyCryptoTests(HyokProxy proxy) : ExternalKeyTest(proxy)
{
    [Fact]
    public async Task EncryptDecrypt_WithContext_RoundTripsThroughTheProxy()
    {
        var (_, key, xksKeyId) = await CreateStoreAndKeyAsync();

        var encrypted = await EncryptAsync(key.KeyId, Sentinel());
        var decrypted = await DecryptAsync(encrypted.CiphertextBlob, new Dictionary<string, string> { ["purpose"] = "xks-test", ["tenant"] = "acme" });

        Assert.Equal(key.Arn, encrypted.KeyId);
        Assert.Equal(key.Arn, decrypted.KeyId);
        Assert.Equal(Sentinel(), decrypted.Plaintext.ToArray());
        Assert.Equal(2, encrypted.CiphertextBlob.ToArray()[0]);
        await AssertProxyCalledAsync(encrypted, "Encrypt", "Encrypt", key.Arn, xksKeyId);
        await AssertProxyCalledAsync(decrypted, "Decrypt", "Decrypt", key.Arn, xksKeyId);
    }

    [Fact]
    public async Task GenerateDataKey_BothForms_DecryptToTheDataKey()
    {
        var (_, key, xksKeyId) = await CreateStoreAndKeyAsync();

        var withPlaintext = await Kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key.KeyId, KeySpec = DataKeySpec.AES_256, EncryptionContext = Context });
        var withoutPlaintext = await Kms.GenerateDataKeyWithoutPlaintextAsync(
            new GenerateDataKeyWithoutPlaintextRequest { KeyId = key.KeyId, NumberOfBytes = 48, EncryptionContext = Context });
        var first = await DecryptAsync(withPlaintext.CiphertextBlob);
        var second = await DecryptAsync(withoutPlaintext.CiphertextBlob);

        Assert.Equal(withPlaintext.Plaintext.ToArray(), first.Plaintext.ToArray());
        Assert.Equal(32, first.Plaintext.Length);
        Assert.Equal(48, second.Plaintext.Length);
        await AssertProxyCalledAsync(withPlaintext, "Encrypt", "GenerateDataKey", key.Arn, xksKeyId);
        await AssertProxyCalledAsync(withoutPlaintext, "Encrypt", "GenerateDataKeyWithoutPlaintext", key.Arn, xksKeyId);
    }

    [Fact]
    public async Task ReEncrypt_BetweenAwsKmsAndExternalKeys_RoundTripsBothWays()
    {
        var (_, external, xksKeyId) = await CreateStoreAndKeyAsync();
        var local = (await Kms.CreateKeyAsync(new CreateKeyRequest())).KeyMetadata;
        var localContext = new Dictionary<string, string> { ["stage"] = "local" };
        var encrypted = await EncryptAsync(local.KeyId, Sentinel(), localContext);

        var toExternal = await Kms.ReEncryptAsync(new ReEncryptRequest
        {
            CiphertextBlob = encrypted.CiphertextBlob, SourceEncryptionContext = localContext, DestinationKeyId = external.Arn, DestinationEncryptionContext = Context,
        });
        var backToLocal = await Kms.ReEncryptAsync(new ReEncryptRequest
        {
            CiphertextBlob = toExternal.CiphertextBlob, SourceEncryptionContext = Context, DestinationKeyId = local.KeyId, DestinationEncryptionContext = localContext,
        });
        var viaExternal = await DecryptAsync(toExternal.CiphertextBlob);
        var viaLocal = await DecryptAsync(backToLocal.CiphertextBlob, localContext);

        Assert.Equal((local.Arn, external.Arn), (toExternal.SourceKeyId, toExternal.KeyId));
        Assert.Equal((external.Arn, local.Arn), (backToLocal.SourceKeyId, backToLocal.KeyId));
        Assert.Equal(Sentinel(), viaExternal.Plaintext.ToArray());
        Assert.Equal(Sentinel(), viaLocal.Plaintext.ToArray());
        await AssertProxyCalledAsync(toExternal, "Encrypt", "ReEncrypt", external.Arn, xksKeyId);
        await AssertProxyCalledAsync(backToLocal, "Decrypt", "ReEncrypt", external.Arn, xksKeyId);
    }

    [Theory]
    [InlineData("tenant", "other")]
    [InlineData("extra", "pair")]
    public async Task Decrypt_WrongContext_ThrowsInvalidCiphertextWithoutAskingTheProxy(string name, string value)
    {
        var (_, key, _) = await CreateStoreAndKeyAsync();
        var encrypted = await EncryptAsync(key.KeyId, Sentinel());

        var wrong = await Assert.ThrowsAsync<InvalidCiphertextException>(() => DecryptAsync(encrypted.CiphertextBlob, new(Context) { [name] = value }));
        await Assert.ThrowsAsync<InvalidCiphertextException>(() => DecryptAsync(encrypted.CiphertextBlob, []));

        Assert.Empty(Proxy.AuditOf(wrong.RequestId));
    }

    [Fact]
    public async Task Decrypt_ModifiedBlob_ThrowsInvalidState()
    {
        var (_, key, _) = await CreateStoreAndKeyAsync();
        byte[] blob = (await EncryptAsync(key.KeyId, Sentinel())).CiphertextBlob.ToArray();
        blob[^1] ^= 0x01;

        await AssertInvalidStateAsync("corrupted", () => DecryptAsync(new MemoryStream(blob)));
    }

    [Fact]
    public async Task EncryptDecrypt_DisabledKmsKey_ThrowsDisabled()
    {
        var (_, key, _) = await CreateStoreAndKeyAsync();
        var encrypted = await EncryptAsync(key.KeyId, Sentinel());
        await Kms.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyId });

        await Assert.ThrowsAsync<DisabledException>(() => EncryptAsync(key.KeyId, Sentinel()));
        await Assert.ThrowsAsync<DisabledException>(() => DecryptAsync(encrypted.CiphertextBlob));
        await Kms.EnableKeyAsync(new EnableKeyRequest { KeyId = key.KeyId });
        Assert.Equal(Sentinel(), (await DecryptAsync(encrypted.CiphertextBlob)).Plaintext.ToArray());
    }

    /// <summary>Exactly one proxy request carried the SDK response's request id, with the caller, key and API in its requestMetadata.</summary>
    private async Task AssertProxyCalledAsync(AmazonWebServiceResponse response, string xksOperation, string kmsOperation, string keyArn, string xksKeyId)
    {
        string requestId = response.ResponseMetadata.RequestId;
        IReadOnlyList<AuditEvent> records = [];
        Assert.True(await Eventually.WithinAsync(Eventually.OneSecond * 5, () => (records = Proxy.AuditOf(requestId)).Count > 0), $"no audit record for {requestId}");
        var record = Assert.Single(records);
        Assert.Equal((xksOperation, kmsOperation, RunningEmulator.Principal, keyArn, xksKeyId, "OK"),
            (record.XksOperation, record.KmsOperation, record.AwsPrincipalArn, record.KmsKeyArn, record.ExternalKeyId, record.Outcome));
    }
}
