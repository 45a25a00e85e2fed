using Hyok.Authorization;

namespace Hyok.Storage;

/// <summary>
/// <see cref="IBlockSource"/> over the watcher's in-memory snapshot: no SQLite on the request path, and a block set
/// or removed with the CLI takes effect within a second. Blocks hold no key material, so no lease is taken.
/// </summary>
public sealed class StoredBlockSource : IBlockSource
{
    private readonly HyokStoreWatcher _watcher;

    /// <summary>Reads blocks from <paramref name="watcher"/>'s current snapshot.</summary>
    public StoredBlockSource(HyokStoreWatcher watcher)
    {
        ArgumentNullException.ThrowIfNull(watcher);
        _watcher = watcher;
    }

    /// <inheritdoc />
    public BlockList Current => _watcher.Current.Blocks;
}
