namespace Hyok.Keys;

/// <summary>Hyok's record of a key held by a hardware backend: its key store, its state, when it was added.</summary>
public sealed record KeyRecord(string Id, string KeyStore, KeyState State, DateTimeOffset CreatedAt);
