namespace Hyok.Keys;

/// <summary>Everything about an external key except its material.</summary>
/// <param name="Id">The externalKeyId: 1-128 of <c>A-Z a-z 0-9 - . _</c> (xks-spec.md §2.3).</param>
/// <param name="KeyStore">The logical key store (URI prefix) the key belongs to; reachable through that store only.</param>
/// <param name="Usage">Allowed operations.</param>
/// <param name="State">Enabled or disabled.</param>
/// <param name="CreatedAt">When the key was created.</param>
/// <param name="CurrentVersion">The key version Encrypt uses now (1 until the key is first rotated; decision 0010).</param>
public sealed record KeyDescriptor(string Id, string KeyStore, KeyUsage Usage, KeyState State, DateTimeOffset CreatedAt, int CurrentVersion = 1);
