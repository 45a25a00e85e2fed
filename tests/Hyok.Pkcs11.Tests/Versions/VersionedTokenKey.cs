using Hyok.Crypto;
using Hyok.Keys;
using Hyok.Keys.Hardware;
using Hyok.Operations;
using Hyok.Pkcs11.Testing;
using Hyok.Protocol;
using Hyok.Storage;

namespace Hyok.Pkcs11.Versions;

/// <summary>
/// One fresh key on the shared SoftHSM token with Hyok's real records (a temporary database, its watcher and
/// <see cref="StoredKeyDirectory"/>) and the real Encrypt/Decrypt operations over <see cref="Pkcs11KeyBackend"/>.
/// </summary>
internal sealed class VersionedTokenKey : IDisposable
{
    private readonly DirectoryInfo _folder = System.IO.Directory.CreateTempSubdirectory("hyok-p11-rotation-");
    private readonly HyokDatabase _database;
    private readonly HyokStoreWatcher _watcher;

    public VersionedTokenKey(MainTokenFixture fixture)
    {
        Token = fixture.Token;
        using (var masterKey = MasterKey.Generate())
        {
            _database = HyokDatabase.Open(Path.Combine(_folder.FullName, "hyok.db"), masterKey);
        }

        Records = new HardwareKeyRecords(_database);
        Manager = new Pkcs11KeyManager(Token);
        Manager.CreateKeyAsync(Id, KeyUsage.EncryptDecrypt, default).GetAwaiter().GetResult();
        Records.Add(Id, "store");
        _watcher = HyokStoreWatcher.Start(_database);
        Backend = new Pkcs11KeyBackend(Token, new StoredKeyDirectory(_watcher), TimeProvider.System);
    }

    public string Id { get; } = $"rot-{Guid.NewGuid():N}";

    public Pkcs11Token Token { get; }

    public Pkcs11KeyManager Manager { get; }

    public HardwareKeyRecords Records { get; }

    public Pkcs11KeyBackend Backend { get; }

    /// <summary>What <c>hyok keys rotate --backend pkcs11</c> does: the new version's token object, then its record.</summary>
    public int Rotate()
    {
        int next = Records.NextVersion(Id);
        Manager.CreateVersionAsync(Id, next, KeyUsage.EncryptDecrypt, default).GetAwaiter().GetResult();
        Records.AddVersion(Id, next);
        _watcher.Refresh();
        return next;
    }

    /// <summary>What <c>hyok keys retire --backend pkcs11 --confirm</c> does: record, then destroy the object.</summary>
    public int Retire(int version)
    {
        Records.MarkRetired(Id, version);
        _watcher.Refresh();
        return Manager.DestroyVersionAsync(Id, version, default).GetAwaiter().GetResult();
    }

    public async Task<EncryptResponse> EncryptAsync(byte[] plaintext, byte[] aad)
    {
        var key = (await Backend.FindKeyAsync(Id, default)).Value!;
        var result = await new EncryptOperation(Backend, Deadline()).ExecuteAsync(key, new EncryptCommand(new RequestMetadata(), plaintext, aad, true), default);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    /// <summary>A ciphertext as builds before versioning made it: metadata 0x01 under the object labelled with the id.</summary>
    public async Task<EncryptResponse> EncryptFormat1Async(byte[] plaintext, byte[] aad)
    {
        var sealedData = (await Backend.EncryptAsync(Id, 1, plaintext, GcmAad.Build(aad, CiphertextMetadataFormat.Current()), default)).Value!;
        return new EncryptResponse(Convert.ToBase64String(sealedData.AuthenticationTag), Convert.ToBase64String(sealedData.Ciphertext), null,
            "AQ==", Convert.ToBase64String(sealedData.InitializationVector));
    }

    public async Task<XksResult<byte[]>> DecryptAsync(EncryptResponse sealedData, byte[] aad, byte[]? metadata = null)
    {
        var key = (await Backend.FindKeyAsync(Id, default)).Value!;
        return await new DecryptOperation(Backend, Deadline()).ExecuteAsync(key, new DecryptCommand(new RequestMetadata(),
            Convert.FromBase64String(sealedData.Ciphertext), metadata ?? Convert.FromBase64String(sealedData.CiphertextMetadata!), aad,
            Convert.FromBase64String(sealedData.InitializationVector), Convert.FromBase64String(sealedData.AuthenticationTag)), default);
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _database.Dispose();
        _folder.Delete(recursive: true);
    }

    private static BackendDeadline Deadline() => new(TimeSpan.FromSeconds(10), TimeProvider.System);
}
