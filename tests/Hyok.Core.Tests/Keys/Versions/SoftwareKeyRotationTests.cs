using System.Security.Cryptography;
using Hyok.Protocol;

namespace Hyok.Core.Tests.Keys.Versions;

public sealed class SoftwareKeyRotationTests : IDisposable
{
    private static readonly byte[] Aad = "context"u8.ToArray();
    private readonly VersionedStore _store = new();
    private readonly byte[] _plaintext = RandomNumberGenerator.GetBytes(32);

    public SoftwareKeyRotationTests() => _store.Store.CreateKey("k1", "ks1");

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Encrypt_AfterRotate_UsesVersion2AndBothVersionsDecrypt()
    {
        var underV1 = await _store.EncryptAsync("k1", _plaintext, Aad);

        var rotated = _store.Store.RotateKey("k1");
        var underV2 = await _store.EncryptAsync("k1", _plaintext, Aad);

        Assert.Equal(2, rotated.Version);
        Assert.Equal("0201", Convert.ToHexString(Convert.FromBase64String(underV1.CiphertextMetadata!)));
        Assert.Equal("0202", Convert.ToHexString(Convert.FromBase64String(underV2.CiphertextMetadata!)));
        Assert.Equal(_plaintext, (await _store.DecryptAsync("k1", underV1, Aad)).Value);
        Assert.Equal(_plaintext, (await _store.DecryptAsync("k1", underV2, Aad)).Value);
        Assert.Equal(2, _store.Find("k1").CurrentVersion);
    }

    [Fact]
    public async Task Decrypt_MetadataNamingAnotherVersion_IsInvalidCiphertext()
    {
        _store.Store.RotateKey("k1");
        var underV2 = await _store.EncryptAsync("k1", _plaintext, Aad);

        var asV1 = await _store.DecryptAsync("k1", underV2, Aad, [0x02, 0x01]);
        var asFormat1 = await _store.DecryptAsync("k1", underV2, Aad, [0x01]);
        var unknownVersion = await _store.DecryptAsync("k1", underV2, Aad, [0x02, 0x03]);
        var unknownFormat = await _store.DecryptAsync("k1", underV2, Aad, [0x03, 0x02]);

        Assert.All([asV1, asFormat1, unknownVersion, unknownFormat], r => Assert.Equal(XksErrorCode.InvalidCiphertextException, r.Error?.Code));
    }

    [Fact]
    public async Task Decrypt_Format1CiphertextAfterRotations_DecryptsWithVersion1()
    {
        var old = await _store.EncryptFormat1Async("k1", _plaintext, Aad);
        _store.Store.RotateKey("k1");
        _store.Store.RotateKey("k1");

        var opened = await _store.DecryptAsync("k1", old, Aad);

        Assert.Equal(_plaintext, opened.Value);
    }

    [Fact]
    public async Task Open_DatabaseFromBeforeVersions_KeysBecomeVersion1AndOldCiphertextsDecrypt()
    {
        var old = await _store.EncryptFormat1Async("k1", _plaintext, Aad);
        using (var connection = _store.Database.OpenConnection())
        {
            Hyok.Storage.SchemaDowngrade.ToVersion3(connection);
        }

        _store.Reopen();

        var version = Assert.Single(_store.Store.ListVersions("k1"));
        Assert.Equal((1, true), (version.Version, version.IsCurrent));
        Assert.Equal(_plaintext, (await _store.DecryptAsync("k1", old, Aad)).Value);
        Assert.Equal(2, _store.Store.RotateKey("k1").Version);
    }

    [Fact]
    public async Task Watcher_RotationByAnotherProcess_PickedUpWithoutRestart()
    {
        var backend = _store.Backend;
        Assert.Equal(1, _store.Find("k1").CurrentVersion);
        using var cliDatabase = _store.OpenSecondDatabase();

        new Hyok.Keys.Software.SoftwareKeyStore(cliDatabase).RotateKey("k1");
        bool seen = await Eventually.WithinAsync(TimeSpan.FromSeconds(10), async () => (await backend.FindKeyAsync("k1", default)).Value?.CurrentVersion == 2);

        Assert.True(seen, "the watcher did not pick up the rotation");
        var underV2 = await _store.EncryptAsync("k1", _plaintext, Aad);
        Assert.Equal("0202", Convert.ToHexString(Convert.FromBase64String(underV2.CiphertextMetadata!)));
    }
}
