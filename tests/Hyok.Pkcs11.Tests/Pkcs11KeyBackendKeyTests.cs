using Hyok.Keys;
using Hyok.Pkcs11.Testing;
using Hyok.Protocol;

namespace Hyok.Pkcs11;

public sealed class Pkcs11KeyBackendKeyTests(MainTokenFixture fixture) : IClassFixture<MainTokenFixture>
{
    private static readonly byte[] Aad = [0, 0, 0];
    private readonly Pkcs11KeyBackend _backend = fixture.Backend;

    [Theory]
    [InlineData(MainTokenFixture.Both, KeyUsage.EncryptDecrypt)]
    [InlineData(MainTokenFixture.EncryptOnly, KeyUsage.Encrypt)]
    [InlineData(MainTokenFixture.DecryptOnly, KeyUsage.Decrypt)]
    [InlineData(MainTokenFixture.NoUsage, KeyUsage.None)]
    public async Task FindKey_UsageFromTokenAttributes(string keyId, KeyUsage expected)
    {
        var found = await _backend.FindKeyAsync(keyId, default);

        Assert.True(found.IsSuccess);
        Assert.Equal(new KeyDescriptor(keyId, "store", expected, KeyState.Enabled, DateTimeOffset.UnixEpoch), found.Value);
    }

    [Theory]
    [InlineData(MainTokenFixture.EncryptOnly, true, false)]
    [InlineData(MainTokenFixture.DecryptOnly, false, true)]
    [InlineData(MainTokenFixture.NoUsage, false, false)]
    [InlineData(MainTokenFixture.Both, true, true)]
    public async Task Operations_FollowKeyUsage(string keyId, bool canEncrypt, bool canDecrypt)
    {
        var encrypted = await _backend.EncryptAsync(keyId, 1, new byte[] { 1, 2, 3 }, Aad, default);
        var decrypted = await _backend.DecryptAsync(keyId, 1, new GcmSealed(new byte[3], new byte[12], new byte[16]), Aad, default);

        Assert.Equal(canEncrypt ? null : (XksErrorCode?)XksErrorCode.InvalidKeyUsageException, encrypted.Error?.Code);
        Assert.Equal(canDecrypt ? XksErrorCode.InvalidCiphertextException : XksErrorCode.InvalidKeyUsageException, decrypted.Error?.Code);
    }

    [Fact]
    public async Task Encrypt_BackendThinksAllowedButTokenRefuses_InvalidKeyUsageFromCkr()
    {
        await _backend.FindKeyAsync(MainTokenFixture.DecryptOnly, default);
        var cached = _backend.Handles[MainTokenFixture.DecryptOnly];
        _backend.Handles[MainTokenFixture.DecryptOnly] = cached with { Usage = KeyUsage.EncryptDecrypt };
        try
        {
            var encrypted = await _backend.EncryptAsync(MainTokenFixture.DecryptOnly, 1, new byte[] { 1, 2, 3 }, Aad, default);

            Assert.Equal(XksErrorCode.InvalidKeyUsageException, encrypted.Error?.Code);
            Assert.True(fixture.Token.IsAvailable);
        }
        finally
        {
            _backend.Handles.TryRemove(MainTokenFixture.DecryptOnly, out _);
        }
    }

    [Fact]
    public async Task Decrypt_BackendThinksAllowedButTokenRefuses_InvalidKeyUsageFromCkr()
    {
        var sealedData = (await _backend.EncryptAsync(MainTokenFixture.EncryptOnly, 1, new byte[] { 1, 2, 3 }, Aad, default)).Value!;
        var cached = _backend.Handles[MainTokenFixture.EncryptOnly];
        _backend.Handles[MainTokenFixture.EncryptOnly] = cached with { Usage = KeyUsage.EncryptDecrypt };
        try
        {
            var decrypted = await _backend.DecryptAsync(MainTokenFixture.EncryptOnly, 1, sealedData, Aad, default);

            Assert.Equal(XksErrorCode.InvalidKeyUsageException, decrypted.Error?.Code);
        }
        finally
        {
            _backend.Handles.TryRemove(MainTokenFixture.EncryptOnly, out _);
        }
    }

