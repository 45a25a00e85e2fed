namespace Hyok.Crypto;

/// <summary>
/// What Hyok puts in <c>ciphertextMetadata</c> (xks-spec.md §4.2, §5.3; decision 0010). The first byte names the
/// format; the whole value is bound into the GCM tag by the length-prefixed AAD construction (<see cref="GcmAad"/>).
/// Format 1 (<c>0x01</c>, one byte): written before key versions existed; always key version 1.
/// Format 2 (<c>0x02</c> + the key version as 1-4 big-endian bytes without leading zero, 2-5 bytes in all): what
/// Encrypt writes now. Anything else is unknown and Decrypt answers InvalidCiphertextException before any key is used.
/// </summary>
public static class CiphertextMetadataFormat
{
    public const byte LengthPrefixedAadV1 = 0x01;

    public const byte KeyVersioned = 0x02;

    /// <summary>The longest metadata Hyok writes (format byte + 4 version bytes), well within the 20 bytes of §4.2.</summary>
    public const int MaxLength = 5;

    /// <summary>The format 1 value (pre-versioning).</summary>
    public static byte[] Current() => [LengthPrefixedAadV1];

    /// <summary><see cref="Current"/> without an allocation (static data).</summary>
    internal static ReadOnlySpan<byte> CurrentBytes => [LengthPrefixedAadV1];

    /// <summary><see cref="Current"/> in Base64.</summary>
    internal const string CurrentBase64 = "AQ==";

    /// <summary>The format 2 metadata naming <paramref name="keyVersion"/> (1 or more).</summary>
    public static byte[] ForVersion(int keyVersion)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keyVersion, 1);
        int bytes = keyVersion <= 0xFF ? 1 : keyVersion <= 0xFFFF ? 2 : keyVersion <= 0xFFFFFF ? 3 : 4;
        var metadata = new byte[1 + bytes];
        metadata[0] = KeyVersioned;
        for (int i = bytes; i >= 1; i--, keyVersion >>= 8)
        {
            metadata[i] = (byte)keyVersion;
        }

        return metadata;
    }

    /// <summary>The key version a metadata value names; false for anything Hyok never writes (non-canonical included).</summary>
    public static bool TryReadVersion(ReadOnlySpan<byte> ciphertextMetadata, out int keyVersion)
    {
        keyVersion = 0;
        if (ciphertextMetadata.Length == 1 && ciphertextMetadata[0] == LengthPrefixedAadV1)
        {
            keyVersion = 1;
            return true;
        }

        if (ciphertextMetadata.Length is < 2 or > MaxLength || ciphertextMetadata[0] != KeyVersioned || ciphertextMetadata[1] == 0
            || (ciphertextMetadata.Length == MaxLength && ciphertextMetadata[1] > 0x7F))
        {
            return false;
        }

        foreach (byte b in ciphertextMetadata[1..])
        {
            keyVersion = (keyVersion << 8) | b;
        }

        return true;
    }

    /// <summary>True when the metadata names a format and version this proxy can read.</summary>
    public static bool IsSupported(ReadOnlySpan<byte> ciphertextMetadata) => TryReadVersion(ciphertextMetadata, out _);
}
