using System.Diagnostics.CodeAnalysis;

namespace Hyok.Kms.Crypto;

/// <summary>
/// The emulator's ciphertext blob (docs/kms-emulator.md "Ciphertext blob"), version 1 for keys whose material the
/// emulator holds (Origin AWS_KMS):
/// <c>version (1 byte = 0x01) || key id (16 bytes, UUID big-endian) || IV (12) || tag (16) || ciphertext</c>.
/// The first 17 bytes are the header, authenticated as part of the AAD. Later versions (e.g. the double
/// encryption of EXTERNAL_KEY_STORE keys) take new version bytes; <see cref="TryParse"/> rejects unknown ones.
/// </summary>
internal sealed record CiphertextBlob(byte Version, Guid KeyId, byte[] InitializationVector, byte[] Tag, byte[] Ciphertext)
{
    public const byte Version1 = 0x01;
    public const int HeaderSize = 1 + 16;
    public const int IvSize = 12;
    public const int TagSize = 16;
    public const int Overhead = HeaderSize + IvSize + TagSize;

    /// <summary>The header bytes (version and key id) of a blob for <paramref name="keyId"/>.</summary>
    public static byte[] Header(byte version, Guid keyId)
    {
        byte[] header = new byte[HeaderSize];
        header[0] = version;
        keyId.TryWriteBytes(header.AsSpan(1), bigEndian: true, out _);
        return header;
    }

    public byte[] ToBytes()
    {
        byte[] bytes = new byte[Overhead + Ciphertext.Length];
        Header(Version, KeyId).CopyTo(bytes, 0);
        InitializationVector.CopyTo(bytes, HeaderSize);
        Tag.CopyTo(bytes, HeaderSize + IvSize);
        Ciphertext.CopyTo(bytes, Overhead);
        return bytes;
    }

    /// <summary>False for anything shorter than the overhead or of an unknown version.</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out CiphertextBlob? blob)
    {
        blob = null;
        if (bytes.Length < Overhead || bytes[0] != Version1)
        {
            return false;
        }

        var keyId = new Guid(bytes.Slice(1, 16), bigEndian: true);
        blob = new CiphertextBlob(
            bytes[0], keyId, bytes.Slice(HeaderSize, IvSize).ToArray(), bytes.Slice(HeaderSize + IvSize, TagSize).ToArray(), bytes[Overhead..].ToArray());
        return true;
    }
}
