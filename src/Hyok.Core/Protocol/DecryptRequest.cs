namespace Hyok.Protocol;

/// <summary>The Decrypt request body as received (xks-spec.md §4.3); validated by <see cref="RequestValidator"/>.</summary>
public sealed class DecryptRequest
{
    public RequestMetadata? RequestMetadata { get; init; }

    public string? Ciphertext { get; init; }

    public string? CiphertextMetadata { get; init; }

    public string? EncryptionAlgorithm { get; init; }

    public string? AdditionalAuthenticatedData { get; init; }

    public string? InitializationVector { get; init; }

    public string? AuthenticationTag { get; init; }
}
