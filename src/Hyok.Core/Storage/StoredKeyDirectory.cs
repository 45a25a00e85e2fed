using Hyok.Keys;

namespace Hyok.Storage;

/// <summary><see cref="IKeyDirectory"/> over the watcher's snapshot: no SQLite on the request path.</summary>
public sealed class StoredKeyDirectory(HyokStoreWatcher watcher) : IKeyDirectory
{
    public KeyRecord? Find(string keyId) => watcher.Current.HardwareKeys.GetValueOrDefault(keyId);
}
