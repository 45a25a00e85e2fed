namespace Hyok.Keys;

/// <summary>The output of one AES-256-GCM encryption by a backend: ciphertext without the tag, a 12-byte IV, a 16-byte tag.</summary>
public sealed record GcmSealed(byte[] Ciphertext, byte[] InitializationVector, byte[] AuthenticationTag);
