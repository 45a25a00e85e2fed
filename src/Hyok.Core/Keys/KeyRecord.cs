namespace Hyok.Keys;

/// <summary>Hyok's record of a key held by a hardware backend: its key store, its state, when it was added, its versions.</summary>
/// <param name="CurrentVersion">The version Encrypt uses: the newest (decision 0010). Versions are numbered 1..CurrentVersion.</param>
/// <param name="RetiredVersions">Versions whose token object was destroyed; null or empty when none.</param>
public sealed record KeyRecord(string Id, string KeyStore, KeyState State, DateTimeOffset CreatedAt, int CurrentVersion = 1, IReadOnlyList<int>? RetiredVersions = null)
{
    /// <summary>True when <paramref name="version"/> was made and not retired: Decrypt may use it.</summary>
    public bool IsLive(int version) => version >= 1 && version <= CurrentVersion && (RetiredVersions is null || !RetiredVersions.Contains(version));
}
