namespace Hyok.Protocol;

public static partial class RequestParser
{
    public static XksResult<EncryptCommand> ParseEncrypt(ReadOnlySpan<byte> body, XksLimits limits)
    {
        var parsed = Deserialize(body, XksJsonContext.Default.EncryptRequest);
        if (!parsed.IsSuccess)
        {
            return parsed.ErrorAs<EncryptCommand>();
        }

        var request = parsed.Value;
        var metadata = RequireMetadata(request.RequestMetadata, MetadataShape.Crypto);
        if (!metadata.IsSuccess)
        {
            return metadata.ErrorAs<EncryptCommand>();
        }

        if (CheckAlgorithm(request.EncryptionAlgorithm) is { } algorithmError)
        {
            return algorithmError;
        }

        var cdivAlgorithm = request.CiphertextDataIntegrityValueAlgorithm;
        if (cdivAlgorithm is not null && cdivAlgorithm != Sha256)
        {
            return XksError.Validation("ciphertextDataIntegrityValueAlgorithm must be SHA_256.");
        }

        var plaintext = Decode(request.Plaintext, "plaintext", limits.MaxPlaintextBytes, required: true);
        if (!plaintext.IsSuccess)
        {
            return plaintext.ErrorAs<EncryptCommand>();
        }

        var aad = Decode(request.AdditionalAuthenticatedData, "additionalAuthenticatedData", limits.MaxAadBytes, required: false);
        return aad.IsSuccess
            ? new EncryptCommand(metadata.Value, plaintext.Value, aad.Value, cdivAlgorithm is not null)
            : aad.ErrorAs<EncryptCommand>();
    }

    public static XksResult<DecryptCommand> ParseDecrypt(ReadOnlySpan<byte> body, XksLimits limits)
    {
        var parsed = Deserialize(body, XksJsonContext.Default.DecryptRequest);
        if (!parsed.IsSuccess)
        {
            return parsed.ErrorAs<DecryptCommand>();
        }

        var request = parsed.Value;
        var metadata = RequireMetadata(request.RequestMetadata, MetadataShape.Crypto);
        if (!metadata.IsSuccess)
        {
            return metadata.ErrorAs<DecryptCommand>();
        }

        if (CheckAlgorithm(request.EncryptionAlgorithm) is { } algorithmError)
        {
            return algorithmError;
        }

        var ciphertext = Decode(request.Ciphertext, "ciphertext", limits.MaxPlaintextBytes, required: true);
        var iv = Decode(request.InitializationVector, "initializationVector", 64, required: true);
        var tag = Decode(request.AuthenticationTag, "authenticationTag", 64, required: true);
        var aad = Decode(request.AdditionalAuthenticatedData, "additionalAuthenticatedData", limits.MaxAadBytes, required: false);
        var ciphertextMetadata = DecodeCiphertextMetadata(request.CiphertextMetadata);
        var failed = FirstError(ciphertext.Error, iv.Error, tag.Error, aad.Error, ciphertextMetadata.Error);
        return failed ?? (XksResult<DecryptCommand>)new DecryptCommand(
            metadata.Value, ciphertext.Value!, ciphertextMetadata.Value, aad.Value!, iv.Value!, tag.Value!);
    }
}
