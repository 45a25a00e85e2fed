using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Hyok.Protocol;

namespace Hyok.Cli.Conformance;

/// <summary>The fields of an Encrypt answer, decoded (xks-spec.md §4.2); a record so tampering checks can copy it with one change.</summary>
internal sealed record EncryptedData(byte[] Ciphertext, byte[] InitializationVector, byte[] AuthenticationTag, byte[]? CiphertextMetadata, string? IntegrityValue)
{
    /// <summary>Decodes an Encrypt answer; <paramref name="problem"/> says what is wrong with its shape (xks-spec.md §12 item 16).</summary>
    public static EncryptedData? Parse(XksAnswer answer, int plaintextLength, out string? problem)
    {
        var json = answer.Json();
        problem = json is null ? "the answer is not a JSON object" : null;
        var ciphertext = Field(json, "ciphertext", required: true, ref problem);
        var iv = Field(json, "initializationVector", required: true, ref problem);
        var tag = Field(json, "authenticationTag", required: true, ref problem);
        var metadata = Field(json, "ciphertextMetadata", required: false, ref problem);
        var cdiv = json?["ciphertextDataIntegrityValue"] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
        problem ??= ciphertext!.Length != plaintextLength ? $"ciphertext has {ciphertext.Length} bytes for {plaintextLength} of plaintext (tag appended?)"
            : iv!.Length is not (12 or 16) ? $"initializationVector has {iv.Length} bytes (must be 12 or 16)"
            : tag!.Length != 16 ? $"authenticationTag has {tag.Length} bytes (must be 16)"
            : metadata is { Length: > XksLimits.MaxCiphertextMetadataBytes } ? $"ciphertextMetadata has {metadata.Length} bytes (must be <= 20)"
            : null;
        return problem is null ? new EncryptedData(ciphertext!, iv!, tag!, metadata, cdiv) : null;
    }

    /// <summary>The CDIV of xks-spec.md §5.4: Base64(SHA-256(AAD || ciphertextMetadata || IV || ciphertext || tag)), no lengths.</summary>
    public string ExpectedIntegrityValue(byte[]? aad) =>
        Convert.ToBase64String(SHA256.HashData([.. aad ?? [], .. CiphertextMetadata ?? [], .. InitializationVector, .. Ciphertext, .. AuthenticationTag]));

    private static byte[]? Field(JsonObject? json, string name, bool required, ref string? problem)
    {
        if (problem is not null)
        {
            return null;
        }

        switch (json![name])
        {
            case null when !required:
                return null;
            case JsonValue value when value.TryGetValue(out string? text) && StrictBase64.TryDecode(text, out var bytes):
                return bytes;
            default:
                problem = json[name] is null ? $"{name} is missing" : $"{name} is not standard padded Base64";
                return null;
        }
    }
}
