namespace Hyok.Protocol;

/// <summary>A validated Encrypt request: Base64 decoded, algorithms checked, sizes within limits.</summary>
public sealed record EncryptCommand(
    RequestMetadata Metadata,
    byte[] Plaintext,
    byte[] AdditionalAuthenticatedData,
    bool WantsIntegrityValue);
