using System.Security.Cryptography;
using Hyok.Protocol;

namespace Hyok.Kms.ExternalKeyStores;

/// <summary>The Encrypt answer (xks-spec.md §4.2) and KMS's check of its ciphertextDataIntegrityValue (§5.4).</summary>
internal static partial class XksResponseReader
{
    public static XksParsed<XksCiphertext> Encrypt(byte[] body, int plaintextLength, byte[]? additionalAuthenticatedData, bool integrityRequested)
    {
        var answer = Read(body, XksJsonContext.Default.EncryptResponse);
        byte[]? metadata = null;
        if (answer is null
            || !Decodes(answer.Ciphertext, out var ciphertext) || ciphertext.Length != plaintextLength
            || !Decodes(answer.InitializationVector, out var iv) || iv.Length is not (12 or 16)
            || !Decodes(answer.AuthenticationTag, out var tag) || tag.Length != 16
            || (answer.CiphertextMetadata is not null && (!Decodes(answer.CiphertextMetadata, out metadata) || metadata.Length > XksLimits.MaxCiphertextMetadataBytes)))
        {
            return XksParsed<XksCiphertext>.Fail(XksProxyFailure.Invalid("the Encrypt answer is not a valid AES-GCM ciphertext (xks-spec.md §4.2)", 200));
        }

        var result = new XksCiphertext(ciphertext, iv, tag, metadata);
        if (integrityRequested)
        {
            if (answer.CiphertextDataIntegrityValue is null || !Decodes(answer.CiphertextDataIntegrityValue, out var claimed))
            {
                return XksParsed<XksCiphertext>.Fail(XksProxyFailure.Invalid("the Encrypt answer lacks the requested ciphertextDataIntegrityValue", 200));
            }

            if (!CryptographicOperations.FixedTimeEquals(claimed, IntegrityValue(additionalAuthenticatedData, result)))
            {
                return XksParsed<XksCiphertext>.Fail(new XksProxyFailure(XksFailureKind.IntegrityMismatch,
                    "the Encrypt answer's ciphertextDataIntegrityValue does not match the returned ciphertext (xks-spec.md §5.4)", 200));
            }
        }

        return XksParsed<XksCiphertext>.Ok(result);
    }

    /// <summary>SHA-256(AAD || ciphertextMetadata || IV || ciphertext || tag), absent parts empty, no lengths (xks-spec.md §5.4).</summary>
    public static byte[] IntegrityValue(byte[]? additionalAuthenticatedData, XksCiphertext ciphertext)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(additionalAuthenticatedData ?? []);
        hash.AppendData(ciphertext.Metadata ?? []);
        hash.AppendData(ciphertext.InitializationVector);
        hash.AppendData(ciphertext.Ciphertext);
        hash.AppendData(ciphertext.AuthenticationTag);
        return hash.GetHashAndReset();
    }

    private static bool Decodes(string? value, out byte[] bytes)
    {
        bytes = [];
        return value is not null && StrictBase64.TryDecode(value, out bytes);
    }
}
