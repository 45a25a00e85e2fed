namespace Hyok.Protocol;

/// <summary>Encrypt response (xks-spec.md §4.2); absent optional members are omitted, never null.</summary>
public sealed record EncryptResponse(
    string AuthenticationTag,
    string Ciphertext,
    string? CiphertextDataIntegrityValue,
    string? CiphertextMetadata,
    string InitializationVector);
