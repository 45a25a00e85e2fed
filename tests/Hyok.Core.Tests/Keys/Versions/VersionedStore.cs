using System.Security.Cryptography;
using Hyok.Crypto;
using Hyok.Keys;
using Hyok.Keys.Software;
using Hyok.Operations;
using Hyok.Protocol;
using Hyok.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Hyok.Core.Tests.Keys.Versions;

/// <summary>A software store on a fake clock with the real Encrypt/Decrypt operations over its backend.</summary>
internal sealed class VersionedStore : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly byte[] _keyBytes = RandomNumberGenerator.GetBytes(MasterKey.Length);
    private readonly MasterKey _key;
    private HyokStoreWatcher? _watcher;

    public VersionedStore()
    {
        _key = MasterKey.FromBytes(_keyBytes);
        Database = HyokDatabase.Open(_directory.File("hyok.db"), _key, timeProvider: Clock);
        Store = new SoftwareKeyStore(Database);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public HyokDatabase Database { get; private set; }

    public SoftwareKeyStore Store { get; private set; }

    public SoftwareKeyBackend Backend => new(Watcher);

    public HyokStoreWatcher Watcher => _watcher ??= HyokStoreWatcher.Start(Database);

    /// <summary>The key as a server finds it now (after a refresh of the snapshot).</summary>
    public KeyDescriptor Find(string id)
    {
        Watcher.Refresh();
        return Watcher.Current.Keys[id].Descriptor;
    }

    public async Task<EncryptResponse> EncryptAsync(string id, byte[] plaintext, byte[] aad)
    {
        var result = await new EncryptOperation(Backend, Deadline()).ExecuteAsync(Find(id), new EncryptCommand(new RequestMetadata(), plaintext, aad, true), default);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    public async Task<XksResult<byte[]>> DecryptAsync(string id, EncryptResponse sealedData, byte[] aad, byte[]? metadata = null) =>
        await new DecryptOperation(Backend, Deadline()).ExecuteAsync(Find(id), new DecryptCommand(new RequestMetadata(),
            Convert.FromBase64String(sealedData.Ciphertext), metadata ?? Convert.FromBase64String(sealedData.CiphertextMetadata!), aad,
            Convert.FromBase64String(sealedData.InitializationVector), Convert.FromBase64String(sealedData.AuthenticationTag)), default);

    /// <summary>A ciphertext as builds before versioning made it: metadata 0x01, version 1's material.</summary>
    public async Task<EncryptResponse> EncryptFormat1Async(string id, byte[] plaintext, byte[] aad)
    {
        var sealedData = (await Backend.EncryptAsync(id, 1, plaintext, GcmAad.Build(aad, CiphertextMetadataFormat.Current()), default)).Value!;
        return new EncryptResponse(Convert.ToBase64String(sealedData.AuthenticationTag), Convert.ToBase64String(sealedData.Ciphertext), null,
            "AQ==", Convert.ToBase64String(sealedData.InitializationVector));
    }

    /// <summary>Closes and opens the database file again (migrations run), as a new process would.</summary>
    public void Reopen()
    {
        _watcher?.Dispose();
        _watcher = null;
        Database.Dispose();
        Database = HyokDatabase.Open(_directory.File("hyok.db"), _key, createIfMissing: false, timeProvider: Clock);
        Store = new SoftwareKeyStore(Database);
    }

    /// <summary>The same file opened a second time, as the CLI does while a server runs.</summary>
    public HyokDatabase OpenSecondDatabase()
    {
        using var key = MasterKey.FromBytes(_keyBytes);
        return HyokDatabase.Open(_directory.File("hyok.db"), key, createIfMissing: false, timeProvider: Clock);
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        Database.Dispose();
        _key.Dispose();
        _directory.Dispose();
    }

    private BackendDeadline Deadline() => new(TimeSpan.FromSeconds(10), TimeProvider.System);
}
