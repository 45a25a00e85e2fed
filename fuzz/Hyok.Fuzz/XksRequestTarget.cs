using Hyok.Crypto;
using Hyok.Protocol;

namespace Hyok.Fuzz;

/// <summary>
/// <c>xks-request</c>: one raw request body through all four parsers of <see cref="RequestParser"/> (xks-spec.md §4,
/// §6.3 step 4). Bad input must be ValidationException or UnsupportedOperationException with a safe message; a body
/// accepted for Encrypt or Decrypt must also be accepted for the metadata-only operations; accepted fields are within
/// <see cref="XksLimits"/>, decode exactly as .NET's Base64 does, and fit the §5.3 AAD construction.
/// </summary>
internal static partial class XksRequestTarget
{
    private static readonly XksLimits Limits = XksLimits.Default;

    public static void Run(byte[] input)
    {
        var health = RequestParser.ParseHealth(input);
        var keyMetadata = RequestParser.ParseKeyMetadata(input);
        var encrypt = RequestParser.ParseEncrypt(input, Limits);
        var decrypt = RequestParser.ParseDecrypt(input, Limits);

        CheckOutcome(health.Error, health.IsSuccess ? [health.Value.KmsRequestId, health.Value.KmsOperation] : []);
        CheckOutcome(keyMetadata.Error, keyMetadata.IsSuccess ? [keyMetadata.Value.KmsRequestId, keyMetadata.Value.AwsPrincipalArn] : []);
        CheckOutcome(encrypt.Error, encrypt.IsSuccess ? [encrypt.Value.Metadata.KmsKeyArn, encrypt.Value.Metadata.AwsPrincipalArn] : []);
        CheckOutcome(decrypt.Error, decrypt.IsSuccess ? [decrypt.Value.Metadata.KmsKeyArn, decrypt.Value.Metadata.AwsPrincipalArn] : []);

        FuzzInvariantException.Require(!keyMetadata.IsSuccess || health.IsSuccess, "GetKeyMetadata accepted a body GetHealthStatus refused");
        if (encrypt.IsSuccess)
        {
            FuzzInvariantException.Require(keyMetadata.IsSuccess, "Encrypt accepted a body GetKeyMetadata refused");
            CheckEncrypt(input, encrypt.Value);
        }

        if (decrypt.IsSuccess)
        {
            FuzzInvariantException.Require(keyMetadata.IsSuccess, "Decrypt accepted a body GetKeyMetadata refused");
            CheckDecrypt(input, decrypt.Value);
        }
    }

    private static void CheckOutcome(XksError? error, string?[] required)
    {
        if (error is not null)
        {
            SafeMessage.Check(error, XksErrorCode.ValidationException, XksErrorCode.UnsupportedOperationException);
            return;
        }

        FuzzInvariantException.Require(required.All(value => value is not null), "an accepted request lacks a required requestMetadata field");
    }

    /// <summary>What the encrypt operation does next must not fail: the §5.3 AAD with Hyok's metadata, the §5.4 CDIV.</summary>
    private static void CheckEncrypt(byte[] input, EncryptCommand command)
    {
        FuzzInvariantException.Require(command.Plaintext.Length <= Limits.MaxPlaintextBytes, "plaintext over the limit was accepted");
        FuzzInvariantException.Require(command.AdditionalAuthenticatedData.Length <= Limits.MaxAadBytes, "AAD over the limit was accepted");
        var request = ReferenceJson.Encrypt(input);
        ReferenceJson.RequireSameBase64(request.Plaintext, command.Plaintext, "plaintext");
        ReferenceJson.RequireSameBase64(request.AdditionalAuthenticatedData ?? "", command.AdditionalAuthenticatedData, "additionalAuthenticatedData");
        _ = GcmAad.Build(command.AdditionalAuthenticatedData, CiphertextMetadataFormat.CurrentBytes);
    }
}
