using System.Globalization;

namespace Hyok.Kms.Protocol;

/// <summary>The errors of the AWS KMS API (API reference "Errors" of each operation, and the common errors).</summary>
internal static class KmsErrors
{
    public static KmsError NotFound(string message) => new("NotFoundException", message);

    public static KmsError Disabled(string keyArn) => new("DisabledException", $"{keyArn} is disabled.");

    public static KmsError InvalidState(string message) => new("KMSInvalidStateException", message);

    public static KmsError PendingDeletion(string keyArn) => InvalidState($"{keyArn} is pending deletion.");

    public static KmsError InvalidCiphertext() => new("InvalidCiphertextException", string.Empty);

    public static KmsError IncorrectKey() =>
        new("IncorrectKeyException", "The key ID in the request does not identify a CMK that can perform this operation.");

    public static KmsError AlreadyExists(string message) => new("AlreadyExistsException", message);

    public static KmsError InvalidAliasName(string message) => new("InvalidAliasNameException", message);

    public static KmsError InvalidMarker() => new("InvalidMarkerException", "The marker is not valid.");

    public static KmsError UnsupportedOperation(string message) => new("UnsupportedOperationException", message);

    public static KmsError InvalidKeyUsage(string message) => new("InvalidKeyUsageException", message);

    /// <summary>A <c>DryRun</c> request that would have succeeded (HTTP 412, as KMS answers it).</summary>
    public static KmsError DryRun() => new("DryRunOperationException", "The request would have succeeded, but the DryRun option is set.", 412);

    public static KmsError Serialization(string message) => new("SerializationException", message);

    public static KmsError UnknownOperation() => new("UnknownOperationException", string.Empty);

    public static KmsError Internal() => new("KMSInternalException", "An internal error occurred.", 500);

    /// <summary>The AWS validation message: <c>1 validation error detected: Value ... at 'field' failed to satisfy constraint: ...</c>.</summary>
    public static KmsError Validation(string field, string constraint, string? value = null) => new(
        "ValidationException",
        string.Create(
            CultureInfo.InvariantCulture,
            $"1 validation error detected: Value {(value is null ? "null" : $"'{value}'")} at '{Camel(field)}' failed to satisfy constraint: {constraint}"));

    public static KmsError Validation(string message) => new("ValidationException", message);

    private static string Camel(string field) => char.ToLowerInvariant(field[0]) + field[1..];
}
