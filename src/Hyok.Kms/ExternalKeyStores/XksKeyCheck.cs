using System.Text.RegularExpressions;
using Hyok.Kms.Protocol;
using Hyok.Protocol;

namespace Hyok.Kms.ExternalKeyStores;

/// <summary>
/// CreateKey's check of an external key (xks-spec.md §4.1, §10.2, §11): a well-formed <c>XksKeyId</c>, then GetKeyMetadata
/// with <c>kmsOperation=CreateKey</c> must report keySpec AES_256, keyUsage with ENCRYPT and DECRYPT, keyStatus ENABLED.
/// Whether another KMS key already uses the id (<see cref="AlreadyInUse"/>) is the caller's check, before this one.
/// </summary>
public static partial class XksKeyCheck
{
    public const string KeyIdPattern = "^[a-zA-Z0-9-_.]+$";

    /// <summary>Null when <paramref name="xksKeyId"/> satisfies the API's XksKeyId constraints (1–128, <see cref="KeyIdPattern"/>).</summary>
    public static KmsError? CheckKeyId(string? xksKeyId)
    {
        if (xksKeyId is null)
        {
            return null;
        }

        var problems = new List<string>();
        if (xksKeyId.Length is < 1 or > 128)
        {
            problems.Add($"Value '{xksKeyId}' at 'xksKeyId' failed to satisfy constraint: Member must have length between 1 and 128");
        }

        if (!KeyIdRegex().IsMatch(xksKeyId))
        {
            problems.Add($"Value '{xksKeyId}' at 'xksKeyId' failed to satisfy constraint: Member must satisfy regular expression pattern: {KeyIdPattern}");
        }

        return XksProxyParameters.ValidationError(problems);
    }

    /// <summary>Calls GetKeyMetadata for CreateKey and judges the answer: null when the key may back a KMS key.</summary>
    public static async Task<KmsError?> CheckAsync(
        XksProxyCaller caller, string xksKeyId, string awsPrincipalArn, string? kmsRequestId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (CheckKeyId(xksKeyId) is { } invalid)
        {
            return invalid;
        }

        var context = new XksRequestContext("CreateKey", awsPrincipalArn, KmsRequestId: kmsRequestId);
        return Evaluate(xksKeyId, await caller.GetKeyMetadataAsync(xksKeyId, context, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Null when the metadata call succeeded and the key is AES_256, ENCRYPT+DECRYPT and ENABLED; else the CreateKey exception.</summary>
    public static KmsError? Evaluate(string xksKeyId, XksCallResult<KeyMetadataResponse> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.IsSuccess)
        {
            return XksFailureMapping.ForCreateKey(result.Failure, xksKeyId);
        }

        var metadata = result.Value;
        string? problem = metadata.KeySpec != "AES_256" ? $"its key spec is {metadata.KeySpec}, not AES_256"
            : !metadata.KeyUsage.Contains("ENCRYPT") || !metadata.KeyUsage.Contains("DECRYPT") ? "its key usage does not include both ENCRYPT and DECRYPT"
            : metadata.KeyStatus != "ENABLED" ? $"its status is {metadata.KeyStatus}, not ENABLED"
            : null;
        return problem is null ? null : new KmsError("XksKeyInvalidConfigurationException",
            $"The external key '{xksKeyId}' does not meet the requirements of an external key store key: {problem}.");
    }

    /// <summary>The error for an XksKeyId already associated with <paramref name="existingKeyId"/> in the same key store.</summary>
    public static KmsError AlreadyInUse(string xksKeyId, string existingKeyId) => new("XksKeyAlreadyInUseException",
        $"The external key '{xksKeyId}' is already associated with the KMS key {existingKeyId} in this external key store.");

    [GeneratedRegex(KeyIdPattern, RegexOptions.CultureInvariant)]
    private static partial Regex KeyIdRegex();
}
