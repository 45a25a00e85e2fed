using Hyok.Keys;

namespace Hyok.Storage;

/// <summary>A key of a <see cref="StoreSnapshot"/>: its descriptor and its unsealed material (pinned, zeroed with the snapshot).</summary>
internal sealed class StoredKey(KeyDescriptor descriptor, byte[] material)
{
    public KeyDescriptor Descriptor { get; } = descriptor;

    /// <summary>The 32-byte AES key. Valid only while a <see cref="SnapshotLease"/> on the owning snapshot is held.</summary>
    public byte[] Material { get; } = material;
}
