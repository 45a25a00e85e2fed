namespace Hyok.Protocol;

/// <summary>A validated Decrypt request: Base64 decoded, algorithm checked, sizes within limits.</summary>
public sealed record DecryptCommand(
    RequestMetadata Metadata,
    byte[] Ciphertext,
    byte[]? CiphertextMetadata,
    byte[] AdditionalAuthenticatedData,
    byte[] InitializationVector,
    byte[] AuthenticationTag);
