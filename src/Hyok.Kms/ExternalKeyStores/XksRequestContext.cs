namespace Hyok.Kms.ExternalKeyStores;

/// <summary>
/// What KMS knows about the API call that makes it call the proxy; becomes <c>requestMetadata</c> (xks-spec.md §3).
/// <see cref="KmsRequestId"/> should be the emulator's request id of the API call (as CloudTrail shows it); when null
/// a fresh GUID is sent.
/// </summary>
/// <param name="KmsOperation">The KMS API: <c>CreateKey</c>, <c>Encrypt</c>, <c>GenerateDataKey</c>, <c>ReEncrypt</c>, <c>Decrypt</c>, ... (§3.2).</param>
/// <param name="AwsPrincipalArn">The caller's principal ARN (required for key operations).</param>
/// <param name="KmsKeyArn">The KMS key's ARN (Encrypt and Decrypt; not sent with GetKeyMetadata since spec 1.0.3).</param>
/// <param name="KmsRequestId">The KMS request id; null: a fresh GUID.</param>
/// <param name="KmsViaService">The AWS service that called on the caller's behalf, if any (Encrypt and Decrypt).</param>
/// <param name="AwsSourceVpc">The VPC the call came from, if through a VPC endpoint.</param>
/// <param name="AwsSourceVpce">The VPC endpoint used, if any.</param>
public sealed record XksRequestContext(
    string KmsOperation,
    string AwsPrincipalArn,
    string? KmsKeyArn = null,
    string? KmsRequestId = null,
    string? KmsViaService = null,
    string? AwsSourceVpc = null,
    string? AwsSourceVpce = null);
