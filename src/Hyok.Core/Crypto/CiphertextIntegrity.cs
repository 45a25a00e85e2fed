using System.Security.Cryptography;

namespace Hyok.Crypto;

/// <summary>
/// The Ciphertext Data Integrity Value (xks-spec.md §5.4):
/// <c>SHA-256(AAD || ciphertextMetadata || IV || ciphertext || tag)</c>, raw bytes, no lengths.
/// </summary>
public static class CiphertextIntegrity
{
    public static byte[] Compute(
        ReadOnlySpan<byte> additionalAuthenticatedData,
        ReadOnlySpan<byte> ciphertextMetadata,
        ReadOnlySpan<byte> initializationVector,
        ReadOnlySpan<byte> ciphertext,
        ReadOnlySpan<byte> authenticationTag)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(additionalAuthenticatedData);
        hash.AppendData(ciphertextMetadata);
        hash.AppendData(initializationVector);
        hash.AppendData(ciphertext);
        hash.AppendData(authenticationTag);
        return hash.GetHashAndReset();
    }
}
