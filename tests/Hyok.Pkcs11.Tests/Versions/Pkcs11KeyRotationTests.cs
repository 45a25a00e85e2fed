using System.Security.Cryptography;
using Hyok.Keys.Software;
using Hyok.Pkcs11.Testing;
using Hyok.Protocol;
using Net.Pkcs11Interop.Common;

namespace Hyok.Pkcs11.Versions;

public sealed class Pkcs11KeyRotationTests(MainTokenFixture fixture) : IClassFixture<MainTokenFixture>
{
    private static readonly byte[] Aad = "aad"u8.ToArray();
    private readonly byte[] _plaintext = RandomNumberGenerator.GetBytes(24);

    [Fact]
    public async Task Rotate_NewEncryptsUseVersion2AndEveryVersionDecrypts()
    {
        using var key = new VersionedTokenKey(fixture);
        var format1 = await key.EncryptFormat1Async(_plaintext, Aad);
        var underV1 = await key.EncryptAsync(_plaintext, Aad);

        Assert.Equal(2, key.Rotate());
        var underV2 = await key.EncryptAsync(_plaintext, Aad);

        Assert.Equal("0201", Convert.ToHexString(Convert.FromBase64String(underV1.CiphertextMetadata!)));
        Assert.Equal("0202", Convert.ToHexString(Convert.FromBase64String(underV2.CiphertextMetadata!)));
        foreach (var sealedData in new[] { format1, underV1, underV2 })
        {
            Assert.Equal(_plaintext, (await key.DecryptAsync(sealedData, Aad)).Value);
        }

        Assert.Equal(2, (await key.Backend.FindKeyAsync(key.Id, default)).Value!.CurrentVersion);
    }

    [Fact]
    public async Task Rotate_VersionIsItsOwnNonExtractableTokenObject_ListedAsOneKey()
    {
        using var key = new VersionedTokenKey(fixture);

        key.Rotate();

        var objects = await TokenAttributes.ReadAsync(key.Token, $"{key.Id}:v2");
        var attributes = Assert.Single(objects);
        Assert.Equal((false, true, 32UL), ((bool)attributes[CKA.CKA_EXTRACTABLE], (bool)attributes[CKA.CKA_SENSITIVE], (ulong)attributes[CKA.CKA_VALUE_LEN]));
        Assert.Single(await key.Manager.ListKeysAsync(default), k => k.Label.StartsWith(key.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decrypt_TamperedOrUnknownMetadata_InvalidCiphertext()
    {
        using var key = new VersionedTokenKey(fixture);
        key.Rotate();
        var underV2 = await key.EncryptAsync(_plaintext, Aad);

        foreach (var metadata in new byte[][] { [0x02, 0x01], [0x01], [0x02, 0x03], [0x02, 0x00, 0x02], [0x09] })
        {
            Assert.Equal(XksErrorCode.InvalidCiphertextException, (await key.DecryptAsync(underV2, Aad, metadata)).Error?.Code);
        }
    }

    [Fact]
    public async Task Retire_Version1_ItsCiphertextsFailCleanlyTokenObjectGoneCurrentRefused()
    {
        using var key = new VersionedTokenKey(fixture);
        var format1 = await key.EncryptFormat1Async(_plaintext, Aad);
        var underV1 = await key.EncryptAsync(_plaintext, Aad);
        key.Rotate();
        var underV2 = await key.EncryptAsync(_plaintext, Aad);

        Assert.Throws<KeyManagementException>(() => key.Records.RequireRetirable(key.Id, 2));
        Assert.Equal(1, key.Retire(1));

        Assert.Empty(await TokenAttributes.ReadAsync(key.Token, key.Id));
        Assert.Equal(XksErrorCode.InvalidCiphertextException, (await key.DecryptAsync(underV1, Aad)).Error?.Code);
        Assert.Equal(XksErrorCode.InvalidCiphertextException, (await key.DecryptAsync(format1, Aad)).Error?.Code);
        Assert.Equal(_plaintext, (await key.DecryptAsync(underV2, Aad)).Value);
        Assert.NotNull(key.Records.ListVersions(key.Id)[0].RetiredAt);
    }
}