    [Fact]
    public async Task FindKey_NoDirectoryRecord_Null()
    {
        var found = await _backend.FindKeyAsync("not-in-directory", default);

        Assert.True(found.IsSuccess);
        Assert.Null(found.Value);
        Assert.Equal(XksErrorCode.KeyNotFoundException, (await _backend.EncryptAsync("not-in-directory", 1, new byte[] { 1 }, Aad, default)).Error?.Code);
        Assert.Equal(XksErrorCode.KeyNotFoundException, (await _backend.DecryptAsync("not-in-directory", 1, new GcmSealed([1], new byte[12], new byte[16]), Aad, default)).Error?.Code);
    }

    [Fact]
    public async Task FindKey_RecordButNoKeyOnToken_NullAndKeyNotFound()
    {
        fixture.Directory.Add("recorded-but-missing");

        var found = await _backend.FindKeyAsync("recorded-but-missing", default);

        Assert.True(found.IsSuccess);
        Assert.Null(found.Value);
        Assert.Equal(XksErrorCode.KeyNotFoundException, (await _backend.EncryptAsync("recorded-but-missing", 1, new byte[] { 1 }, Aad, default)).Error?.Code);
        Assert.True(fixture.Token.IsAvailable);
    }

    [Fact]
    public async Task FindKey_HealthKeyEvenWithRecord_Null()
    {
        fixture.Directory.Add(Pkcs11Token.HealthKeyLabel);

        Assert.Null((await _backend.FindKeyAsync(Pkcs11Token.HealthKeyLabel, default)).Value);
        Assert.Equal(XksErrorCode.KeyNotFoundException, (await _backend.EncryptAsync(Pkcs11Token.HealthKeyLabel, 1, new byte[] { 1 }, Aad, default)).Error?.Code);
    }

    [Fact]
    public async Task DisabledRecord_DescriptorDisabled_CryptoInvalidState()
    {
        var directory = new FakeKeyDirectory();
        directory.Add(MainTokenFixture.Both, KeyState.Disabled);
        var backend = new Pkcs11KeyBackend(fixture.Token, directory, TimeProvider.System);

        var found = await backend.FindKeyAsync(MainTokenFixture.Both, default);

        Assert.Equal(KeyState.Disabled, found.Value?.State);
        Assert.Equal(KeyUsage.EncryptDecrypt, found.Value?.Usage);
        Assert.Equal(XksErrorCode.InvalidStateException, (await backend.EncryptAsync(MainTokenFixture.Both, 1, new byte[] { 1 }, Aad, default)).Error?.Code);
        Assert.Equal(XksErrorCode.InvalidStateException, (await backend.DecryptAsync(MainTokenFixture.Both, 1, new GcmSealed([1], new byte[12], new byte[16]), Aad, default)).Error?.Code);
    }

    [Fact]
    public async Task StaleHandle_IsDroppedAndKeyFoundAgain()
    {
        await _backend.FindKeyAsync(MainTokenFixture.Both, default);
        var cached = _backend.Handles[MainTokenFixture.Both];
        var bogus = Pkcs11Module.Factories.ObjectHandleFactory.Create(0x7fff_fff0);
        _backend.Handles[MainTokenFixture.Both] = cached with { Handle = bogus };

        var encrypted = await _backend.EncryptAsync(MainTokenFixture.Both, 1, new byte[] { 1, 2, 3 }, Aad, default);

        Assert.True(encrypted.IsSuccess, encrypted.Error?.ToString());
        Assert.NotEqual(bogus.ObjectId, _backend.Handles[MainTokenFixture.Both].Handle.ObjectId);
    }

    [Fact]
    public async Task Cancelled_DependencyTimeout()
    {
        var encrypted = await _backend.EncryptAsync(MainTokenFixture.Both, 1, new byte[] { 1 }, Aad, new CancellationToken(canceled: true));

        Assert.Equal(XksErrorCode.DependencyTimeoutException, encrypted.Error?.Code);
    }
}
