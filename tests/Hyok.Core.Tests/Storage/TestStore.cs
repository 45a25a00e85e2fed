using Hyok.Keys.Software;

namespace Hyok.Storage;

/// <summary>
/// A temporary Hyok store: folder, master key, database, management API, and on demand a watcher and backend,
/// as the server would run them. <see cref="OpenSecondStore"/> opens the same file again, as the CLI would.
/// </summary>
internal sealed class TestStore : IDisposable
{
    private readonly List<IDisposable> _owned = [];
    private HyokStoreWatcher? _watcher;

    public TestStore()
    {
        Directory = new TempDirectory();
        KeyBytes = System.Security.Cryptography.RandomNumberGenerator.GetBytes(MasterKey.Length);
        DatabasePath = Directory.File("hyok.db");
        using var masterKey = MasterKey.FromBytes(KeyBytes);
        Database = HyokDatabase.Open(DatabasePath, masterKey);
        Store = new SoftwareKeyStore(Database);
    }

    public TempDirectory Directory { get; }

    public byte[] KeyBytes { get; }

    public string DatabasePath { get; }

    public HyokDatabase Database { get; }

    public SoftwareKeyStore Store { get; }

    public HyokStoreWatcher Watcher => _watcher ??= Own(HyokStoreWatcher.Start(Database));

    public SoftwareKeyBackend Backend => new(Watcher);

    /// <summary>A second database instance and management API on the same file (separate connections).</summary>
    public SoftwareKeyStore OpenSecondStore()
    {
        using var masterKey = MasterKey.FromBytes(KeyBytes);
        return new SoftwareKeyStore(Own(HyokDatabase.Open(DatabasePath, masterKey, createIfMissing: false)));
    }

    public void Dispose()
    {
        for (int i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        Database.Dispose();
        Directory.Dispose();
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
