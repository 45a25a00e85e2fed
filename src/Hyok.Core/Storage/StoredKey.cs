using Hyok.Keys;

namespace Hyok.Storage;

/// <summary>
/// A key of a <see cref="StoreSnapshot"/>: its descriptor and the unsealed material of each live version (pinned, zeroed
/// with the snapshot). Retired versions are absent.
/// </summary>
internal sealed class StoredKey(KeyDescriptor descriptor, IReadOnlyDictionary<int, byte[]> versions)
{
    /// <summary>A key with one version (version 1): the health key, tests.</summary>
    public StoredKey(KeyDescriptor descriptor, byte[] material)
        : this(descriptor, new Dictionary<int, byte[]> { [1] = material })
    {
    }

    public KeyDescriptor Descriptor { get; } = descriptor;

    /// <summary>The 32-byte AES key of every live version. Valid only while a <see cref="SnapshotLease"/> on the owning snapshot is held.</summary>
    public IReadOnlyDictionary<int, byte[]> Versions { get; } = versions;

    /// <summary>The material of <see cref="KeyDescriptor.CurrentVersion"/>.</summary>
    public byte[] Material => Versions[Descriptor.CurrentVersion];

    /// <summary>The material of <paramref name="version"/>, or null when the key has no such live version.</summary>
    public byte[]? MaterialOf(int version) => Versions.GetValueOrDefault(version);
}
