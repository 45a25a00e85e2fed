namespace Hyok.Storage;

/// <summary>The policy document in force for a key store in the shared database (PostgreSQL storage): its version, SHA-256 and text.</summary>
internal sealed record StoredPolicy(int Version, string Sha256, string Document);
