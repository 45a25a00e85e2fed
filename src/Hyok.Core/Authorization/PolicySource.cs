namespace Hyok.Authorization;

/// <summary>
/// The policy file of one key store as the <see cref="PolicyWatcher"/> last saw it: the policy in force, the
/// file's length, last-write time and SHA-256, and the current fault (invalid, missing, unreadable) if any.
/// Only the watcher's poll (under its lock) writes; <see cref="Current"/> is read lock-free by requests.
/// </summary>
internal sealed class PolicySource(string keyStore, string path)
{
    private Policy? _current;
    private string? _fault;

    public string KeyStore { get; } = keyStore;

    public string Path { get; } = path;

    public Policy? Current
    {
        get => Volatile.Read(ref _current);
        set => Volatile.Write(ref _current, value);
    }

    public long Length { get; set; } = -1;

    public DateTime LastWriteUtc { get; set; }

    public byte[]? Hash { get; set; }

    /// <summary>Why the file on disk is not in force, or null when it is.</summary>
    public string? Fault
    {
        get => Volatile.Read(ref _fault);
        set => Volatile.Write(ref _fault, value);
    }

    /// <summary>Forget what was seen, so the file is read and parsed again as soon as it is there.</summary>
    public void Forget()
    {
        Length = -1;
        Hash = null;
    }
}
