using System.Buffers;
using System.Security.Cryptography;

namespace Hyok.Crypto;

/// <summary>
/// The Ciphertext Data Integrity Value (xks-spec.md §5.4):
/// <c>SHA-256(AAD || ciphertextMetadata || IV || ciphertext || tag)</c>, raw bytes, no lengths.
/// </summary>
public static class CiphertextIntegrity
{
    private const int StackLimit = 512;

    public static byte[] Compute(
        ReadOnlySpan<byte> additionalAuthenticatedData,
        ReadOnlySpan<byte> ciphertextMetadata,
        ReadOnlySpan<byte> initializationVector,
        ReadOnlySpan<byte> ciphertext,
        ReadOnlySpan<byte> authenticationTag)
    {
        var hash = new byte[SHA256.HashSizeInBytes];
        Compute(additionalAuthenticatedData, ciphertextMetadata, initializationVector, ciphertext, authenticationTag, hash);
        return hash;
    }

    /// <summary>As above, into <paramref name="destination"/> (32 bytes): one SHA-256 over the parts laid end to end in a stack or pooled buffer.</summary>
    public static void Compute(
        ReadOnlySpan<byte> additionalAuthenticatedData,
        ReadOnlySpan<byte> ciphertextMetadata,
        ReadOnlySpan<byte> initializationVector,
        ReadOnlySpan<byte> ciphertext,
        ReadOnlySpan<byte> authenticationTag,
        Span<byte> destination)
    {
        int length = additionalAuthenticatedData.Length + ciphertextMetadata.Length + initializationVector.Length + ciphertext.Length + authenticationTag.Length;
        byte[]? rented = null;
        Span<byte> buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        int at = Append(buffer, 0, additionalAuthenticatedData);
        at = Append(buffer, at, ciphertextMetadata);
        at = Append(buffer, at, initializationVector);
        at = Append(buffer, at, ciphertext);
        Append(buffer, at, authenticationTag);
        SHA256.HashData(buffer[..length], destination);
        CryptographicOperations.ZeroMemory(buffer[..length]);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static int Append(Span<byte> buffer, int at, ReadOnlySpan<byte> part)
    {
        part.CopyTo(buffer[at..]);
        return at + part.Length;
    }
}
