using System.Collections.Concurrent;
using Hyok.Keys;

namespace Hyok.Pkcs11.Testing;

/// <summary>An in-memory <see cref="IKeyDirectory"/>.</summary>
public sealed class FakeKeyDirectory : IKeyDirectory
{
    private readonly ConcurrentDictionary<string, KeyRecord> _records = new(StringComparer.Ordinal);

    public KeyRecord? Find(string keyId) => _records.TryGetValue(keyId, out var record) ? record : null;

    public void Add(string keyId, KeyState state = KeyState.Enabled, string keyStore = "store") =>
        _records[keyId] = new KeyRecord(keyId, keyStore, state, DateTimeOffset.UnixEpoch);
}
