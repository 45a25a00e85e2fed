namespace Hyok.Crypto;

/// <summary>
/// What Hyok puts in <c>ciphertextMetadata</c> (xks-spec.md §4.2, §5.3): one format byte naming the AAD
/// construction used, so a later construction can be introduced while old ciphertexts stay decryptable.
/// Format 1 = the spec's length-prefixed construction (<see cref="GcmAad"/>). Metadata is bound into the tag.
/// </summary>
public static class CiphertextMetadataFormat
{
    public const byte LengthPrefixedAadV1 = 0x01;

    public static byte[] Current() => [LengthPrefixedAadV1];

    /// <summary><see cref="Current"/> without an allocation (static data).</summary>
    internal static ReadOnlySpan<byte> CurrentBytes => [LengthPrefixedAadV1];

    /// <summary><see cref="Current"/> in Base64, as the Encrypt response carries it.</summary>
    internal const string CurrentBase64 = "AQ==";

    /// <summary>True when the metadata names a construction this proxy can decrypt.</summary>
    public static bool IsSupported(ReadOnlySpan<byte> ciphertextMetadata) =>
        ciphertextMetadata.Length == 1 && ciphertextMetadata[0] == LengthPrefixedAadV1;
}
