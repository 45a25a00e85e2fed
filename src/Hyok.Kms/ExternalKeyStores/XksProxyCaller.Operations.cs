using System.Text.Json;
using Hyok.Protocol;

namespace Hyok.Kms.ExternalKeyStores;

/// <summary>The four XKS operations (xks-spec.md §4) with the requestMetadata KMS sends for each (§3.1).</summary>
public sealed partial class XksProxyCaller
{
    /// <summary>GetHealthStatus with <paramref name="kmsOperation"/> (<c>CreateCustomKeyStore</c>, <c>ConnectCustomKeyStore</c>, <c>UpdateCustomKeyStore</c>, <c>KmsHealthCheck</c>).</summary>
    public Task<XksCallResult<HealthStatusResponse>> GetHealthStatusAsync(string kmsOperation, string? kmsRequestId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(kmsOperation);
        string requestId = kmsRequestId ?? NewRequestId();
        var body = new MetadataOnlyRequest { RequestMetadata = new RequestMetadata { KmsOperation = kmsOperation, KmsRequestId = requestId } };
        return CallAsync("health", kmsOperation, requestId, JsonSerializer.SerializeToUtf8Bytes(body, XksJsonContext.Default.MetadataOnlyRequest),
            XksResponseReader.Health, cancellationToken);
    }

    /// <summary>GetKeyMetadata (KMS sends it for CreateKey): principal, operation, request id and VPC facts, no key ARN (§3.1, spec 1.0.3).</summary>
    public Task<XksCallResult<KeyMetadataResponse>> GetKeyMetadataAsync(string externalKeyId, XksRequestContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        string requestId = context.KmsRequestId ?? NewRequestId();
        var metadata = new RequestMetadata
        {
            AwsPrincipalArn = context.AwsPrincipalArn,
            AwsSourceVpc = context.AwsSourceVpc,
            AwsSourceVpce = context.AwsSourceVpce,
            KmsOperation = context.KmsOperation,
            KmsRequestId = requestId,
        };
        var body = new MetadataOnlyRequest { RequestMetadata = metadata };
        return CallAsync(KeyPath(externalKeyId, "metadata"), context.KmsOperation, requestId,
            JsonSerializer.SerializeToUtf8Bytes(body, XksJsonContext.Default.MetadataOnlyRequest), XksResponseReader.KeyMetadata, cancellationToken);
    }

    /// <summary>
    /// Encrypt under the external key with AES_GCM; <paramref name="additionalAuthenticatedData"/> is KMS's own AAD (opaque to
    /// the proxy). With <paramref name="requestIntegrityValue"/> KMS asks for a SHA_256 ciphertextDataIntegrityValue and
    /// rejects an answer whose value it cannot recompute (§5.4).
    /// </summary>
    public Task<XksCallResult<XksCiphertext>> EncryptAsync(
        string externalKeyId, XksRequestContext context, byte[] plaintext, byte[]? additionalAuthenticatedData, bool requestIntegrityValue,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(plaintext);
        string requestId = context.KmsRequestId ?? NewRequestId();
        var body = new EncryptRequest
        {
            RequestMetadata = KeyMetadataOf(context, requestId),
            Plaintext = Convert.ToBase64String(plaintext),
            EncryptionAlgorithm = "AES_GCM",
            AdditionalAuthenticatedData = additionalAuthenticatedData is null ? null : Convert.ToBase64String(additionalAuthenticatedData),
            CiphertextDataIntegrityValueAlgorithm = requestIntegrityValue ? "SHA_256" : null,
        };
        return CallAsync(KeyPath(externalKeyId, "encrypt"), context.KmsOperation, requestId,
            JsonSerializer.SerializeToUtf8Bytes(body, XksJsonContext.Default.EncryptRequest),
            answer => XksResponseReader.Encrypt(answer, plaintext.Length, additionalAuthenticatedData, requestIntegrityValue), cancellationToken);
    }

    /// <summary>Decrypt the proxy's outer layer <paramref name="ciphertext"/> with the same AAD it was encrypted with; the value is the plaintext.</summary>
    public Task<XksCallResult<byte[]>> DecryptAsync(
        string externalKeyId, XksRequestContext context, XksCiphertext ciphertext, byte[]? additionalAuthenticatedData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(ciphertext);
        string requestId = context.KmsRequestId ?? NewRequestId();
        var body = new DecryptRequest
        {
            RequestMetadata = KeyMetadataOf(context, requestId),
            Ciphertext = Convert.ToBase64String(ciphertext.Ciphertext),
            CiphertextMetadata = ciphertext.Metadata is null ? null : Convert.ToBase64String(ciphertext.Metadata),
            EncryptionAlgorithm = "AES_GCM",
            AdditionalAuthenticatedData = additionalAuthenticatedData is null ? null : Convert.ToBase64String(additionalAuthenticatedData),
            InitializationVector = Convert.ToBase64String(ciphertext.InitializationVector),
            AuthenticationTag = Convert.ToBase64String(ciphertext.AuthenticationTag),
        };
        return CallAsync(KeyPath(externalKeyId, "decrypt"), context.KmsOperation, requestId,
            JsonSerializer.SerializeToUtf8Bytes(body, XksJsonContext.Default.DecryptRequest),
            answer => XksResponseReader.Decrypt(answer, ciphertext.Ciphertext.Length), cancellationToken);
    }

    private static RequestMetadata KeyMetadataOf(XksRequestContext context, string requestId) => new()
    {
        AwsPrincipalArn = context.AwsPrincipalArn,
        AwsSourceVpc = context.AwsSourceVpc,
        AwsSourceVpce = context.AwsSourceVpce,
        KmsKeyArn = context.KmsKeyArn,
        KmsOperation = context.KmsOperation,
        KmsRequestId = requestId,
        KmsViaService = context.KmsViaService,
    };

    /// <summary>externalKeyId characters are all URI-unreserved (xks-spec.md §2.3); anything else is the caller's bug.</summary>
    private static string KeyPath(string externalKeyId, string operation)
    {
        if (XksKeyCheck.CheckKeyId(externalKeyId) is not null)
        {
            throw new ArgumentException("The external key id is not a valid XksKeyId.", nameof(externalKeyId));
        }

        return $"keys/{externalKeyId}/{operation}";
    }

    private static string NewRequestId() => Guid.NewGuid().ToString();
}
