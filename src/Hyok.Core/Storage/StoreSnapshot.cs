using System.Collections.Frozen;
using System.Security.Cryptography;
using Hyok.Authorization;
using Hyok.Keys;

namespace Hyok.Storage;

/// <summary>
/// An immutable, in-memory view of the store: keys with unsealed material and credentials with their
/// secrets. Lookups read it without touching SQLite. Reference counted: the watcher holds one reference and
/// each <see cref="SnapshotLease"/> another; when a replaced snapshot's last reference goes, its key material
/// is zeroed. Credential secrets are strings and cannot be zeroed: they are left to the garbage collector.
/// </summary>
internal sealed class StoreSnapshot
{
    private readonly bool _immortal;
    private int _references = 1;

    public StoreSnapshot(
        FrozenDictionary<string, StoredKey> keys,
        StoredKey? healthKey,
        FrozenDictionary<(string KeyStore, string AccessKeyId), string> secrets,
        FrozenDictionary<string, KeyRecord> hardwareKeys,
        BlockList blocks,
        FrozenDictionary<string, StoredPolicy> policies,
        IReadOnlyList<string> problems)
        : this(keys, healthKey, secrets, hardwareKeys, blocks, policies, problems, immortal: false)
    {
    }

    private StoreSnapshot(
        FrozenDictionary<string, StoredKey> keys,
        StoredKey? healthKey,
        FrozenDictionary<(string KeyStore, string AccessKeyId), string> secrets,
        FrozenDictionary<string, KeyRecord> hardwareKeys,
        BlockList blocks,
        FrozenDictionary<string, StoredPolicy> policies,
        IReadOnlyList<string> problems,
        bool immortal)
    {
        Keys = keys;
        HealthKey = healthKey;
        Secrets = secrets;
        HardwareKeys = hardwareKeys;
        Blocks = blocks;
        Policies = policies;
        Problems = problems;
        _immortal = immortal;
    }

    /// <summary>No keys, no credentials, no blocks; never zeroed. What a disposed watcher serves.</summary>
    public static StoreSnapshot Empty { get; } = new(
        FrozenDictionary<string, StoredKey>.Empty, null, FrozenDictionary<(string, string), string>.Empty,
        FrozenDictionary<string, KeyRecord>.Empty, BlockList.Empty, FrozenDictionary<string, StoredPolicy>.Empty, [], immortal: true);

    /// <summary>Customer keys by externalKeyId (the health key is not among them).</summary>
    public FrozenDictionary<string, StoredKey> Keys { get; }

    /// <summary>The dedicated health-probe key, or null when it is missing or cannot be unsealed.</summary>
    public StoredKey? HealthKey { get; }

    /// <summary>Secrets by (key store, access key id).</summary>
    public FrozenDictionary<(string KeyStore, string AccessKeyId), string> Secrets { get; }

    /// <summary>Hyok's records of keys held by a hardware backend (key store and state), by externalKeyId.</summary>
    public FrozenDictionary<string, KeyRecord> HardwareKeys { get; }

    /// <summary>
    /// The kill switches, expired ones included. Holds no secret and is never zeroed, so it may be read from
    /// <see cref="HyokStoreWatcher.Current"/> without a <see cref="SnapshotLease"/>.
    /// </summary>
    public BlockList Blocks { get; }

    /// <summary>The policy document in force per key store (PostgreSQL storage; empty with SQLite). No secret: read without a lease.</summary>
    public FrozenDictionary<string, StoredPolicy> Policies { get; }

    /// <summary>Rows that could not be loaded (e.g. tampered or moved), described without secrets.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>True once the material has been zeroed (for tests).</summary>
    internal bool IsZeroed => Volatile.Read(ref _references) == 0 && !_immortal;

    /// <summary>Adds a reference unless the snapshot is already retired and zeroed.</summary>
    public bool TryAddReference()
    {
        if (_immortal)
        {
            return true;
        }

        int current = Volatile.Read(ref _references);
        while (current > 0)
        {
            int seen = Interlocked.CompareExchange(ref _references, current + 1, current);
            if (seen == current)
            {
                return true;
            }

            current = seen;
        }

        return false;
    }

    /// <summary>Drops a reference; the last one zeroes all key material.</summary>
    public void Release()
    {
        if (!_immortal && Interlocked.Decrement(ref _references) == 0)
        {
            ZeroMaterial(Keys.Values, HealthKey);
        }
    }

    /// <summary>Zeroes the material of <paramref name="keys"/> and <paramref name="healthKey"/>.</summary>
    public static void ZeroMaterial(IEnumerable<StoredKey> keys, StoredKey? healthKey)
    {
        foreach (var key in healthKey is null ? keys : keys.Append(healthKey))
        {
            foreach (var material in key.Versions.Values)
            {
                CryptographicOperations.ZeroMemory(material);
            }
        }
    }
}
