using System.Diagnostics.CodeAnalysis;
using Hyok.Kms.ExternalKeyStores;

namespace Hyok.Kms.Crypto;

/// <summary>
/// The ciphertext blob of an EXTERNAL_KEY_STORE key, version 2 (docs/kms-emulator.md, "External key store keys"):
/// <code>
/// version (1 = 0x02) || key id (16, UUID big-endian)                          = header, as in version 1
/// || context check (16)                                                      see <see cref="DoubleEnvelope"/>
/// || outer IV length (1: 12 or 16) || outer IV || metadata length (1: 0-20, 0xFF = none) || ciphertextMetadata
/// || outer tag (16) || outer ciphertext (the rest)
/// </code>
/// The outer fields are the proxy's Encrypt answer, byte for byte; its plaintext was the inner layer
/// <c>inner IV (12) || inner tag (16) || inner ciphertext</c>, so the outer ciphertext is 28 bytes longer than the
/// caller's plaintext.
/// </summary>
internal sealed record ExternalCiphertextBlob(Guid KeyId, byte[] ContextCheck, XksCiphertext Outer)
{
    public const byte Version2 = 0x02;
    public const int ContextCheckSize = 16;
    public const int MaxMetadataBytes = 20;

    /// <summary>The metadata length byte of a proxy answer without ciphertextMetadata (absent and empty are not the same AAD).</summary>
    public const byte NoMetadata = 0xFF;

    public byte[] Header => CiphertextBlob.Header(Version2, KeyId);

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        stream.Write(Header);
        stream.Write(ContextCheck);
        stream.WriteByte((byte)Outer.InitializationVector.Length);
        stream.Write(Outer.InitializationVector);
        stream.WriteByte(Outer.Metadata is { } metadata ? (byte)metadata.Length : NoMetadata);
        stream.Write(Outer.Metadata ?? []);
        stream.Write(Outer.AuthenticationTag);
        stream.Write(Outer.Ciphertext);
        return stream.ToArray();
    }

    /// <summary>False for another version, a bad IV or metadata length, or too short a blob (no room for the inner layer).</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out ExternalCiphertextBlob? blob)
    {
        blob = null;
        int at = CiphertextBlob.HeaderSize + ContextCheckSize;
        if (bytes.Length <= at || bytes[0] != Version2 || bytes[at] is not (12 or 16) || bytes.Length <= at + 1 + bytes[at])
        {
            return false;
        }

        var iv = bytes.Slice(at + 1, bytes[at]);
        at += 1 + iv.Length;
        int metadataLength = bytes[at] == NoMetadata ? 0 : bytes[at];
        if (metadataLength > MaxMetadataBytes || bytes.Length < at + 1 + metadataLength + CiphertextBlob.TagSize + DoubleEnvelope.InnerOverhead)
        {
            return false;
        }

        byte[]? metadata = bytes[at] == NoMetadata ? null : bytes.Slice(at + 1, metadataLength).ToArray();
        at += 1 + metadataLength;
        var outer = new XksCiphertext(
            bytes[(at + CiphertextBlob.TagSize)..].ToArray(), iv.ToArray(), bytes.Slice(at, CiphertextBlob.TagSize).ToArray(), metadata);
        blob = new ExternalCiphertextBlob(new Guid(bytes.Slice(1, 16), bigEndian: true), bytes.Slice(CiphertextBlob.HeaderSize, ContextCheckSize).ToArray(), outer);
        return true;
    }
}
