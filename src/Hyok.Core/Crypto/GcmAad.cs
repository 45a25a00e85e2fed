using System.Buffers.Binary;

namespace Hyok.Crypto;

/// <summary>
/// The AAD handed to AES-GCM, binding <c>ciphertextMetadata</c> into the tag with explicit lengths
/// (xks-spec.md §5.3): <c>uint16_be(len(aad)) || aad || uint8(len(md)) || md</c>. Empty and absent
/// AAD or metadata are the same (§14.7).
/// </summary>
public static class GcmAad
{
    public static byte[] Build(ReadOnlySpan<byte> additionalAuthenticatedData, ReadOnlySpan<byte> ciphertextMetadata)
    {
        if (additionalAuthenticatedData.Length > ushort.MaxValue || ciphertextMetadata.Length > byte.MaxValue)
        {
            throw new ArgumentException("AAD or ciphertext metadata too long for the length-prefixed construction.");
        }

        var result = new byte[2 + additionalAuthenticatedData.Length + 1 + ciphertextMetadata.Length];
        BinaryPrimitives.WriteUInt16BigEndian(result, (ushort)additionalAuthenticatedData.Length);
        additionalAuthenticatedData.CopyTo(result.AsSpan(2));
        var metadataStart = 2 + additionalAuthenticatedData.Length;
        result[metadataStart] = (byte)ciphertextMetadata.Length;
        ciphertextMetadata.CopyTo(result.AsSpan(metadataStart + 1));
        return result;
    }
}
