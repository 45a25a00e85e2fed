using System.Security.Cryptography;
using Hyok.Protocol;
using Hyok.Storage;

namespace Hyok.Keys.Software;

public sealed class SoftwareKeyBackendTests : IDisposable
{
    private static readonly byte[] Plaintext = "Hello World! a sentinel plaintext"u8.ToArray();
    private static readonly byte[] Aad = "project=nile"u8.ToArray();
    private readonly TestStore _store = new();

    public SoftwareKeyBackendTests()
    {
        _store.Store.CreateKey("k1", "ks1", KeyUsage.EncryptDecrypt);
        Backend = _store.Backend;
    }

    private SoftwareKeyBackend Backend { get; }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task EncryptThenDecrypt_SameAad_RoundTrips()
    {
        var sealedData = await EncryptAsync("k1");

        var decrypted = await Backend.DecryptAsync("k1", 1, sealedData, Aad, default);

        Assert.True(decrypted.IsSuccess);
        Assert.Equal(Plaintext, decrypted.Value);
        Assert.Equal(Plaintext.Length, sealedData.Ciphertext.Length);
        Assert.Equal(12, sealedData.InitializationVector.Length);
        Assert.Equal(16, sealedData.AuthenticationTag.Length);
    }

    [Fact]
    public async Task Encrypt_Twice_FreshIvEachTime()
    {
        Assert.NotEqual((await EncryptAsync("k1")).InitializationVector, (await EncryptAsync("k1")).InitializationVector);
    }

    [Fact]
    public async Task Encrypt_KeyMaterialFromSnapshot_IsStandardAesGcm()
    {
        var sealedData = await EncryptAsync("k1");
        using var lease = _store.Watcher.Acquire();
        using var gcm = new AesGcm(lease.Snapshot.Keys["k1"].Material, 16);
        byte[] plaintext = new byte[sealedData.Ciphertext.Length];

        gcm.Decrypt(sealedData.InitializationVector, sealedData.Ciphertext, sealedData.AuthenticationTag, plaintext, Aad);

        Assert.Equal(Plaintext, plaintext);
    }

    public static TheoryData<string> Tamperings => ["ciphertext", "iv", "tag", "aad"];

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task Decrypt_Tampered_InvalidCiphertext(string part)
    {
        var s = await EncryptAsync("k1");
        byte[] aad = (byte[])Aad.Clone();
        byte[] target = part switch { "ciphertext" => s.Ciphertext, "iv" => s.InitializationVector, "tag" => s.AuthenticationTag, _ => aad };
        target[0] ^= 0x80;

        var result = await Backend.DecryptAsync("k1", 1, s, aad, default);

        Assert.Equal(XksErrorCode.InvalidCiphertextException, result.Error?.Code);
    }

    [Fact]
    public async Task Decrypt_AadMissing_InvalidCiphertext()
    {
        var result = await Backend.DecryptAsync("k1", 1, await EncryptAsync("k1"), ReadOnlyMemory<byte>.Empty, default);

        Assert.Equal(XksErrorCode.InvalidCiphertextException, result.Error?.Code);
    }

    [Theory]
    [InlineData(16, 16)]
    [InlineData(8, 16)]
    [InlineData(12, 12)]
    [InlineData(12, 0)]
    public async Task Decrypt_WrongIvOrTagLength_InvalidCiphertext(int ivLength, int tagLength)
    {
        var s = await EncryptAsync("k1");

        var result = await Backend.DecryptAsync("k1", 1, new GcmSealed(s.Ciphertext, new byte[ivLength], new byte[tagLength]), Aad, default);

        Assert.Equal(XksErrorCode.InvalidCiphertextException, result.Error?.Code);
    }

    [Fact]
    public async Task Decrypt_OtherKey_InvalidCiphertext()
    {
        _store.Store.CreateKey("k2", "ks1");
        _store.Watcher.Refresh();

        var result = await Backend.DecryptAsync("k2", 1, await EncryptAsync("k1"), Aad, default);

        Assert.Equal(XksErrorCode.InvalidCiphertextException, result.Error?.Code);
    }

    [Fact]
    public async Task EncryptAndDecrypt_UnknownKey_KeyNotFound()
    {
        var encrypted = await Backend.EncryptAsync("nope", 1, Plaintext, Aad, default);
        var decrypted = await Backend.DecryptAsync("nope", 1, new GcmSealed([], new byte[12], new byte[16]), Aad, default);

        Assert.Equal(XksErrorCode.KeyNotFoundException, encrypted.Error?.Code);
        Assert.Equal(XksErrorCode.KeyNotFoundException, decrypted.Error?.Code);
    }

    [Fact]
    public async Task Encrypt_DisabledKey_InvalidState()
    {
        _store.Store.SetState("k1", KeyState.Disabled);
        _store.Watcher.Refresh();

        var result = await Backend.EncryptAsync("k1", 1, Plaintext, Aad, default);

        Assert.Equal(XksErrorCode.InvalidStateException, result.Error?.Code);
    }

