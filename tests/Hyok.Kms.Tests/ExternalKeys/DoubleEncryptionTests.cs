using System.Security.Cryptography;
using Amazon.KeyManagementService.Model;
using Hyok.Kms.Crypto;
using Hyok.Kms.ExternalKeyStores;
using Hyok.Kms.Storage;
using Hyok.Kms.Tests.ExternalKeyStores.Support;
using Hyok.Storage;

namespace Hyok.Kms.Tests.ExternalKeys;

/// <summary>The ciphertext blob of an XKS key opens only with both halves: the proxy's external key and the emulator's inner material.</summary>
public sealed class DoubleEncryptionTests(HyokProxy proxy) : ExternalKeyTest(proxy)
{
    [Fact]
    public async Task Blob_OuterLayerDecryptedByTheProxyAlone_YieldsOnlyTheInnerCiphertext()
    {
        var (_, key, xksKeyId) = await CreateStoreAndKeyAsync();
        byte[] bytes = (await EncryptAsync(key.KeyId, Sentinel())).CiphertextBlob.ToArray();
        Assert.True(ExternalCiphertextBlob.TryParse(bytes, out var blob));

        // What a party holding the external key (the proxy, the key owner) can do with the blob without the emulator.
        using var caller = Proxy.Caller();
        var result = await caller.DecryptAsync(xksKeyId, new XksRequestContext("Decrypt", "arn:aws:iam::111122223333:user/insider", key.Arn),
            blob.Outer, DoubleEnvelope.OuterAad(blob.Header, key.Arn));

        Assert.True(result.IsSuccess, result.Failure?.Detail);
        byte[] inner = result.Value;
        Assert.Equal(Sentinel().Length + DoubleEnvelope.InnerOverhead, inner.Length);
        Assert.False(Contains(inner, Sentinel()), "the proxy's plaintext holds the caller's plaintext");
        Assert.False(DoubleEnvelope.TryOpenInner(RandomNumberGenerator.GetBytes(32), blob.Header, key.Arn, Context, inner, out _));
        using var material = OpenInnerMaterial(key.KeyId);
        Assert.True(DoubleEnvelope.TryOpenInner(material.Bytes, blob.Header, key.Arn, Context, inner, out byte[]? plaintext), "the emulator's material opens the inner layer");
        Assert.Equal(Sentinel(), plaintext);
    }

    [Fact]
    public async Task Blob_ExternalKeyUnavailable_EmulatorAloneCannotDecrypt()
    {
        var (_, key, xksKeyId) = await CreateStoreAndKeyAsync();
        var encrypted = await EncryptAsync(key.KeyId, Sentinel());
        byte[] bytes = encrypted.CiphertextBlob.ToArray();
        Assert.True(ExternalCiphertextBlob.TryParse(bytes, out var blob));

        Proxy.SetKeyState(xksKeyId, Hyok.Keys.KeyState.Disabled);

        await AssertInvalidStateAsync("not enabled", () => DecryptAsync(encrypted.CiphertextBlob));
        Assert.False(Contains(bytes, Sentinel()), "the blob holds the plaintext");
        using var material = OpenInnerMaterial(key.KeyId);
        Assert.False(DoubleEnvelope.TryOpenInner(material.Bytes, blob.Header, key.Arn, Context, blob.Outer.Ciphertext, out _),
            "the emulator's material opened the proxy's layer");
        Assert.False(OpensWithMaterial(material.Bytes, blob), "the emulator's raw material opened the proxy's layer");
    }

    [Fact]
    public async Task Blob_RewrittenToNameAnotherKmsKey_ThrowsInvalidCiphertext()
    {
        var (storeId, key, _) = await CreateStoreAndKeyAsync();
        var other = await CreateXksKeyAsync(storeId, Proxy.CreateKey());
        byte[] bytes = (await EncryptAsync(key.KeyId, Sentinel())).CiphertextBlob.ToArray();
        Assert.True(ExternalCiphertextBlob.TryParse(bytes, out var blob));

        byte[] forged = (blob with { KeyId = Guid.Parse(other.KeyId) }).ToBytes();

        await Assert.ThrowsAsync<InvalidCiphertextException>(() => DecryptAsync(new MemoryStream(forged)));
        Assert.Equal(Sentinel(), (await DecryptAsync(new MemoryStream(blob.ToBytes()))).Plaintext.ToArray());
    }

    private static bool OpensWithMaterial(byte[] material, ExternalCiphertextBlob blob)
    {
        if (blob.Outer.InitializationVector.Length != 12)
        {
            return false;
        }

        try
        {
            using var gcm = new AesGcm(material, 16);
            gcm.Decrypt(blob.Outer.InitializationVector, blob.Outer.Ciphertext, blob.Outer.AuthenticationTag, new byte[blob.Outer.Ciphertext.Length],
                DoubleEnvelope.OuterAad(blob.Header, "any"));
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    /// <summary>The KMS key's inner material, read from the emulator's database as only the emulator could.</summary>
    private Material OpenInnerMaterial(string keyId)
    {
        using var masterKey = MasterKey.LoadFile(Path.Combine(Folder, "kms-master.key"));
        using var database = KmsDatabase.Open(Path.Combine(Folder, "kms.db"), masterKey);
        return new Material(database.OpenMaterial(Guid.Parse(keyId)) ?? throw new InvalidOperationException("no inner material"));
    }

    private sealed class Material(byte[] bytes) : IDisposable
    {
        public byte[] Bytes => bytes;

        public void Dispose() => CryptographicOperations.ZeroMemory(bytes);
    }
}
