namespace Hyok.Storage;

/// <summary>
/// Keeps a <see cref="StoreSnapshot"/>'s key material alive (not zeroed) while crypto runs with it.
/// Dispose exactly once; do not copy.
/// </summary>
internal readonly struct SnapshotLease(StoreSnapshot snapshot) : IDisposable
{
    public StoreSnapshot Snapshot { get; } = snapshot;

    public void Dispose() => Snapshot?.Release();
}
