using Hyok.Testing;
using Hyok.Keys;
using Hyok.Keys.Software;
using Hyok.Pkcs11.Testing;
using Net.Pkcs11Interop.Common;

namespace Hyok.Pkcs11;

public sealed class Pkcs11KeyManagerTests : IDisposable
{
    private readonly Pkcs11Token _token = Pkcs11Token.Open(SoftHsm.Shared.Keys.Options());

    public void Dispose() => _token.Dispose();

    [Theory]
    [InlineData("mk-both", KeyUsage.EncryptDecrypt)]
    [InlineData("mk-encrypt", KeyUsage.Encrypt)]
    [InlineData("mk-decrypt", KeyUsage.Decrypt)]
    [InlineData("mk-none", KeyUsage.None)]
    public async Task CreateKey_AttributesReadBack(string keyId, KeyUsage usage)
    {
        var created = await new Pkcs11KeyManager(_token).CreateKeyAsync(keyId, usage, default);

        Assert.Equal(new Pkcs11KeyInfo(keyId, usage), created);
        var key = Assert.Single(await TokenAttributes.ReadAsync(_token, keyId));
        Assert.Equal(true, key[CKA.CKA_TOKEN]);
        Assert.Equal(true, key[CKA.CKA_PRIVATE]);
        Assert.Equal(true, key[CKA.CKA_SENSITIVE]);
        Assert.Equal(false, key[CKA.CKA_EXTRACTABLE]);
        Assert.Equal(false, key[CKA.CKA_WRAP]);
        Assert.Equal(false, key[CKA.CKA_UNWRAP]);
        Assert.Equal(32UL, key[CKA.CKA_VALUE_LEN]);
        Assert.Equal((ulong)CKK.CKK_AES, key[CKA.CKA_KEY_TYPE]);
        Assert.Equal(usage.HasFlag(KeyUsage.Encrypt), key[CKA.CKA_ENCRYPT]);
        Assert.Equal(usage.HasFlag(KeyUsage.Decrypt), key[CKA.CKA_DECRYPT]);
    }

    [Fact]
    public async Task CreateKey_DuplicateLabel_Refused()
    {
        var manager = new Pkcs11KeyManager(_token);
        await manager.CreateKeyAsync("mk-duplicate", KeyUsage.EncryptDecrypt, default);

        var e = await Assert.ThrowsAsync<KeyManagementException>(() => manager.CreateKeyAsync("mk-duplicate", KeyUsage.Encrypt, default));

        Assert.Equal($"a key labelled 'mk-duplicate' already exists on token '{SoftHsm.Shared.Keys.Label}'", e.Message);
        Assert.Single(await TokenAttributes.ReadAsync(_token, "mk-duplicate"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("hyok:health")]
    public async Task CreateKey_InvalidId_Refused(string keyId)
    {
        await Assert.ThrowsAsync<KeyManagementException>(() => new Pkcs11KeyManager(_token).CreateKeyAsync(keyId, KeyUsage.Encrypt, default));
    }

    [Fact]
    public async Task ListKeys_LabelsAndUsage_WithoutHealthKey()
    {
        var manager = new Pkcs11KeyManager(_token);
        await manager.CreateKeyAsync("mk-list-b", KeyUsage.Decrypt, default);
        await manager.CreateKeyAsync("mk-list-a", KeyUsage.Encrypt, default);

        var keys = await manager.ListKeysAsync(default);

        Assert.Contains(new Pkcs11KeyInfo("mk-list-a", KeyUsage.Encrypt), keys);
        Assert.Contains(new Pkcs11KeyInfo("mk-list-b", KeyUsage.Decrypt), keys);
        Assert.DoesNotContain(keys, k => k.Label == Pkcs11Token.HealthKeyLabel);
        Assert.Equal(keys.OrderBy(k => k.Label, StringComparer.Ordinal), keys);
    }
}
