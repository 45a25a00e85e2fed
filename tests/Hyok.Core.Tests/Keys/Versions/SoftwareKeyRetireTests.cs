using System.Security.Cryptography;
using Hyok.Keys.Software;
using Hyok.Protocol;
using Hyok.Storage;

namespace Hyok.Core.Tests.Keys.Versions;

public sealed class SoftwareKeyRetireTests : IDisposable
{
    private static readonly byte[] Aad = [];
    private readonly VersionedStore _store = new();
    private readonly byte[] _plaintext = RandomNumberGenerator.GetBytes(16);

    public SoftwareKeyRetireTests() => _store.Store.CreateKey("k1", "ks1");

    public void Dispose() => _store.Dispose();

    [Fact]
    public void RetireVersion_CurrentVersion_Refused()
    {
        _store.Store.RotateKey("k1");

        var refused = Assert.Throws<KeyManagementException>(() => _store.Store.RetireVersion("k1", 2));

        Assert.Contains("current version", refused.Message, StringComparison.Ordinal);
        Assert.Throws<KeyManagementException>(() => _store.Store.RetireVersion("k1", 3));
    }

    [Fact]
    public async Task RetireVersion_OldVersion_ItsCiphertextsInvalidNewOnesStillDecrypt()
    {
        var underV1 = await _store.EncryptAsync("k1", _plaintext, Aad);
        var format1 = await _store.EncryptFormat1Async("k1", _plaintext, Aad);
        _store.Store.RotateKey("k1");
        var underV2 = await _store.EncryptAsync("k1", _plaintext, Aad);

        var retired = _store.Store.RetireVersion("k1", 1);

        Assert.Equal(_store.Clock.GetUtcNow(), retired.RetiredAt);
        Assert.Equal(XksErrorCode.InvalidCiphertextException, (await _store.DecryptAsync("k1", underV1, Aad)).Error?.Code);
        Assert.Equal(XksErrorCode.InvalidCiphertextException, (await _store.DecryptAsync("k1", format1, Aad)).Error?.Code);
        Assert.Equal(_plaintext, (await _store.DecryptAsync("k1", underV2, Aad)).Value);
        Assert.Throws<KeyManagementException>(() => _store.Store.RetireVersion("k1", 1));
    }

    [Fact]
    public void RetireVersion_OldVersion_SealedMaterialGoneFromTheDatabase()
    {
        _store.Store.RotateKey("k1");

        _store.Store.RetireVersion("k1", 1);

        using var connection = _store.Database.OpenConnection();
        Assert.Null(Sql.Scalar<byte[]>(connection, null, "SELECT material FROM key_versions WHERE key_id = 'k1' AND version = 1"));
        Assert.Equal([1, 2], _store.Store.ListVersions("k1").Select(v => v.Version));
        Assert.Equal(2, _store.Find("k1").CurrentVersion);
        Assert.Equal(2, _store.Store.RotateKey("k1").Version - 1);
    }
}
