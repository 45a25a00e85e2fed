namespace Hyok.Protocol;

/// <summary>The Encrypt request body as received (xks-spec.md §4.2); validated by <see cref="RequestValidator"/>.</summary>
public sealed class EncryptRequest
{
    public RequestMetadata? RequestMetadata { get; init; }

    public string? Plaintext { get; init; }

    public string? EncryptionAlgorithm { get; init; }

    public string? AdditionalAuthenticatedData { get; init; }

    public string? CiphertextDataIntegrityValueAlgorithm { get; init; }
}
