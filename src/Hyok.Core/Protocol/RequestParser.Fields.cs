namespace Hyok.Protocol;

public static partial class RequestParser
{
    private static XksError? CheckAlgorithm(string? algorithm) => algorithm switch
    {
        null => XksError.Validation("encryptionAlgorithm is required."),
        AesGcm => null,
        _ => XksError.Validation("encryptionAlgorithm must be AES_GCM."),
    };

    /// <summary>Decodes a Base64 field; a value larger than <paramref name="maxBytes"/> is 501 (xks-spec.md §5.1).</summary>
    private static XksResult<byte[]> Decode(string? value, string field, int maxBytes, bool required)
    {
        if (value is null)
        {
            return required ? XksError.Validation($"{field} is required.") : Array.Empty<byte>();
        }

        if (value.Length > ((maxBytes + 2) / 3 * 4))
        {
            return new XksError(XksErrorCode.UnsupportedOperationException, $"{field} is larger than this proxy supports ({maxBytes} bytes).");
        }

        if (!StrictBase64.TryDecode(value, out var bytes))
        {
            return XksError.Validation($"{field} is not valid standard Base64 with padding.");
        }

        return bytes.Length > maxBytes
            ? new XksError(XksErrorCode.UnsupportedOperationException, $"{field} is larger than this proxy supports ({maxBytes} bytes).")
            : bytes;
    }

    /// <summary>At most 20 bytes (xks-spec.md §4.3, §6.3 step 4: larger is a ValidationException).</summary>
    private static XksResult<byte[]?> DecodeCiphertextMetadata(string? value)
    {
        if (value is null)
        {
            return XksResult<byte[]?>.Success(null);
        }

        if (!StrictBase64.TryDecode(value, out var bytes))
        {
            return XksError.Validation("ciphertextMetadata is not valid standard Base64 with padding.");
        }

        return bytes.Length > XksLimits.MaxCiphertextMetadataBytes
            ? XksError.Validation("ciphertextMetadata must be at most 20 bytes.")
            : bytes;
    }

    private static XksError? FirstError(XksError? first, XksError? second, XksError? third, XksError? fourth, XksError? fifth) =>
        first ?? second ?? third ?? fourth ?? fifth;
}
