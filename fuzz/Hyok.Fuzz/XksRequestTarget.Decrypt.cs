using Hyok.Crypto;
using Hyok.Protocol;

namespace Hyok.Fuzz;

internal static partial class XksRequestTarget
{
    /// <summary>The decrypt operation builds the §5.3 AAD from the request's AAD and metadata (xks-spec.md §4.3): it must fit.</summary>
    private static void CheckDecrypt(byte[] input, DecryptCommand command)
    {
        FuzzInvariantException.Require(command.Ciphertext.Length <= Limits.MaxPlaintextBytes, "ciphertext over the limit was accepted");
        FuzzInvariantException.Require(command.AdditionalAuthenticatedData.Length <= Limits.MaxAadBytes, "AAD over the limit was accepted");
        FuzzInvariantException.Require(
            command.CiphertextMetadata is null || command.CiphertextMetadata.Length <= XksLimits.MaxCiphertextMetadataBytes,
            "ciphertextMetadata over 20 bytes was accepted");
        var request = ReferenceJson.Decrypt(input);
        ReferenceJson.RequireSameBase64(request.Ciphertext, command.Ciphertext, "ciphertext");
        ReferenceJson.RequireSameBase64(request.InitializationVector, command.InitializationVector, "initializationVector");
        ReferenceJson.RequireSameBase64(request.AuthenticationTag, command.AuthenticationTag, "authenticationTag");
        ReferenceJson.RequireSameBase64(request.AdditionalAuthenticatedData ?? "", command.AdditionalAuthenticatedData, "additionalAuthenticatedData");
        if (request.CiphertextMetadata is { } metadata)
        {
            ReferenceJson.RequireSameBase64(metadata, command.CiphertextMetadata ?? [], "ciphertextMetadata");
        }

        var gcmAad = GcmAad.Build(command.AdditionalAuthenticatedData, command.CiphertextMetadata ?? []);
        FuzzInvariantException.Require(
            gcmAad.Length == 3 + command.AdditionalAuthenticatedData.Length + (command.CiphertextMetadata?.Length ?? 0), "§5.3 AAD has the wrong length");
        _ = CiphertextMetadataFormat.IsSupported(command.CiphertextMetadata);
    }
}
