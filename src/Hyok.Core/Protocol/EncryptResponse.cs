using System.Text;

namespace Hyok.Protocol;

/// <summary>
/// Encrypt response (xks-spec.md §4.2); absent optional members are omitted, never null.
/// <see cref="object.ToString"/> redacts the ciphertext, tag and integrity value (ARCHITECTURE.md §3.10).
/// </summary>
public sealed record EncryptResponse(
    string AuthenticationTag,
    string Ciphertext,
    string? CiphertextDataIntegrityValue,
    string? CiphertextMetadata,
    string InitializationVector)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Ciphertext = (redacted, ").Append(Ciphertext?.Length ?? 0).Append(" Base64 characters), AuthenticationTag = (redacted)")
            .Append(", CiphertextDataIntegrityValue = ").Append(CiphertextDataIntegrityValue is null ? "(none)" : "(redacted)")
            .Append(", CiphertextMetadata = ").Append(CiphertextMetadata)
            .Append(", InitializationVector = ").Append(InitializationVector);
        return true;
    }
}