    [Fact]
    public async Task Decrypt_EncryptOnlyKey_InvalidKeyUsage()
    {
        _store.Store.CreateKey("enc-only", "ks1", KeyUsage.Encrypt);
        _store.Watcher.Refresh();
        var sealedData = await EncryptAsync("enc-only");

        var result = await Backend.DecryptAsync("enc-only", 1, sealedData, Aad, default);

        Assert.Equal(XksErrorCode.InvalidKeyUsageException, result.Error?.Code);
    }

    [Fact]
    public async Task EncryptAndDecrypt_UsageNone_InvalidKeyUsage()
    {
        _store.Store.CreateKey("no-use", "ks1", KeyUsage.None);
        _store.Watcher.Refresh();

        var encrypted = await Backend.EncryptAsync("no-use", 1, Plaintext, Aad, default);
        var decrypted = await Backend.DecryptAsync("no-use", 1, new GcmSealed([], new byte[12], new byte[16]), Aad, default);

        Assert.Equal(XksErrorCode.InvalidKeyUsageException, encrypted.Error?.Code);
        Assert.Equal(XksErrorCode.InvalidKeyUsageException, decrypted.Error?.Code);
    }

    [Fact]
    public async Task FindKey_KnownAndUnknownAndHealth_DescriptorOrNull()
    {
        Assert.Equal("ks1", (await Backend.FindKeyAsync("k1", default)).Value?.KeyStore);
        Assert.Null((await Backend.FindKeyAsync("nope", default)).Value);
        Assert.Null((await Backend.FindKeyAsync("hyok:health", default)).Value);
    }

    [Fact]
    public async Task Encrypt_HealthKeyId_KeyNotFound()
    {
        var result = await Backend.EncryptAsync("hyok:health", 1, Plaintext, Aad, default);

        Assert.Equal(XksErrorCode.KeyNotFoundException, result.Error?.Code);
    }

    [Fact]
    public async Task FindKey_CreatedThenDisabledBySecondInstance_SeenWithinOneSecond()
    {
        var cli = _store.OpenSecondStore();

        cli.CreateKey("from-cli", "ks1");
        Assert.True(await Eventually.WithinAsync(Eventually.OneSecond,
            async () => (await Backend.FindKeyAsync("from-cli", default)).Value is { State: KeyState.Enabled }));

        cli.SetState("from-cli", KeyState.Disabled);
        Assert.True(await Eventually.WithinAsync(Eventually.OneSecond,
            async () => (await Backend.EncryptAsync("from-cli", 1, Plaintext, Aad, default)).Error?.Code == XksErrorCode.InvalidStateException));
    }

    [Fact]
    public async Task Probe_HealthyStore_True()
    {
        Assert.True(await Backend.ProbeAsync(default));
        Assert.DoesNotContain(_store.Store.ListKeys(), k => k.Id.StartsWith("hyok", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Probe_DatabaseDeleted_FalseWithinOneSecondWhileKeysStillServe()
    {
        foreach (string file in Directory.GetFiles(_store.Directory.Path, "hyok.db*"))
        {
            File.Delete(file);
        }

        Assert.True(await Eventually.WithinAsync(Eventually.OneSecond, async () => !await Backend.ProbeAsync(default)));
        Assert.True((await Backend.EncryptAsync("k1", 1, Plaintext, Aad, default)).IsSuccess);
    }

    [Fact]
    public async Task Probe_WatcherDisposed_FalseAndOperationsAreValues()
    {
        _store.Watcher.Dispose();

        Assert.False(await Backend.ProbeAsync(default));
        Assert.Equal(XksErrorCode.KeyNotFoundException, (await Backend.EncryptAsync("k1", 1, Plaintext, Aad, default)).Error?.Code);
    }

    [Fact]
    public async Task Encrypt_Cancelled_DependencyTimeoutValue()
    {
        var result = await Backend.EncryptAsync("k1", 1, Plaintext, Aad, new CancellationToken(canceled: true));

        Assert.Equal(XksErrorCode.DependencyTimeoutException, result.Error?.Code);
    }

    [Fact]
    public void Identity_VendorModelAndStableInstanceId()
    {
        Assert.Equal("Hyok", Backend.Vendor);
        Assert.StartsWith("Hyok sealed software key store (SQLite)", Backend.Model, StringComparison.Ordinal);
        Assert.Equal(_store.Database.InstanceId, Backend.InstanceId);
        using var key = MasterKey.FromBytes(_store.KeyBytes);
        using var reopened = HyokDatabase.Open(_store.DatabasePath, key);
        Assert.Equal(Backend.InstanceId, reopened.InstanceId);
    }

    private async Task<GcmSealed> EncryptAsync(string keyId)
    {
        var result = await Backend.EncryptAsync(keyId, 1, Plaintext, Aad, default);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }
}
