namespace Hyok.Protocol;

/// <summary>
/// Size limits above the spec minimums (xks-spec.md §5.1): plaintext/ciphertext at least 4300 bytes,
/// AAD at least 8192 bytes; anything larger than these limits is UnsupportedOperationException (501).
/// </summary>
/// <param name="MaxPlaintextBytes">Largest plaintext (Encrypt) or ciphertext (Decrypt), in bytes.</param>
/// <param name="MaxAadBytes">Largest additionalAuthenticatedData, in bytes; at most 65535 (the §5.3 length prefix is 16 bits).</param>
public sealed record XksLimits(int MaxPlaintextBytes, int MaxAadBytes)
{
    public const int SpecMinimumPlaintextBytes = 4300;
    public const int SpecMinimumAadBytes = 8192;
    public const int MaxCiphertextMetadataBytes = 20;
    public const int MaxAadBytesByConstruction = ushort.MaxValue;

    public static XksLimits Default { get; } = new(8192, 16384);
}
