using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Hyok.Crypto;
using Hyok.Protocol;

namespace Hyok.Fuzz;

internal static partial class CryptoFieldsTarget
{
    /// <summary>
    /// <see cref="StrictBase64"/> accepts exactly RFC 4648 §4 with padding (xks-spec.md §1) and decodes as .NET does;
    /// returns the bytes, or null when refused.
    /// </summary>
    private static byte[]? CheckBase64(string text)
    {
        bool accepted = StrictBase64.TryDecode(text, out byte[] bytes);
        FuzzInvariantException.Require(accepted == PaddedBase64().IsMatch(text), accepted ? "accepted non-standard Base64" : "refused standard Base64");
        if (!accepted)
        {
            return null;
        }

        FuzzInvariantException.Require(Convert.FromBase64String(text).AsSpan().SequenceEqual(bytes), "decoded differently from Convert.FromBase64String");
        FuzzInvariantException.Require(StrictBase64.DecodedLength(text) == bytes.Length, "DecodedLength disagrees with the decoded bytes");
        return bytes;
    }

    /// <summary>§5.3: <c>uint16_be(len(aad)) || aad || uint8(len(md)) || md</c>, refused with ArgumentException only when a length does not fit.</summary>
    private static void CheckAad(byte[] aad, byte[] metadata)
    {
        byte[] built = GcmAad.Build(aad, metadata);
        FuzzInvariantException.Require(built.Length == 3 + aad.Length + metadata.Length, "§5.3 AAD has the wrong length");
        FuzzInvariantException.Require(BinaryPrimitives.ReadUInt16BigEndian(built) == aad.Length, "§5.3 AAD length prefix is wrong");
        FuzzInvariantException.Require(built.AsSpan(2, aad.Length).SequenceEqual(aad), "§5.3 AAD does not carry the AAD");
        FuzzInvariantException.Require(built[2 + aad.Length] == metadata.Length, "§5.3 metadata length byte is wrong");
        FuzzInvariantException.Require(built.AsSpan(3 + aad.Length).SequenceEqual(metadata), "§5.3 AAD does not end with the metadata");
        FuzzInvariantException.Require(CiphertextMetadataFormat.IsSupported(metadata) == metadata is [CiphertextMetadataFormat.LengthPrefixedAadV1], "metadata format check is wrong");
        try
        {
            _ = GcmAad.Build(new byte[ushort.MaxValue + 1], metadata);
            throw new FuzzInvariantException("§5.3 AAD accepted an AAD longer than its 16-bit length");
        }
        catch (ArgumentException)
        {
            // The one documented refusal.
        }
    }

    /// <summary>§5.4: SHA-256 over the raw fields laid end to end, the same from both overloads.</summary>
    private static void CheckIntegrityValue(byte[][] fields)
    {
        byte[] expected = SHA256.HashData([.. fields.SelectMany(field => field)]);
        byte[] oneShot = CiphertextIntegrity.Compute(fields[0], fields[1], fields[2], fields[3], fields[4]);
        Span<byte> onStack = stackalloc byte[32];
        CiphertextIntegrity.Compute(fields[0], fields[1], fields[2], fields[3], fields[4], onStack);
        FuzzInvariantException.Require(oneShot.AsSpan().SequenceEqual(expected) && onStack.SequenceEqual(expected), "CDIV is not SHA-256 of the fields");
    }

    [GeneratedRegex("^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PaddedBase64();
}
