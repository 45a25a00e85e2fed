using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Hyok.Kms.Tests.Hosting;

namespace Hyok.Kms.Tests.Operations;

public sealed class CryptoTests : EmulatorTest
{
    private static readonly Dictionary<string, string> Context = new() { ["tenant"] = "acme", ["purpose"] = "test" };

    [Fact]
    public async Task EncryptDecrypt_WithContext_RoundTripsWithoutKeyId()
    {
        var key = await CreateKeyAsync();
        byte[] plaintext = "sentinel-plaintext-7f3a"u8.ToArray();

        var encrypted = await Kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = new MemoryStream(plaintext), EncryptionContext = Context });
        var decrypted = await Kms.DecryptAsync(new DecryptRequest
        {
            CiphertextBlob = encrypted.CiphertextBlob,
            EncryptionContext = new Dictionary<string, string> { ["purpose"] = "test", ["tenant"] = "acme" },
        });

        Assert.Equal(key.Arn, encrypted.KeyId);
        Assert.Equal(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT, encrypted.EncryptionAlgorithm);
        Assert.DoesNotContain(Convert.ToHexString(plaintext), Convert.ToHexString(encrypted.CiphertextBlob.ToArray()), StringComparison.Ordinal);
        Assert.Equal(key.Arn, decrypted.KeyId);
        Assert.Equal(plaintext, decrypted.Plaintext.ToArray());
    }

    [Fact]
    public async Task Encrypt_ThroughAlias_UsesTheTargetKey()
    {
        var key = await CreateKeyAsync();
        await Kms.CreateAliasAsync(new CreateAliasRequest { AliasName = "alias/crypto", TargetKeyId = key.KeyId });

        var encrypted = await Kms.EncryptAsync(new EncryptRequest { KeyId = "alias/crypto", Plaintext = new MemoryStream([9]) });

        Assert.Equal(key.Arn, encrypted.KeyId);
    }

    [Theory]
    [InlineData("tenant", "other")]
    [InlineData("extra", "pair")]
    public async Task Decrypt_DifferentContext_ThrowsInvalidCiphertext(string name, string value)
    {
        var key = await CreateKeyAsync();
        var encrypted = await Kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = new MemoryStream([1, 2]), EncryptionContext = Context });
        var wrong = new Dictionary<string, string>(Context) { [name] = value };

        await Assert.ThrowsAsync<InvalidCiphertextException>(() =>
            Kms.DecryptAsync(new DecryptRequest { CiphertextBlob = encrypted.CiphertextBlob, EncryptionContext = wrong }));
        await Assert.ThrowsAsync<InvalidCiphertextException>(() =>
            Kms.DecryptAsync(new DecryptRequest { CiphertextBlob = encrypted.CiphertextBlob }));
    }

    [Fact]
    public async Task Decrypt_ModifiedOrForeignBlob_ThrowsInvalidCiphertext()
    {
        var key = await CreateKeyAsync();
        byte[] blob = (await Kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = new MemoryStream([1, 2]) })).CiphertextBlob.ToArray();
        blob[^1] ^= 1;

        await Assert.ThrowsAsync<InvalidCiphertextException>(() => Kms.DecryptAsync(new DecryptRequest { CiphertextBlob = new MemoryStream(blob) }));
        await Assert.ThrowsAsync<InvalidCiphertextException>(() =>
            Kms.DecryptAsync(new DecryptRequest { CiphertextBlob = new MemoryStream(new byte[64]) }));
    }

    [Fact]
    public async Task Decrypt_OtherKeyIdGiven_ThrowsIncorrectKey()
    {
        var key = await CreateKeyAsync();
        var other = await CreateKeyAsync();
        var encrypted = await Kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = new MemoryStream([1]) });

        await Assert.ThrowsAsync<IncorrectKeyException>(() =>
            Kms.DecryptAsync(new DecryptRequest { CiphertextBlob = encrypted.CiphertextBlob, KeyId = other.KeyId }));
    }

    [Fact]
    public async Task Decrypt_DisabledKey_ThrowsDisabled()
    {
        var key = await CreateKeyAsync();
        var encrypted = await Kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = new MemoryStream([1]) });
        await Kms.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyId });

        await Assert.ThrowsAsync<DisabledException>(() => Kms.DecryptAsync(new DecryptRequest { CiphertextBlob = encrypted.CiphertextBlob }));
    }

    [Fact]
    public async Task Encrypt_PlaintextOver4096Bytes_ThrowsValidation()
    {
        var key = await CreateKeyAsync();

        var error = await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() =>
            Kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = new MemoryStream(new byte[4097]) }));

        Assert.Equal("ValidationException", error.ErrorCode);
    }

    [Fact]
    public async Task ReEncrypt_ToAnotherKeyAndContext_DecryptsOnlyUnderTheNewOnes()
    {
        var source = await CreateKeyAsync();
        var destination = await CreateKeyAsync();
        var encrypted = await Kms.EncryptAsync(new EncryptRequest { KeyId = source.KeyId, Plaintext = new MemoryStream([4, 5, 6]), EncryptionContext = Context });
        var newContext = new Dictionary<string, string> { ["stage"] = "two" };

        var reEncrypted = await Kms.ReEncryptAsync(new ReEncryptRequest
        {
            CiphertextBlob = encrypted.CiphertextBlob,
            SourceEncryptionContext = Context,
            DestinationKeyId = destination.KeyId,
            DestinationEncryptionContext = newContext,
        });

        Assert.Equal(source.Arn, reEncrypted.SourceKeyId);
        Assert.Equal(destination.Arn, reEncrypted.KeyId);
        var decrypted = await Kms.DecryptAsync(new DecryptRequest { CiphertextBlob = reEncrypted.CiphertextBlob, EncryptionContext = newContext });
        Assert.Equal(destination.Arn, decrypted.KeyId);
        Assert.Equal(new byte[] { 4, 5, 6 }, decrypted.Plaintext.ToArray());
        await Assert.ThrowsAsync<InvalidCiphertextException>(() =>
            Kms.DecryptAsync(new DecryptRequest { CiphertextBlob = reEncrypted.CiphertextBlob, EncryptionContext = Context }));
    }

    [Theory]
    [InlineData("AES_256", 32)]
    [InlineData("AES_128", 16)]
    public async Task GenerateDataKey_KeySpec_PlaintextDecryptsFromBlob(string keySpec, int length)
    {
        var key = await CreateKeyAsync();

        var dataKey = await Kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key.KeyId, KeySpec = keySpec, EncryptionContext = Context });

        Assert.Equal(length, dataKey.Plaintext.Length);
        Assert.Equal(key.Arn, dataKey.KeyId);
        var decrypted = await Kms.DecryptAsync(new DecryptRequest { CiphertextBlob = dataKey.CiphertextBlob, EncryptionContext = Context });
        Assert.Equal(dataKey.Plaintext.ToArray(), decrypted.Plaintext.ToArray());
    }

    [Fact]
    public async Task GenerateDataKeyWithoutPlaintext_NumberOfBytes_BlobDecryptsToThatMany()
    {
        var key = await CreateKeyAsync();

        var dataKey = await Kms.GenerateDataKeyWithoutPlaintextAsync(new GenerateDataKeyWithoutPlaintextRequest { KeyId = key.KeyId, NumberOfBytes = 48 });

        var decrypted = await Kms.DecryptAsync(new DecryptRequest { CiphertextBlob = dataKey.CiphertextBlob });
        Assert.Equal(48, decrypted.Plaintext.Length);
    }

    [Fact]
    public async Task GenerateDataKey_BothOrNeitherSize_ThrowsValidation()
    {
        var key = await CreateKeyAsync();

        var both = await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() =>
            Kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key.KeyId, KeySpec = DataKeySpec.AES_256, NumberOfBytes = 32 }));
        var neither = await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() =>
            Kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = key.KeyId }));

        Assert.Equal("ValidationException", both.ErrorCode);
        Assert.Equal("ValidationException", neither.ErrorCode);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1024)]
    public async Task GenerateRandom_InRange_ReturnsThatManyBytes(int count)
    {
        var random = await Kms.GenerateRandomAsync(new GenerateRandomRequest { NumberOfBytes = count });

        Assert.Equal(count, random.Plaintext.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1025)]
    public async Task GenerateRandom_OutOfRange_ThrowsValidation(int count)
    {
        var error = await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() =>
            Kms.GenerateRandomAsync(new GenerateRandomRequest { NumberOfBytes = count }));

        Assert.Equal("ValidationException", error.ErrorCode);
    }
}
